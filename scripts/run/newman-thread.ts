import { Worker } from "node:worker_threads";
import { workerExecArgv, workerSource } from "../worker-source";
import type { ItemDone, NewmanInput } from "./newman-run";
import type { RecordedRun } from "./recorded";

export type WorkerMessage =
  | { kind: "item"; done: ItemDone }
  | { kind: "done"; run: RecordedRun }
  | { kind: "error"; error: string };

/**
 * Runs Newman in a worker thread (each has its own sandbox and event loop, so N of them
 * use N cores while the mock answers from the main thread).
 */
export function runNewmanInThread(
  input: NewmanInput,
  onItem?: (done: ItemDone) => void,
): Promise<RecordedRun> {
  return new Promise((resolve, reject) => {
    const { source, eval: isEval } = workerSource(import.meta.url, "newman-worker");
    const worker = new Worker(source, {
      eval: isEval,
      workerData: input,
      execArgv: workerExecArgv(),
      // A small young generation: a Newman run makes short-lived garbage by the request, and
      // the default lets each worker grow by tens of MB before a scavenge (GitHub, --parallel
      // 2: 625-685 MB peak by default, 554 MB with 8 MB, in the same time).
      resourceLimits: { maxYoungGenerationSizeMb: 8 },
    });
    let settled = false;
    const settle = (finish: () => void) => {
      if (settled) return;
      settled = true;
      finish();
      void worker.terminate();
    };
    worker.on("message", (message: WorkerMessage) => {
      if (message.kind === "item") onItem?.(message.done);
      else if (message.kind === "done") settle(() => resolve(message.run));
      else settle(() => reject(new Error(message.error)));
    });
    worker.once("error", (error) => settle(() => reject(error)));
    worker.once("exit", (code) =>
      settle(() => reject(new Error(`a Newman worker stopped unexpectedly (exit code ${code})`))),
    );
  });
}
