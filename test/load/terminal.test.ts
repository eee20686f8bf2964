import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { terminalSafe } from "../../scripts/text/terminal";

describe("terminalSafe", () => {
  it.each([
    ["ESC and BEL", "title \u001b]0;pwned\u0007 \u001b[2J", "title \\x1B]0;pwned\\x07 \\x1B[2J"],
    ["DEL and C1", "a\u007fb\u009bc", "a\\x7Fb\\x9Bc"],
    ["a carriage return", "over\rwrite", "over\\rwrite"],
    ["newlines, tabs and non-ASCII stay", "é\tx\nGET /café", "é\tx\nGET /café"],
  ])("%s", (_name, input, want) => {
    expect(terminalSafe(input)).toBe(want);
  });
});

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "specpost-terminal-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("the specpost binary writes no raw control characters", () => {
  it("spec text with ESC and BEL in a problem line", async () => {
    // JSON, so the spec can hold the raw characters in a path key.
    const spec = {
      openapi: "3.0.3",
      info: { title: "T", version: "1" },
      paths: {
        "/x\u001b]0;pwned\u0007/{y": { get: { responses: { 200: { description: "ok" } } } },
      },
    };
    writeFileSync(join(dir, "api.json"), JSON.stringify(spec));
    const bin = join(process.cwd(), "bin", "specpost.mjs");
    const run = promisify(execFile)(process.execPath, [bin, "generate", "api.json"], { cwd: dir });
    const failed = (await run.catch((error: { code: number; stderr: string }) => error)) as {
      code: number;
      stderr: string;
    };
    expect(failed.code).toBe(1);
    expect(failed.stderr).toContain("\\x1B]0;pwned\\x07");
    const raw = [...failed.stderr].filter((c) => c < " " && c !== "\n" && c !== "\t");
    expect(raw).toEqual([]);
  });
});
