import { readFile } from "node:fs/promises";
import { parentPort, workerData } from "node:worker_threads";
import { type CollectionChanges, summariseChanges } from "../collection/changes";
import type { OutputFile } from "../collection/write";
import { type GenerateContext, generate } from "../pipeline";
import type { Generation, WorkerReply } from "./generate-thread";

/**
 * The worker thread `specpost generate` runs the pipeline in, so the main thread stays free
 * to answer SIGINT/SIGTERM at once, whatever synchronous work the pipeline is in the middle
 * of. Everything CPU-heavy happens here (including the change summaries); the main thread
 * only prints and writes.
 */
async function work(ctx: GenerateContext): Promise<Generation> {
  const result = await generate(ctx, (progress) => parentPort?.postMessage({ progress }));
  const changes = await collectionChanges(result.specs.flatMap((s) => s.files));
  return { result, changes };
}

/** What each collection about to be written changes against the file on disk. */
async function collectionChanges(
  files: readonly OutputFile[],
): Promise<Array<[string, CollectionChanges]>> {
  const out: Array<[string, CollectionChanges]> = [];
  for (const file of files) {
    if (!file.path.endsWith(".postman_collection.json")) continue;
    const previous = await readFile(file.path, "utf8").catch(() => undefined);
    if (previous !== file.content) out.push([file.path, summariseChanges(previous, file.content)]);
  }
  return out;
}

const reply = (message: WorkerReply) => parentPort?.postMessage(message);
try {
  reply({ ok: true, generation: await work(workerData as GenerateContext) });
} catch (error) {
  reply({ ok: false, error: error instanceof Error ? error.message : String(error) });
}
