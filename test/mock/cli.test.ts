import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import type { Io } from "../../scripts/commands/io";
import { mockCommand } from "../../scripts/commands/mock";

const SPEC = "specs/elcies-health-data-aggregator.yaml";

function captureIo(cwd = process.cwd()): Io & { out: string; err: string } {
  const io = {
    out: "",
    err: "",
    cwd,
    env: {},
    stdout(text: string) {
      io.out += text;
    },
    stderr(text: string) {
      io.err += text;
    },
  };
  return io;
}

const children: ChildProcess[] = [];
afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill("SIGKILL");
});

describe("specpost mock", () => {
  it("prints where it listens, serves, and stops cleanly on SIGTERM", async () => {
    const child = spawn(
      process.execPath,
      ["bin/specpost.mjs", "mock", SPEC, "--port", "0", "--token-ttl", "60"],
      {
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    children.push(child);
    let out = "";
    let err = "";
    child.stderr?.on("data", (chunk) => (err += chunk));
    const baseUrl = await new Promise<string>((resolve, reject) => {
      child.stdout?.on("data", (chunk) => {
        out += chunk;
        const match = /listening on (\S+)/.exec(out);
        // The last line of the banner: everything above it has arrived.
        if (match?.[1] && out.includes("stop with Ctrl-C")) resolve(match[1]);
      });
      child.on("exit", (code) => reject(new Error(`exited ${code}: ${err}`)));
    });
    expect(baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/data\/elcies\/health-data-aggregator$/);
    const tokenUrl = /token URL\s+(\S+)/.exec(out)?.[1] as string;
    expect(out).toContain("specpost-mock-client");
    expect(out).not.toContain("specpost-mock-secret");

    const issued = await fetch(tokenUrl, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "client_id=specpost-mock-client&client_secret=specpost-mock-secret",
    });
    const { access_token, expires_in } = (await issued.json()) as Record<string, string>;
    expect(expires_in).toBe("60");
    expect(
      (await fetch(`${baseUrl}/userlist`, { headers: { authorization: `Bearer ${access_token}` } }))
        .status,
    ).toBe(200);

    const exit = new Promise<number | null>((resolve) => child.on("exit", resolve));
    child.kill("SIGTERM");
    expect(await exit).toBe(0);
    expect(out).toContain("stopped");
    expect(out + err).not.toContain(access_token as string);
    expect(err).toBe("");
  });

  it.each([
    [[], "give exactly one SPEC"],
    [[SPEC, SPEC], "give exactly one SPEC"],
    [[SPEC, "--port", "http"], "--port must be a whole number"],
    [[SPEC, "--port", "70000"], "--port must be a whole number"],
    [[SPEC, "--token-ttl", "0"], "--token-ttl must be a positive whole number"],
    // Read as the value, not as an option ("argument is ambiguous" before).
    [
      [SPEC, "--token-ttl", "-5"],
      "--token-ttl must be a positive whole number of seconds, got '-5'",
    ],
    [[SPEC, "--port", "-1"], "--port must be a whole number from 0 to 65535, got '-1'"],
    [[SPEC, "--token-url", "/relative"], "--token-url must be an absolute http(s) URL"],
    [[SPEC, "--verbose"], "Unknown option '--verbose'"],
  ])("exits 2 on usage errors: %j", async (args, message) => {
    const io = captureIo();
    expect(await mockCommand(args, io)).toBe(2);
    expect(io.err).toContain(message);
    expect(io.err).toContain("usage: specpost mock");
  });

  it("exits 1 with one line per problem when the spec is broken", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "specpost-mock-"));
    try {
      writeFileSync(
        path.join(dir, "broken.yaml"),
        "openapi: 3.0.3\ninfo: {title: x, version: '1'}\npaths:\n  /a: [unclosed\n",
      );
      const io = captureIo(dir);
      expect(await mockCommand(["broken.yaml"], io, () => Promise.resolve())).toBe(1);
      const lines = io.err.trim().split("\n");
      expect(lines.length).toBeGreaterThan(0);
      for (const line of lines) expect(line).toMatch(/^broken\.yaml:\d+:\d+ error /);
      expect(io.out).toBe("");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("--allow-outside-refs lets the spec's $refs leave its folder, as for generate", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "specpost-mock-"));
    try {
      const api = path.join(dir, "api");
      const { mkdirSync } = await import("node:fs");
      mkdirSync(api);
      writeFileSync(path.join(dir, "shared.yaml"), "Thing: { type: object }\n");
      writeFileSync(
        path.join(api, "spec.yaml"),
        "openapi: 3.0.3\ninfo: {title: x, version: '1'}\nservers: [{url: 'https://x.example'}]\npaths:\n  /a:\n    get:\n      responses:\n        '200':\n          description: ok\n          content:\n            application/json:\n              schema: { $ref: '../shared.yaml#/Thing' }\n",
      );
      const refused = captureIo(dir);
      expect(
        await mockCommand(["api/spec.yaml", "--port", "0"], refused, () => Promise.resolve()),
      ).toBe(1);
      expect(refused.err).toContain("ref-outside-folder");
      const allowed = captureIo(dir);
      const args = ["api/spec.yaml", "--port", "0", "--allow-outside-refs"];
      expect(await mockCommand(args, allowed, () => Promise.resolve())).toBe(0);
      expect(allowed.out).toContain("listening on");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("exits 2 when the port is taken (a set-up error, as the README says)", async () => {
    const first = captureIo();
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    const running = mockCommand([SPEC, "--port", "0"], first, () => held);
    await expect.poll(() => first.out, { timeout: 30_000 }).toContain("listening on");
    const port = /127\.0\.0\.1:(\d+)/.exec(first.out)?.[1] as string;
    const second = captureIo();
    expect(await mockCommand([SPEC, "--port", port], second, () => Promise.resolve())).toBe(2);
    expect(second.err).toContain(`port ${port} is in use`);
    release();
    expect(await running).toBe(0);
  });
});
