import { renderModel } from "../collection/generate";
import type { OutputFile } from "../collection/write";
import { buildModel } from "../model/build";
import type { ApiModel } from "../model/types";
import { hasErrors, type Problem } from "../problems";
import { loadSpec } from "../spec/load";
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
  const loaded = await clock.time("load", () => loadSpec(file, { cwd: process.cwd() }));
  if (!loaded.spec || hasErrors(loaded.problems)) throw new Error(firstError(loaded.problems));
  const spec = loaded.spec;
  const built = await clock.time("model", () =>
    buildModel(spec, options.tokenUrl === undefined ? {} : { tokenUrl: options.tokenUrl }),
  );
  if (!built.model || hasErrors(built.problems)) throw new Error(firstError(built.problems));
  const model = built.model;
  // The output folder only names the files; nothing is written.
  const files = await clock.time("render", () => renderModel(model, "/specpost-bench"));
  return {
    model,
    files,
    bytes: files.reduce((sum, output) => sum + Buffer.byteLength(output.content), 0),
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
