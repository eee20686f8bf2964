import { parentPort, workerData } from "node:worker_threads";
import { type NewmanInput, runNewman } from "./newman-run";
import type { WorkerMessage } from "./newman-thread";

/**
 * One `--parallel` worker: runs Newman on its part of the collection and posts a progress
 * message per finished item, then the recorded run (plain data, already trimmed).
 */
const post = (message: WorkerMessage) => parentPort?.postMessage(message);
try {
  const run = await runNewman(workerData as NewmanInput, (done) => post({ kind: "item", done }));
  post({ kind: "done", run });
} catch (error) {
  post({ kind: "error", error: error instanceof Error ? error.message : String(error) });
}
