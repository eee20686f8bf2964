import { execFile } from "node:child_process";
import { mkdir, mkdtemp, readdir, readFile, rm, utimes, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshBuild, ROOT } from "../../scripts/build/fresh.mjs";

const run = promisify(execFile);
// Inside the project (git-ignored): the bundle finds scripts/postman/ from package.json.
const OUT = join(ROOT, ".specpost-tmp", `build-test-${process.pid}`);
// Specs that pull in every run-time asset: contract/token scripts and override set-variables.
const SPECS = [
  "specs/elcies-health-data-aggregator.yaml",
  "test/golden/specs/kpn-client-credentials.yaml",
  "test/golden/specs/swagger2-application.yaml",
];
const GENERATE = ["generate", ...SPECS, "--token-url", "https://auth.test/token"];

async function files(dir: string): Promise<Record<string, string>> {
  const names = (await readdir(dir, { recursive: true, withFileTypes: true }))
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
  const texts = await Promise.all(names.map((file) => readFile(file, "utf8")));
  return Object.fromEntries(names.map((file, i) => [file.slice(dir.length), texts[i] ?? ""]));
}

beforeAll(async () => {
  await run(process.execPath, ["scripts/build/build.mjs", "--out-dir", OUT], { cwd: ROOT });
}, 60_000);
afterAll(async () => {
  await rm(OUT, { recursive: true, force: true });
});

describe("prebuilt bundle", () => {
  it("generates byte-identical collections to the tsx path", async () => {
    const bundleOut = await mkdtemp(join(tmpdir(), "specpost-bundle-"));
    const tsxOut = await mkdtemp(join(tmpdir(), "specpost-tsx-"));
    try {
      const entry = pathToFileURL(join(OUT, "specpost.mjs")).href;
      const script = `const { main } = await import(${JSON.stringify(entry)});
process.exitCode = await main(process.argv.slice(1));`;
      const bundle = await run(
        process.execPath,
        ["--input-type=module", "-e", script, ...GENERATE, "--out-dir", bundleOut],
        { cwd: ROOT },
      );
      const tsx = await run(
        process.execPath,
        ["bin/specpost.mjs", ...GENERATE, "--out-dir", tsxOut],
        {
          cwd: ROOT,
          env: { ...process.env, SPECPOST_NO_BUNDLE: "1" },
        },
      );
      const produced = await files(bundleOut);
      expect(Object.keys(produced).length).toBeGreaterThanOrEqual(SPECS.length);
      expect(JSON.stringify(produced)).toContain("specpost overrides");
      expect(produced).toEqual(await files(tsxOut));
      expect(bundle.stdout.replaceAll(bundleOut, "OUT")).toBe(tsx.stdout.replaceAll(tsxOut, "OUT"));
    } finally {
      await rm(bundleOut, { recursive: true, force: true });
      await rm(tsxOut, { recursive: true, force: true });
    }
  }, 60_000);
});

describe("freshBuild", () => {
  it("uses the build only while no source under scripts/ is newer", async () => {
    const dir = await mkdtemp(join(tmpdir(), "specpost-fresh-"));
    try {
      const sources = join(dir, "scripts");
      const dist = join(dir, "dist");
      await mkdir(join(sources, "deep"), { recursive: true });
      await mkdir(dist);
      await writeFile(join(sources, "deep", "a.ts"), "");
      await writeFile(join(dist, "specpost.mjs"), "");
      const at = (file: string, seconds: number) => utimes(file, seconds, seconds);
      await at(join(sources, "deep", "a.ts"), 1000);
      await at(join(sources, "deep"), 1000);
      await at(sources, 1000);
      await at(join(dist, "specpost.mjs"), 2000);
      const folders = { dist, sources };

      expect(freshBuild("specpost.mjs", folders)).toBe(
        pathToFileURL(join(dist, "specpost.mjs")).href,
      );
      expect(freshBuild("missing.mjs", folders)).toBeUndefined();

      await at(join(sources, "deep", "a.ts"), 3000); // a developer edits a source
      expect(freshBuild("specpost.mjs", folders)).toBeUndefined();

      await at(join(sources, "deep", "a.ts"), 1000);
      await writeFile(join(sources, "notes.md"), ""); // not a source: only folder mtime moves
      await at(join(sources, "notes.md"), 3000);
      await at(sources, 1000);
      expect(freshBuild("specpost.mjs", folders)).toBeDefined();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
