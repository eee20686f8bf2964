import { readFile } from "node:fs/promises";
import { parentPort, workerData } from "node:worker_threads";
import { type CollectionChanges, summariseChanges } from "../collection/changes";
import { holds, type OutputFile } from "../collection/write";
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
  // Bytes only: the reply moves each file's buffers instead of copying them.
  const specs = result.specs.map((spec) => ({
    ...spec,
    files: spec.files.map((file) => ({ path: file.path, bytes: file.bytes })),
  }));
  return { result: { specs }, changes };
}

/** What each collection about to be written changes against the file on disk. */
async function collectionChanges(
  files: readonly OutputFile[],
): Promise<Array<[string, CollectionChanges]>> {
  const out: Array<[string, CollectionChanges]> = [];
  for (const file of files) {
    if (!file.path.endsWith(".postman_collection.json")) continue;
    if (await holds(file.path, file.bytes)) continue;
    // A new file needs no summary: `generate` prints none for it.
    const previous = await readFile(file.path, "utf8").catch(() => undefined);
    if (previous !== undefined) out.push([file.path, summariseChanges(previous, file.content)]);
  }
  return out;
}

/** The buffers of the files' bytes, to move rather than copy. */
function buffersOf(generation: Generation): ArrayBuffer[] {
  return generation.result.specs.flatMap((spec) =>
    spec.files.flatMap((file) => file.bytes.map((chunk) => chunk.buffer as ArrayBuffer)),
  );
}

try {
  const generation = await work(workerData as GenerateContext);
  const reply: WorkerReply = { ok: true, generation };
  parentPort?.postMessage(reply, buffersOf(generation));
} catch (error) {
  const reply: WorkerReply = {
    ok: false,
    error: error instanceof Error ? error.message : String(error),
  };
  parentPort?.postMessage(reply);
}
