import { randomUUID } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A hostile stand-in for a real API gateway: it issues tokens to any client and then
 * reflects credentials everywhere a report could pick them up — the client secret in the
 * token answer, the Authorization header in API bodies and response headers.
 */
export interface EchoTarget {
  origin: string;
  tokenUrl: string;
  baseUrl: string;
  /** Every access token issued, in order. */
  issued: string[];
  /** Every client_secret the token endpoint received. */
  secretsSeen: string[];
  /** Every Authorization header the API received. */
  authorizations: string[];
  close(): Promise<void>;
}

export async function startEchoTarget(): Promise<EchoTarget> {
  const state = {
    issued: [] as string[],
    secretsSeen: [] as string[],
    authorizations: [] as string[],
  };
  const server = http.createServer((req, res) => {
    let body = "";
    req.on("data", (chunk) => {
      body += chunk;
    });
    req.on("end", () => {
      const url = new URL(req.url ?? "/", "http://x");
      const send = (code: number, value: unknown, headers: Record<string, string> = {}) => {
        res.writeHead(code, { "content-type": "application/json", ...headers });
        res.end(JSON.stringify(value));
      };
      if (url.pathname === "/oauth/token") {
        const form = new URLSearchParams(body);
        const secret = form.get("client_secret") ?? "";
        state.secretsSeen.push(secret);
        const token = `tok-${randomUUID()}`;
        state.issued.push(token);
        send(200, {
          access_token: token,
          token_type: "Bearer",
          expires_in: "3599",
          note: `issued to ${form.get("client_id")} with ${secret}`,
        });
        return;
      }
      const auth = req.headers.authorization ?? "";
      state.authorizations.push(auth);
      if (url.pathname === "/api/things") {
        send(200, { items: [{ id: 1 }], seen: auth }, { "x-echo-authorization": auth });
        return;
      }
      if (url.pathname === "/api/things/1") {
        send(200, { id: 1, seen: auth }, { "x-echo-authorization": auth });
        return;
      }
      send(200, { seen: auth }, { "x-echo-authorization": auth });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    tokenUrl: `${origin}/oauth/token`,
    baseUrl: `${origin}/api`,
    ...state,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
