import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { main } from "../../scripts/cli";
import { runCommand } from "../../scripts/commands/run";
import { captureIo } from "./helpers/io";

// Issue 11 item 5: one environment per server, and `run --target` takes their names.
const SPEC = `openapi: 3.0.3
info: { title: Servers, version: "1" }
servers:
  - url: https://api.example.com/v1
    description: Production
  - url: "http://127.0.0.1:{port}/{version}"
    description: Local test server
    variables:
      port: { default: "9" }
      version: { default: v1, enum: [v1, v2] }
paths:
  /things:
    get:
      responses:
        "200": { description: ok }
`;

let server: Server;
let port: number;
const seen: string[] = [];
let dir: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    seen.push(req.url ?? "");
    res.writeHead(200).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
  dir = mkdtempSync(path.join(tmpdir(), "specpost-servers-"));
  mkdirSync(path.join(dir, "specs"));
  writeFileSync(path.join(dir, "specs", "servers.yaml"), SPEC);
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  rmSync(dir, { recursive: true, force: true });
});

describe("environments per server", () => {
  it("generate writes one per server beside mock, sandbox and production", async () => {
    expect(await main(["generate"], captureIo(dir))).toBe(0);
    expect(readdirSync(path.join(dir, "environments")).sort()).toEqual([
      "servers.mock.postman_environment.json",
      "servers.production.postman_environment.json",
      "servers.sandbox.postman_environment.json",
      "servers.server-local-test-server.postman_environment.json",
      "servers.server-production.postman_environment.json",
    ]);
  });

  it("run --target server-NAME sends to that server, its variables changeable", async () => {
    const io = captureIo(dir);
    const args = ["--target", "server-local-test-server", "--env-var", `port=${port}`];
    const code = await runCommand([...args, "--env-var", "version=v2"], io);
    expect(io.err.join("")).toBe("");
    expect(code).toBe(0);
    expect(seen).toEqual(["/v2/things"]);
  });

  it("an unknown server target names what exists", async () => {
    const io = captureIo(dir);
    expect(await runCommand(["--target", "server-nowhere"], io)).toBe(2);
    expect(io.text()).toContain("no server-nowhere environment");
  });
});
