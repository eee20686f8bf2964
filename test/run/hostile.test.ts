import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runCommand } from "../../scripts/commands/run";
import { resolveRunContext } from "../../scripts/run/args";
import { defaultDeps } from "../../scripts/run/deps";
import { captureIo } from "./helpers/io";
import { createThingsProject, type ThingsProject } from "./helpers/things-project";

/** A token endpoint that accepts the connection and never answers. */
let silent: http.Server;
let tokenUrl: string;
let things: ThingsProject;
const held: http.ServerResponse[] = [];
beforeEach(async () => {
  silent = http.createServer((_req, res) => {
    held.push(res);
  });
  await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
  tokenUrl = `http://127.0.0.1:${(silent.address() as AddressInfo).port}/oauth/token`;
  things = createThingsProject();
});
afterEach(async () => {
  for (const res of held.splice(0)) res.destroy();
  silent.closeAllConnections();
  await new Promise((resolve) => silent.close(resolve));
  things.remove();
});

describe("a token endpoint that never answers", () => {
  it('says "timed out after N s" and exits 2 (an unreachable token endpoint)', async () => {
    const io = captureIo(things.dir, {
      SPECPOST_CLIENT_ID: "id",
      SPECPOST_CLIENT_SECRET: "secret-value-1234",
    });
    const code = await runCommand(
      [
        "things",
        "--target",
        "sandbox",
        "--env-var",
        `tokenUrl=${tokenUrl}`,
        "--env-var",
        "baseUrl=http://127.0.0.1:9/api",
        "--timeout-request",
        "300",
      ],
      io,
      defaultDeps,
    );
    const output = io.out.join("") + io.err.join("");
    expect(output).toContain(
      `the token endpoint at ${tokenUrl} did not answer: timed out after 0.3 s`,
    );
    expect(output).not.toContain("got undefined undefined");
    expect(code).toBe(2);
  });

  it.each([["0"], ["300001"]])("--timeout-request %s is refused: the wait is capped", (value) => {
    const resolved = resolveRunContext(["--timeout-request", value], {}, "/p");
    expect(resolved).toEqual({
      error: "--timeout-request must be a whole number of milliseconds from 1 to 300000",
    });
  });
});
