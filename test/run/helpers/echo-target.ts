import { randomUUID } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A hostile stand-in for a real API gateway: it issues tokens to any client and then
 * reflects credentials everywhere a report could pick them up — the client secret in the
 * token answer, the Authorization header in API bodies and response headers — in every
 * spelling an echo may use: as is, JSON-escaped the PHP/Java way (`\/`, `\u00e9`),
 * URL-encoded and base64.
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
        res.end(phpJson(value));
      };
      const echoes = (auth: string) => {
        const values = [auth, ...state.secretsSeen.slice(-1), ...state.issued.slice(-1)];
        return {
          seen: auth,
          url: values.map((v) => encodeURIComponent(v)),
          base64: values.map((v) => Buffer.from(v, "utf8").toString("base64")),
          embedded: Buffer.from(`x:${values.join(":")}`, "utf8").toString("base64"),
          raw: values,
        };
      };
      const echoHeaders = (auth: string) => ({
        "x-echo-authorization": auth,
        "x-echo-secret": encodeURIComponent(state.secretsSeen.at(-1) ?? ""),
        "x-echo-base64": Buffer.from(state.secretsSeen.at(-1) ?? "", "utf8").toString("base64"),
      });
      if (url.pathname === "/oauth/token") {
        const form = new URLSearchParams(body);
        const secret = form.get("client_secret") ?? "";
        state.secretsSeen.push(secret);
        // `/` and `+` as in real tokens, so the JSON answer escapes them the PHP way.
        const token = `tok/${randomUUID()}+${randomUUID().slice(0, 8)}`;
        state.issued.push(token);
        send(200, {
          access_token: token,
          token_type: "Bearer",
          expires_in: "3599",
          note: `issued to ${form.get("client_id")} with ${secret}`,
          encoded: [encodeURIComponent(secret), Buffer.from(secret, "utf8").toString("base64")],
        });
        return;
      }
      const auth = req.headers.authorization ?? "";
      state.authorizations.push(auth);
      if (url.pathname === "/api/things") {
        send(200, { items: [{ id: 1 }], ...echoes(auth) }, echoHeaders(auth));
        return;
      }
      if (url.pathname === "/api/things/1") {
        send(200, { id: 1, ...echoes(auth) }, echoHeaders(auth));
        return;
      }
      send(200, echoes(auth), echoHeaders(auth));
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

/** JSON as PHP's json_encode and many Java libraries write it: `\/` for `/`, `\u00e9` for `é`. */
function phpJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/\//g, "\\/")
    .replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}
