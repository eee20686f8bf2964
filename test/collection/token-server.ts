import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export const TOKEN_PATH = "/oauth/client_credential/accesstoken";
export const CLIENT_ID = "test-client";
export const CLIENT_SECRET = "s3cr3t-test-value";

export type TokenMode =
  | { kind: "ok"; expiresIn: string | number }
  | { kind: "kpn-500" }
  | { kind: "invalid-client-401" }
  /** A JWT access token whose `exp` is `expSeconds` away, and no expires_in. */
  | { kind: "jwt"; expSeconds: number };

/** How a stricter token endpoint behaves (oidc-provider style settings, and faults). */
export interface TokenRules {
  /** The only client authentication accepted; default: either. */
  clientAuth?: "post" | "basic";
  /** A form parameter every token request must carry (audience, resource). */
  requireParam?: { name: string; value: string };
  /** The first `count` token requests are answered with `status` (and Retry-After). */
  failFirst?: { count: number; status: number; retryAfter?: string };
  /** Every token issued so far is revoked once this many API calls were accepted (or each of these many). */
  revokeAfter?: number | number[];
  /** After this many accepted API calls the quota is spent for `ms` (429, quota-reset-UTC). */
  quota?: { after: number; ms: number };
}

export interface TokenServer {
  origin: string;
  tokenUrl: string;
  /** Token requests received with the configured secret (the Auth checks' wrong one excluded). */
  tokenRequests: number;
  /** API requests received, and how many of them were refused for their token. */
  apiRequests: number;
  unauthorized: number;
  /** Raw bodies of token requests (the test checks what the scripts send). */
  tokenBodies: string[];
  /** Authorization headers of token requests with the configured secret ("" when none). */
  tokenAuthorizations: string[];
  /** API calls answered 429 (quota). */
  throttled: number;
  close(): Promise<void>;
}

const json = (res: ServerResponse, status: number, body: unknown) => {
  res.writeHead(status, { "content-type": "application/json" });
  res.end(JSON.stringify(body));
};

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    let text = "";
    req.on("data", (chunk) => {
      text += chunk;
    });
    req.on("end", () => resolve(text));
  });
}

/**
 * A token endpoint shaped like KPN's (every value a string, grant_type in the query) and an
 * API that accepts only tokens it issued and has not yet expired.
 */
/** Client id and secret from an RFC 6749 Basic header, form-decoded. */
function basicCredentials(header: string | undefined): { id: string; secret: string } | undefined {
  const encoded = /^Basic (.+)$/i.exec(header ?? "")?.[1];
  if (encoded === undefined) return undefined;
  const text = Buffer.from(encoded, "base64").toString("utf8");
  const colon = text.indexOf(":");
  const decode = (part: string) => decodeURIComponent(part.replace(/\+/g, " "));
  return { id: decode(text.slice(0, colon)), secret: decode(text.slice(colon + 1)) };
}

