import type { OutputFile } from "../collection/write";
import { DATA_CODES } from "../commands/data-summary";
import type { ApiModel } from "../model/types";
import { generateSpec } from "../pipeline";
import { hasErrors, type Problem } from "../problems";
import type { StageClock } from "./stage-clock";

export interface InMemoryOutput {
  model: ApiModel;
  /** The collection first, then one environment per target, as the CLI would write them. */
  files: OutputFile[];
  /** UTF-8 bytes of all files. */
  bytes: number;
}

/**
 * specpost's pipeline as `specpost generate` runs it (load → model → render), in memory,
 * timing each stage. Nothing is written: the output is counted, not stored.
 */
export async function generateInMemory(
  file: string,
  options: { tokenUrl?: string },
  clock: StageClock,
): Promise<InMemoryOutput> {
  // The output folder only names the files; nothing is written.
  const outcome = await generateSpec(
    file,
    // `generate`'s options: its example problems are counted, not listed.
    { cwd: process.cwd(), model: options, outDir: "/specpost-bench", counted: DATA_CODES },
    clock,
  );
  const { model, files } = outcome;
  if (!model || files.length === 0 || hasErrors(outcome.problems)) {
    throw new Error(firstError(outcome.problems));
  }
  return {
    model,
    files,
    bytes: files.reduce(
      (sum, output) => sum + output.bytes.reduce((n, chunk) => n + chunk.byteLength, 0),
      0,
    ),
  };
}

/**
 * Requests in a serialised collection, counted from the item tree (saved responses repeat
 * their request, so a text count would not do). Not part of the timed work.
 */
export function countRequests(collection: string): number {
  type Node = { item?: Node[]; request?: unknown };
  const walk = (nodes: Node[] = []): number =>
    nodes.reduce((sum, node) => sum + (node.request ? 1 : walk(node.item)), 0);
  return walk((JSON.parse(collection) as Node).item);
}

function firstError(problems: Problem[]): string {
  const error = problems.find((p) => p.severity === "error");
  return error ? `${error.file}: ${error.code} ${error.message}` : "no output";
}
