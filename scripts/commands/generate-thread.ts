import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import type { CollectionChanges } from "../collection/changes";
import type { GenerateContext, GenerateResult } from "../pipeline";

export interface Generation {
  result: GenerateResult;
  /** Per collection path: what writing it would change (only those that differ on disk). */
  changes: Array<[string, CollectionChanges]>;
}

export type WorkerReply = { ok: true; generation: Generation } | { ok: false; error: string };

/** Why a generation ended without a result: stopped by a signal, or the worker failed. */
export class GenerationStopped extends Error {}

/**
 * How to start the worker: the prebuilt `generate-worker.mjs` when this code runs from the
 * bundle (dist/), else the TypeScript source through tsx, registered inside the worker (a
 * worker does not inherit the main thread's loader).
 */
function workerSource(): { source: string | URL; eval: boolean } {
  const here = import.meta.url;
  if (!here.endsWith(".ts")) {
    const candidates = [
      new URL("./generate-worker.mjs", here),
      new URL("../generate-worker.mjs", here),
    ];
    const built = candidates.find((url) => existsSync(fileURLToPath(url)));
    if (built) return { source: built, eval: false };
  }
  const tsx = tsxLoaderUrl(here);
  const entry = new URL("./generate-worker.ts", here).href;
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

/**
 * Runs the pipeline for `ctx` in a worker thread. `signal` aborting terminates the worker
 * at once, even inside a long synchronous loop, and rejects with GenerationStopped.
 */
export function generateInThread(ctx: GenerateContext, signal?: AbortSignal): Promise<Generation> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(new GenerationStopped("stopped"));
      return;
    }
    const { source, eval: isEval } = workerSource();
    // The worker inherits the main thread's Node flags (heap size, ...), except the one a
    // worker refuses (`node --input-type=module -e`, as scripts and tests start the bundle).
    const execArgv = process.execArgv.filter((flag) => !flag.startsWith("--input-type"));
    const worker = new Worker(source, { eval: isEval, workerData: ctx, execArgv });
    let settled = false;
    const settle = (finish: () => void) => {
      if (settled) return;
      settled = true;
      signal?.removeEventListener("abort", stop);
      finish();
    };
    const stop = () => {
      settle(() => reject(new GenerationStopped("stopped")));
      void worker.terminate();
    };
    signal?.addEventListener("abort", stop, { once: true });
    worker.once("message", (reply: WorkerReply) => {
      settle(() => (reply.ok ? resolve(reply.generation) : reject(new Error(reply.error))));
      void worker.terminate();
    });
    worker.once("error", (error) => settle(() => reject(error)));
    worker.once("exit", (code) =>
      settle(() => reject(new Error(`the generator stopped unexpectedly (exit code ${code})`))),
    );
  });
}