export async function startTokenServer(
  mode: TokenMode,
  rules: TokenRules = {},
): Promise<TokenServer> {
  const issued = new Map<string, number>();
  let counter = 0;
  const state = {
    tokenRequests: 0,
    apiRequests: 0,
    unauthorized: 0,
    tokenBodies: [] as string[],
    tokenAuthorizations: [] as string[],
    tokenCalls: 0,
    accepted: 0,
    quotaResetAt: 0,
    throttled: 0,
  };
  const server: Server = createServer(async (req, res) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const body = await readBody(req);
    if (url.pathname === TOKEN_PATH) {
      const form = new URLSearchParams(body);
      const basic = basicCredentials(req.headers.authorization);
      const inForm = form.has("client_secret");
      const clientId = basic?.id ?? form.get("client_id");
      const secret = basic?.secret ?? form.get("client_secret");
      if (secret === CLIENT_SECRET) {
        state.tokenRequests += 1;
        state.tokenAuthorizations.push(req.headers.authorization ?? "");
      }
      state.tokenBodies.push(body);
      state.tokenCalls += 1;
      if (rules.failFirst && state.tokenCalls <= rules.failFirst.count) {
        const headers: Record<string, string> = { "content-type": "application/json" };
        if (rules.failFirst.retryAfter) headers["retry-after"] = rules.failFirst.retryAfter;
        res.writeHead(rules.failFirst.status, headers);
        return res.end(JSON.stringify({ error: "temporarily_unavailable" }));
      }
      const wrongMethod =
        (rules.clientAuth === "basic" && (inForm || !basic)) ||
        (rules.clientAuth === "post" && (basic !== undefined || !inForm));
      if (wrongMethod) {
        return json(res, 401, {
          error: "invalid_client",
          error_description: `client authentication must be client_secret_${rules.clientAuth}`,
        });
      }
      const need = rules.requireParam;
      if (need && form.get(need.name) !== need.value) {
        return json(res, 400, {
          error: "invalid_target",
          error_description: `${need.name} must be ${need.value}`,
        });
      }
      if (mode.kind === "kpn-500") {
        return json(res, 500, {
          error: {
            transactionId: "abc-123",
            status: "500 - Internal Server Error",
            name: "Internal Server Error",
            message: "invalid_client-invalid_client_id",
            info: "https://developer.kpn.com/support",
          },
        });
      }
      if (
        mode.kind === "invalid-client-401" ||
        clientId !== CLIENT_ID ||
        secret !== CLIENT_SECRET ||
        url.searchParams.get("grant_type") !== "client_credentials"
      ) {
        return json(res, 401, { ErrorCode: "invalid_client", Error: "ClientId is Invalid" });
      }
      counter += 1;
      if (mode.kind === "jwt") {
        const exp = Math.floor(Date.now() / 1000) + mode.expSeconds;
        const part = (value: object) => Buffer.from(JSON.stringify(value)).toString("base64url");
        const jwt = `${part({ alg: "none", typ: "at+jwt" })}.${part({ exp, n: counter })}.sig`;
        issued.set(jwt, exp * 1000);
        return json(res, 200, { token_type: "Bearer", access_token: jwt });
      }
      const token = `tok${String(counter).padStart(25, "0")}`;
      issued.set(token, Date.now() + Number(mode.expiresIn) * 1000);
      return json(res, 200, {
        refresh_token_expires_in: "0",
        api_product_list: "[health-data]",
        token_type: "Bearer",
        issued_at: String(Date.now()),
        client_id: CLIENT_ID,
        access_token: token,
        scope: "",
        expires_in: mode.expiresIn,
        refresh_count: "0",
        status: "approved",
      });
    }
    state.apiRequests += 1;
    if (url.pathname.startsWith("/public/")) return json(res, 200, { ok: true });
    if (Date.now() < state.quotaResetAt) {
      state.throttled += 1;
      res.writeHead(429, {
        "content-type": "application/json",
        "quota-reset-UTC": new Date(state.quotaResetAt).toISOString(),
      });
      return res.end(JSON.stringify({ error: "quota exceeded" }));
    }
    const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? "")?.[1];
    const expiry = token === undefined ? undefined : issued.get(token);
    if (expiry === undefined || expiry <= Date.now()) {
      state.unauthorized += 1;
      return json(res, 401, {
        fault: {
          faultstring: expiry === undefined ? "Invalid Access Token" : "Access Token expired",
          detail: { errorcode: "keymanagement.service.invalid_access_token" },
        },
      });
    }
    state.accepted += 1;
    if ([rules.revokeAfter ?? []].flat().includes(state.accepted)) issued.clear();
    if (rules.quota && state.accepted === rules.quota.after) {
      state.quotaResetAt = Date.now() + rules.quota.ms;
    }
    return json(res, 200, { ok: true, path: url.pathname });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    tokenUrl: `${origin}${TOKEN_PATH}?grant_type=client_credentials`,
    get tokenRequests() {
      return state.tokenRequests;
    },
    get apiRequests() {
      return state.apiRequests;
    },
    get unauthorized() {
      return state.unauthorized;
    },
    get tokenBodies() {
      return state.tokenBodies;
    },
    get throttled() {
      return state.throttled;
    },
    get tokenAuthorizations() {
      return state.tokenAuthorizations;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
