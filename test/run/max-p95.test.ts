import { writeFileSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { runCommand } from "../../scripts/commands/run";
import type { MockServer } from "../../scripts/mock/types";
import { defaultDeps, type RunDeps } from "../../scripts/run/deps";
import { captureIo } from "./helpers/io";
import { createThingsProject, type ThingsProject } from "./helpers/things-project";

/** A loopback API whose GET /things answers only after `delayMs`; the rest at once. */
async function slowThings(delayMs: number) {
  const server = http.createServer((req, res) => {
    const answer = (body: unknown) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify(body));
    };
    if (req.url?.startsWith("/oauth/token")) return answer({ access_token: "slow-token-123456" });
    if (req.url === "/api/things") return void setTimeout(() => answer({ items: [] }), delayMs);
    answer({ id: 1 });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const deps: RunDeps = {
    loadModel: defaultDeps.loadModel,
    startMock: async () =>
      ({
        origin,
        baseUrl: `${origin}/api`,
        tokenUrl: `${origin}/oauth/token`,
        warnings: [],
        stats: () => ({ tokenRequests: 1, tokensIssued: 1, requests: {}, statuses: {} }),
        close: async () => {},
      }) as unknown as MockServer,
  };
  return { deps, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

let project: ThingsProject | undefined;
let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  await close?.();
  project?.remove();
});

describe("--max-p95", () => {
  it("fails an operation whose p95 response time is over the limit, naming it", async () => {
    const target = await slowThings(300);
    close = target.close;
    project = createThingsProject();
    const io = captureIo(project.dir);
    const code = await runCommand(["--max-p95", "200"], io, target.deps);
    const out = io.out.join("");
    expect(code).toBe(1);
    expect(out).toContain("List things › p95 response time <= 200 ms");
    expect(out).toMatch(/GET \/things: p95 \d+ ms over 1 request is over the 200 ms limit/);
    expect(out).toContain("result      FAIL");
  });

  it("maxP95 in the operation's overrides sets its own limit", async () => {
    const target = await slowThings(300);
    close = target.close;
    project = createThingsProject();
    writeFileSync(
      path.join(project.dir, "specs/things.overrides.yaml"),
      "operations:\n  listThings:\n    maxP95: 250\n",
    );
    const io = captureIo(project.dir);
    expect(await runCommand([], io, target.deps)).toBe(1);
    expect(io.out.join("")).toContain("List things › p95 response time <= 250 ms");
  });

  it("without it the same slow run passes", async () => {
    const target = await slowThings(300);
    close = target.close;
    project = createThingsProject();
    const io = captureIo(project.dir);
    expect(await runCommand([], io, target.deps)).toBe(0);
    expect(io.out.join("")).toMatch(/GET \/things\s+200\s+p50 \d+ ms {2}p95 \d+ ms/);
  });
});
