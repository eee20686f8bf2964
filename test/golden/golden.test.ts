import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { collectionSchemaErrors } from "../collection/postman-schema";
import { EXPECTED_DIR, GOLDEN_DIR, goldenCases } from "./cases";
import { runCli } from "./run-cli";

// Each golden spec goes through the CLI; every file it writes must equal the committed one
// byte for byte. After an intended change: `npx tsx test/golden/update.ts`, review the diff.

const UPDATE_HINT = "golden file differs: if the change is intended run `npx tsx test/golden/update.ts`";

let outDir: string;
let again: string;
const stderrBySpec = new Map<string, string>();

async function listFiles(dir: string): Promise<string[]> {
  const files: string[] = [];
  for (const sub of ["collections", "environments"]) {
    // Recursive: the sample files collections upload live in collections/files/.
    const names = await readdir(join(dir, sub), { recursive: true, withFileTypes: true }).catch(
      () => [],
    );
    for (const entry of names) {
      if (entry.isFile()) files.push(relative(dir, join(entry.parentPath, entry.name)));
    }
  }
  return files.sort();
}

/** JSON as text (readable diffs), sample files as base64 (their exact bytes). */
const text = async (path: string) =>
  (await readFile(path)).toString(path.endsWith(".json") ? "utf8" : "base64");

beforeAll(async () => {
  outDir = await mkdtemp(join(tmpdir(), "specpost-golden-"));
  again = await mkdtemp(join(tmpdir(), "specpost-golden-again-"));
  for (const { spec, args } of goldenCases()) {
    for (const dir of [outDir, again]) {
      const result = await runCli(
        ["generate", join("specs", spec), "--out-dir", dir, ...args],
        GOLDEN_DIR,
      );
      expect(result.code, `${spec}: ${result.stderr}`).toBe(0);
      stderrBySpec.set(spec, result.stderr);
    }
  }
});

afterAll(async () => {
  await rm(outDir, { recursive: true, force: true });
  await rm(again, { recursive: true, force: true });
});

describe("golden specs", () => {
  it("write exactly the committed set of files", async () => {
    expect(await listFiles(outDir)).toEqual(await listFiles(EXPECTED_DIR));
  });

  it("match the committed files byte for byte", async () => {
    for (const file of await listFiles(EXPECTED_DIR)) {
      const want = await text(join(EXPECTED_DIR, file));
      const got = await text(join(outDir, file)).catch(() => "<missing>");
      expect(got, `${file}: ${UPDATE_HINT}`).toBe(want);
    }
  });

  it("are deterministic: a second generation gives identical bytes", async () => {
    const files = await listFiles(outDir);
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      expect(await text(join(again, file)), file).toBe(
        await text(join(outDir, file)),
      );
    }
  });

  it("produce collections the official Postman v2.1.0 schema accepts", async () => {
    for (const file of (await listFiles(outDir)).filter((f) => f.endsWith(".postman_collection.json"))) {
      const collection = JSON.parse(await readFile(join(outDir, file), "utf8"));
      expect(collectionSchemaErrors(collection), file).toEqual([]);
    }
  });

  it.each([
    ["api-key.yaml", ["no-client-credentials"]],
    ["bearer-extension.yaml", []],
    ["bearer-option.yaml", []],
    ["kpn-client-credentials.yaml", []],
    ["swagger2-application.yaml", []],
  ])("%s warns with %j", (spec, codes) => {
    const stderr = stderrBySpec.get(spec) ?? "";
    const found = [...stderr.matchAll(/ warning ([a-z-]+) /g)].map((m) => m[1]);
    expect(found).toEqual(codes);
  });
});
