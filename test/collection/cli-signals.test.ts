import { spawn } from "node:child_process";
import { mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ROOT } from "../../scripts/build/fresh.mjs";
import { outputFile, writeFiles } from "../../scripts/collection/write";

/**
 * `specpost generate` stops at once on SIGINT/SIGTERM, even while the pipeline is deep in
 * synchronous work: a spec big enough to keep it busy for many seconds is generated, the real
 * CLI is started on it and signalled once it is working. The bound on the exit is generous
 * (a loaded machine) yet far below the time the generation itself takes.
 */
const OPERATIONS = 10_000;

function bigSpec(operations: number): string {
  const lines = [
    "openapi: 3.0.3",
    'info: { title: Big API, version: "1" }',
    'servers: [{ url: "https://api.test" }]',
    "components:",
    "  securitySchemes:",
    "    oauth2:",
    "      type: oauth2",
    "      flows:",
    "        clientCredentials:",
    "          tokenUrl: https://api.test/oauth/token",
    "          scopes: {}",
    "security: [{ oauth2: [] }]",
    "paths:",
  ];
  for (let i = 0; i < operations; i++) {
    lines.push(
      `  /r${i}/{id}:`,
      "    get:",
      `      operationId: get${i}`,
      "      parameters: [{ name: id, in: path, required: true, schema: { type: integer } }]",
      "      responses:",
      '        "200":',
      "          description: ok",
      "          content:",
      "            application/json:",
      "              schema: { type: object, required: [id], properties: { id: { type: integer }, name: { type: string, minLength: 3 } } }",
    );
  }
  return `${lines.join("\n")}\n`;
}

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "specpost-signals-"));
  await writeFile(join(dir, "big.yaml"), bigSpec(OPERATIONS));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function everyFile(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name).slice(root.length + 1));
}

/** Starts the real CLI in `dir`, signals it once it is at work, and reports how it ended. */
async function signalled(args: string[], signal: NodeJS.Signals) {
  const child = spawn(process.execPath, [join(ROOT, "bin", "specpost.mjs"), ...args], {
    cwd: dir,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk) => {
    stdout += chunk;
  });
  child.stderr.on("data", (chunk) => {
    stderr += chunk;
  });
  const exited = new Promise<{ code: number | null; at: number }>((resolve) =>
    child.once("exit", (code) => resolve({ code, at: Date.now() })),
  );
  // Long enough for the CLI to start and be inside the pipeline; far shorter than the run.
  await new Promise((resolve) => setTimeout(resolve, 2_500));
  const runningWhenSignalled = child.exitCode === null;
  const sent = Date.now();
  child.kill(signal);
  const timeout = setTimeout(() => child.kill("SIGKILL"), 10_000);
  const { code, at } = await exited;
  clearTimeout(timeout);
  return { runningWhenSignalled, code, afterMs: at - sent, stdout, stderr };
}

describe("specpost generate on a signal", () => {
  it.each([
    ["SIGTERM", 143],
    ["SIGINT", 130],
  ] as const)(
    "stops within seconds of %s, exits %i, writes nothing",
    async (signal, exitCode) => {
      const run = await signalled(["generate", "big.yaml"], signal);
      expect(run.runningWhenSignalled).toBe(true);
      expect(run.afterMs).toBeLessThan(3_000);
      expect(run.code).toBe(exitCode);
      expect(run.stderr).toBe(`specpost generate: stopped (${signal}); nothing written\n`);
      expect(await everyFile(dir)).toEqual(["big.yaml"]);
    },
    30_000,
  );

  it("--watch: stops the generation under way and exits 0", async () => {
    const run = await signalled(["generate", "big.yaml", "--watch"], "SIGTERM");
    expect(run.runningWhenSignalled).toBe(true);
    expect(run.afterMs).toBeLessThan(3_000);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("stopped watching (SIGTERM)\n");
    expect(await everyFile(dir)).toEqual(["big.yaml"]);
  }, 30_000);
});

describe("writeFiles stopped while staging", () => {
  it("removes the temporary files it staged and renames nothing", async () => {
    const files = ["a", "b", "c"].map((name) =>
      outputFile(join(dir, "collections", `${name}.json`), [Buffer.from(`${name}\n`)]),
    );
    // Aborts once the first file is staged: the signal is read before each file.
    let reads = 0;
    const signal = {
      get aborted() {
        reads += 1;
        return reads > 2;
      },
    } as AbortSignal;
    expect(await writeFiles(files, signal)).toEqual([]);
    expect(await everyFile(dir)).toEqual(["big.yaml"]);
  });
});
