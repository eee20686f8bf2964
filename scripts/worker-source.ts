import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

/**
 * How to start a worker thread whose entry is `name` (e.g. `generate-worker`) next to the
 * module at `here`: the prebuilt `NAME.mjs` when the caller runs from the bundle (dist/),
 * else the TypeScript source through tsx, registered inside the worker (a worker does not
 * inherit the main thread's loader).
 */
export function workerSource(here: string, name: string): { source: string | URL; eval: boolean } {
  if (!here.endsWith(".ts")) {
    const candidates = [new URL(`./${name}.mjs`, here), new URL(`../${name}.mjs`, here)];
    const built = candidates.find((url) => existsSync(fileURLToPath(url)));
    if (built) return { source: built, eval: false };
  }
  const tsx = tsxLoaderUrl(here);
  const entry = new URL(`./${name}.ts`, here).href;
  const source = `import(${JSON.stringify(tsx)}).then(({ register }) => { register(); return import(${JSON.stringify(entry)}); });`;
  return { source, eval: true };
}

/** tsx's ESM API, found from this file (a worker's bare imports resolve from the cwd). */
function tsxLoaderUrl(from: string): string {
  const manifest = createRequire(from).resolve("tsx/package.json");
  const { exports } = JSON.parse(readFileSync(manifest, "utf8")) as {
    exports: Record<string, { import?: { default?: string } }>;
  };
  const entry = exports["./esm/api"]?.import?.default ?? "./dist/esm/api/index.mjs";
  return pathToFileURL(join(dirname(manifest), entry)).href;
}

/** Node flags for a worker: the main thread's, except the one a worker refuses. */
export function workerExecArgv(): string[] {
  // `node --input-type=module -e`, as scripts and tests start the bundle.
  return process.execArgv.filter((flag) => !flag.startsWith("--input-type"));
}
