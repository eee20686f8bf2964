import { once } from "node:events";
import { createServer, type IncomingMessage } from "node:http";

/** One credential a rule looks for: a bearer token the server issued, or an API key. */
export type Need =
  | { bearer: true; scope?: string }
  | { header: string }
  | { query: string }
  | { cookie: string };

/** Per path: alternatives (OR), each a list of needs (AND). Written by hand, not from specpost. */
export type Rules = Record<string, Need[][]>;

export interface Seen {
  path: string;
  status: number;
  bearer: boolean;
  headers: Record<string, string | string[] | undefined>;
  query: string;
}

export interface SecurityServer {
  origin: string;
  seen: Seen[];
  tokenRequests(): number;
  close(): Promise<void>;
}

const CLIENT_ID = "security-client";
const CLIENT_SECRET = "security-secret";
export const SERVER_CREDENTIALS = { client_id: CLIENT_ID, client_secret: CLIENT_SECRET };

function cookie(request: IncomingMessage, name: string): string | undefined {
  for (const part of (request.headers.cookie ?? "").split(";")) {
    const [key, ...value] = part.trim().split("=");
    if (key === name) return value.join("=");
  }
  return undefined;
}

/**
 * A small API server of our own: a client-credentials token endpoint at /oauth/token and API
 * paths that enforce the given AND/OR rules (401 naming what is missing), 200 otherwise.
 */
export async function startSecurityServer(
  prefix: string,
  rules: Rules,
  bodies: Record<string, unknown> = {},
): Promise<SecurityServer> {
  /** Token → the scopes it was granted (all when the request named none). */
  const tokens = new Map<string, string[] | undefined>();
  let tokenRequests = 0;
  const seen: Seen[] = [];
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? "/", "http://x");
    const chunks: Buffer[] = [];
    request.on("data", (c: Buffer) => chunks.push(c));
    request.on("end", () => {
      const send = (status: number, body: unknown) => {
        response.writeHead(status, { "content-type": "application/json" });
        response.end(JSON.stringify(body));
      };
      if (url.pathname === "/oauth/token") {
        tokenRequests += 1;
        const form = new URLSearchParams(Buffer.concat(chunks).toString("utf8"));
        if (form.get("client_id") !== CLIENT_ID || form.get("client_secret") !== CLIENT_SECRET)
          return send(401, { error: "invalid_client" });
        const token = `token-${tokenRequests}`;
        const scope = form.get("scope");
        tokens.set(token, scope === null ? undefined : scope.split(" "));
        return send(200, { access_token: token, token_type: "Bearer", expires_in: 3600 });
      }
      const path = url.pathname.startsWith(prefix) ? url.pathname.slice(prefix.length) : "";
      const alternatives = rules[path];
      const bearer = /^Bearer (\S+)$/.exec(request.headers.authorization ?? "")?.[1];
      const has = (need: Need): boolean => {
        if ("bearer" in need) {
          if (bearer === undefined || !tokens.has(bearer)) return false;
          const granted = tokens.get(bearer);
          return need.scope === undefined || granted === undefined || granted.includes(need.scope);
        }
        if ("header" in need) return Boolean(request.headers[need.header.toLowerCase()]);
        if ("query" in need) return Boolean(url.searchParams.get(need.query));
        return Boolean(cookie(request, need.cookie));
      };
      let status = 200;
      let body: unknown = bodies[path] ?? [];
      if (!alternatives) [status, body] = [404, { error: "no such path" }];
      else if (alternatives.length > 0 && !alternatives.some((all) => all.every(has))) {
        const missing = (alternatives[0] ?? [])
          .filter((n) => !has(n))
          .map((n) => JSON.stringify(n));
        [status, body] = [401, { error: "unauthorized", missing }];
      }
      seen.push({
        path,
        status,
        bearer: bearer !== undefined,
        headers: request.headers,
        query: url.search,
      });
      send(status, body);
    });
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return {
    origin: `http://127.0.0.1:${port}`,
    seen,
    tokenRequests: () => tokenRequests,
    close: async () => {
      server.close();
      server.closeAllConnections();
      await once(server, "close");
    },
  };
}
