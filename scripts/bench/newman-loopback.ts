import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

export interface LoopbackServer {
  baseUrl: string;
  tokenUrl: string;
  /** Token requests seen (POST to the token path). */
  tokenRequests(): number;
  close(): Promise<void>;
}

const TOKEN_PATH = "/oauth/token";

/**
 * The trivial server the real-spec Newman benchmark runs against: every request answers 200
 * with `{}` as JSON at once, the token path a bearer token. It costs next to nothing, so what
 * differs between the two variants is Newman and the generated scripts, not the server.
 */
export async function startLoopback(): Promise<LoopbackServer> {
  let tokens = 0;
  const server = createServer((request, response) => {
    // The body is read and dropped: answering before it arrives upsets some clients.
    request.resume();
    request.on("end", () => {
      const token = request.method === "POST" && request.url?.startsWith(TOKEN_PATH);
      if (token) tokens += 1;
      const body = token
        ? JSON.stringify({ access_token: "bench", token_type: "Bearer", expires_in: 3599 })
        : "{}";
      response.writeHead(200, { "Content-Type": "application/json" });
      response.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const baseUrl = `http://127.0.0.1:${port}`;
  return {
    baseUrl,
    tokenUrl: `${baseUrl}${TOKEN_PATH}`,
    tokenRequests: () => tokens,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
