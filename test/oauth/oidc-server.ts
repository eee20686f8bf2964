import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

// A real OAuth 2.0 server (panva's oidc-provider) for the token scripts, with an API in front
// that accepts only the JWT access tokens it issued for the API's resource, and a proxy that
// can fail the token endpoint's first calls.

export const OIDC_CLIENT_ID = "specpost-client";
export const OIDC_CLIENT_SECRET = "specpost-oidc-secret-value";
export const RESOURCE = "https://api.specpost.test";

export interface OidcOptions {
  /**
   * The client's registered method. oidc-provider 9 accepts a secret either way for both, so
   * the gateway in front enforces it the way Okta or eBay do: basic refuses a request without
   * an Authorization header, post one with it, each with 401 invalid_client.
   */
  method: "client_secret_basic" | "client_secret_post";
  /** The first `count` token requests answer `status` with Retry-After: 0 (a gateway fault). */
  failFirst?: { count: number; status: number };
  /**
   * After this many accepted API calls the API revokes the token they carried (401 from then
   * on; a new token is accepted). oidc-provider's revocation endpoint refuses JWT access
   * tokens, so the API keeps the revocation list, as a gateway with its own denylist does.
   */
  revokeAfter?: number;
}

export interface OidcServer {
  origin: string;
  tokenUrl: string;
  /** Requests that reached the token endpoint (the proxy's failures included). */
  tokenCalls: number;
  apiCalls: number;
  apiRefused: number;
  close(): Promise<void>;
}

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

async function provider(issuer: string, options: OidcOptions): Promise<Handler> {
  // oidc-provider warns on Node 20 ("Unsupported runtime", it wants 22): not ours to fix.
  // Its development notices (in-memory adapter, quick-start keys) are silenced the same way.
  const { warn, info } = console;
  console.warn = () => {};
  console.info = () => {};
  try {
    return await construct(issuer, options);
  } finally {
    console.warn = warn;
    console.info = info;
  }
}

async function construct(issuer: string, options: OidcOptions): Promise<Handler> {
  const { default: Provider } = await import("oidc-provider");
  const oidc = new Provider(issuer, {
    ttl: { ClientCredentials: () => 600 },
    clients: [
      {
        client_id: OIDC_CLIENT_ID,
        client_secret: OIDC_CLIENT_SECRET,
        grant_types: ["client_credentials"],
        redirect_uris: [],
        response_types: [],
        token_endpoint_auth_method: options.method,
        scope: "read write",
      },
    ],
    scopes: ["read", "write"],
    features: {
      clientCredentials: { enabled: true },
      devInteractions: { enabled: false },
      resourceIndicators: {
        enabled: true,
        defaultResource: () => undefined,
        useGrantedResource: () => false,
        getResourceServerInfo: (_ctx: unknown, resource: string) => {
          if (resource !== RESOURCE) throw new Error(`unknown resource ${resource}`);
          return { scope: "read write", audience: RESOURCE, accessTokenFormat: "jwt" };
        },
      },
    },
  });
  return oidc.callback();
}

const json = (res: ServerResponse, status: number, body: unknown) => {
  res.writeHead(status, { "content-type": "application/json" });
  res.end(JSON.stringify(body));
};

/** The API's check: a JWT from this issuer for this resource, not expired (signature not checked). */
function acceptable(authorization: string | undefined, issuer: string): boolean {
  const token = /^Bearer (.+)$/.exec(authorization ?? "")?.[1];
  const payload = token?.split(".")[1];
  if (payload === undefined) return false;
  try {
    const claims = JSON.parse(Buffer.from(payload, "base64url").toString("utf8"));
    return claims.iss === issuer && claims.aud === RESOURCE && claims.exp * 1000 > Date.now();
  } catch {
    return false;
  }
}

export async function startOidcServer(options: OidcOptions): Promise<OidcServer> {
  const state = { tokenCalls: 0, apiCalls: 0, apiRefused: 0, accepted: 0 };
  const revoked = new Set<string>();
  let handler: Handler | undefined;
  let issuer = "";
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? "/").split("?")[0] ?? "/";
    if (path.startsWith("/oidc")) {
      if (path === "/oidc/token") {
        state.tokenCalls += 1;
        if (options.failFirst && state.tokenCalls <= options.failFirst.count) {
          req.resume();
          res.writeHead(options.failFirst.status, { "retry-after": "0" });
          return res.end("Service Unavailable");
        }
        const basic = req.headers.authorization !== undefined;
        if (basic !== (options.method === "client_secret_basic")) {
          req.resume();
          return json(res, 401, {
            error: "invalid_client",
            error_description: `client authentication must be ${options.method}`,
          });
        }
      }
      req.url = (req.url ?? "/").slice("/oidc".length) || "/";
      return handler?.(req, res);
    }
    req.resume();
    state.apiCalls += 1;
    const authorization = req.headers.authorization ?? "";
    if (!acceptable(authorization, issuer) || revoked.has(authorization)) {
      state.apiRefused += 1;
      return json(res, 401, { error: "invalid_token" });
    }
    state.accepted += 1;
    if (state.accepted === options.revokeAfter) revoked.add(authorization);
    return json(res, 200, { ok: true });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  issuer = `${origin}/oidc`;
  handler = await provider(issuer, options);
  return {
    origin,
    tokenUrl: `${issuer}/token`,
    get tokenCalls() {
      return state.tokenCalls;
    },
    get apiCalls() {
      return state.apiCalls;
    },
    get apiRefused() {
      return state.apiRefused;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
