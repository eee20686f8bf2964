import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runCommand } from "../../scripts/commands/run";
import type { MockServer } from "../../scripts/mock/types";
import { defaultDeps, type RunDeps } from "../../scripts/run/deps";
import { type EchoTarget, startEchoTarget } from "./helpers/echo-target";
import { captureIo } from "./helpers/io";
import {
  createThingsProject,
  type ProjectOptions,
  THINGS_ASSERTIONS,
  type ThingsProject,
} from "./helpers/things-project";

function deps(target: EchoTarget): RunDeps {
  return {
    loadModel: defaultDeps.loadModel,
    startMock: async () =>
      ({
        origin: target.origin,
        baseUrl: target.baseUrl,
        tokenUrl: target.tokenUrl,
        warnings: [],
        stats: () => ({
          tokenRequests: target.issued.length,
          tokensIssued: target.issued.length,
          requests: {},
          statuses: {},
        }),
        close: async () => {},
      }) as unknown as MockServer,
  };
}

let target: EchoTarget;
let project: ThingsProject | undefined;
beforeEach(async () => {
  target = await startEchoTarget();
});
afterEach(async () => {
  await target.close();
  project?.remove();
  project = undefined;
});

describe("specpost run (small collection)", () => {
  it("passes against the mock target with one token request", async () => {
    project = createThingsProject();
    const io = captureIo(project.dir);
    const code = await runCommand([], io, deps(target));
    expect(io.err.join("")).toBe("");
    expect(code).toBe(0);
    const out = io.out.join("");
    expect(out).toContain(`${THINGS_ASSERTIONS} passed, 0 failed (${THINGS_ASSERTIONS} total)`);
    expect(out).toContain("tokens      1 issued (1 token request in all, counted by the mock)");
    expect(out).toMatch(/GET \/things\s+200\s/);
    expect(out).toMatch(/GET \/things\/\{id\}\s+200\s/);
    expect(out).toContain("result      PASS");
  });

  it("exits 1 and names request, assertion and message when an assertion fails", async () => {
    project = createThingsProject({ failing: true });
    const io = captureIo(project.dir);
    expect(await runCommand([], io, deps(target))).toBe(1);
    expect(io.out.join("")).toContain(
      "1. Things / Get thing again › id is 2\n       expected 1 to deeply equal 2",
    );
  });

  it("exits 2 naming the variables when sandbox credentials are missing", async () => {
    project = createThingsProject();
    const io = captureIo(project.dir, { SPECPOST_CLIENT_ID: "only-the-id" });
    expect(await runCommand(["--target", "sandbox"], io, deps(target))).toBe(2);
    expect(io.err.join("")).toBe(
      "specpost run: things: no sandbox credentials: set SPECPOST_CLIENT_ID and SPECPOST_CLIENT_SECRET (or SPECPOST_THINGS_CLIENT_ID and SPECPOST_THINGS_CLIENT_SECRET); credentials are read from environment variables only\n",
    );
    expect(target.issued).toEqual([]);
  });

  const setupErrors: [string, ProjectOptions, string[], RegExp][] = [
    [
      "the spec is missing",
      { spec: false },
      [],
      /things\.postman_collection\.json: its spec is missing \(looked for specs\/things\.\{yaml,yml,json\}\)/,
    ],
    ["a named collection does not exist", {}, ["nope"], /nope: no such collection/],
    [
      "its spec does not parse",
      { spec: "openapi: [3.0\n" },
      [],
      /^specs\/things\.yaml:\d+:\d+ error yaml-syntax /,
    ],
  ];
  it.each(setupErrors)("exits 2 when %s", async (_name, options, args, message) => {
    project = createThingsProject(options);
    const io = captureIo(project.dir);
    expect(await runCommand(args, io, deps(target))).toBe(2);
    expect(io.err.join("")).toMatch(message);
    expect(io.err.join("").split("\n").filter(Boolean)).toHaveLength(1);
  });

  // Port 9 (discard) on loopback: nothing listens there, the connection is refused at once.
  const DEAD = "http://127.0.0.1:9";
  it.each([
    [
      "token endpoint",
      (t: EchoTarget) => ({ tokenUrl: `${DEAD}/oauth/token`, baseUrl: t.baseUrl }),
      `cannot reach the token endpoint at ${DEAD}/oauth/token: ECONNREFUSED (check tokenUrl, or override it with --env-var tokenUrl=URL)`,
    ],
    [
      "API",
      (t: EchoTarget) => ({ tokenUrl: t.tokenUrl, baseUrl: `${DEAD}/api` }),
      `cannot reach the API at ${DEAD}/api/things: ECONNREFUSED (check baseUrl, or override it with --env-var baseUrl=URL)`,
    ],
  ])(
    "exits 2 with one line when the real target's %s is unreachable",
    async (_name, urls, line) => {
      project = createThingsProject();
      const io = captureIo(project.dir, {
        SPECPOST_CLIENT_ID: "id",
        SPECPOST_CLIENT_SECRET: "secret-value",
      });
      const { tokenUrl, baseUrl } = urls(target);
      const args = [
        "--target",
        "sandbox",
        "--env-var",
        `tokenUrl=${tokenUrl}`,
        "--env-var",
        `baseUrl=${baseUrl}`,
      ];
      expect(await runCommand(args, io, deps(target))).toBe(2);
      expect(io.out.join("").split("\n")).toContain(`  ${line}`);
      expect(io.text()).not.toMatch(/\n\s+at /);
    },
  );
});
