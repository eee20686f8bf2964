import { Worker } from "node:worker_threads";
import type { CollectionChanges } from "../collection/changes";
import type { WritableFile } from "../collection/write";
import type { GenerateContext, SpecOutcome, SpecProgress } from "../pipeline";
import { workerExecArgv, workerSource } from "../worker-source";

/**
 * What the worker hands back: per spec its problems and its files as UTF-8 bytes, whose
 * buffers are moved to the main thread, not copied (Graph's collection is 67 MB).
 */
export interface Generation {
  result: { specs: Array<Omit<SpecOutcome, "files"> & { files: WritableFile[] }> };
  /** Per collection path: what writing it would change (only those that differ on disk). */
  changes: Array<[string, CollectionChanges]>;
}

export type WorkerReply = { ok: true; generation: Generation } | { ok: false; error: string };
/** Sent by the worker before each spec; the reply comes last. */
export type WorkerMessage = WorkerReply | { progress: SpecProgress };

/** Why a generation ended without a result: stopped by a signal, or the worker failed. */
export class GenerationStopped extends Error {}

/**
 * Runs the pipeline for `ctx` in a worker thread. `signal` aborting terminates the worker
 * at once, even inside a long synchronous loop, and rejects with GenerationStopped.
 */
export function generateInThread(
  ctx: GenerateContext,
  signal?: AbortSignal,
  onSpec?: (progress: SpecProgress) => void,
): Promise<Generation> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(new GenerationStopped("stopped"));
      return;
    }
    const { source, eval: isEval } = workerSource(import.meta.url, "generate-worker");
    // The worker inherits the main thread's Node flags (heap size, ...).
    const execArgv = workerExecArgv();
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
    worker.on("message", (reply: WorkerMessage) => {
      if ("progress" in reply) {
        onSpec?.(reply.progress);
        return;
      }
      settle(() => (reply.ok ? resolve(reply.generation) : reject(new Error(reply.error))));
      void worker.terminate();
    });
    worker.once("error", (error) => settle(() => reject(error)));
    worker.once("exit", (code) =>
      settle(() => reject(new Error(`the generator stopped unexpectedly (exit code ${code})`))),
    );
  });
}
