import type { CollectionDefinition } from "postman-collection";
import { idKeys, idSource } from "../collection/ids";
import type { ApiModel } from "../model/types";
import type { RunContext } from "./context";
import { type ItemDone, type NewmanInput, runNewman } from "./newman-run";
import { runNewmanInThread } from "./newman-thread";
import type { RecordedRun } from "./recorded";
import { oncePerItem, requestCount, splitCollection, subCollection } from "./shard";
import { TOKEN_COUNTER_VARIABLE } from "./summarize";

/** What the runner tells a progress display. */
export interface RunProgress {
  collection: string;
  total: number;
  done: number;
  failed: number;
}

export type NewmanSettings = Omit<NewmanInput, "collection">;

/**
 * Item pairs (by id) that chains tie together: the producer's value must be in the consumer's
 * run, whichever folders they are in, or none (an operation without a tag).
 */
export function chainLinks(model: ApiModel): [string, string][] {
  const ids = idSource(model.title);
  const itemOf = (key: string) => ids.of(idKeys.operation(key));
  return (model.chains ?? []).map((chain) => [itemOf(chain.producer), itemOf(chain.consumer)]);
}

/** The part of the collection this run covers: all of it, or its `--shard K/N` part. */
export function selectShard(
  collection: CollectionDefinition,
  model: ApiModel,
  shard: RunContext["shard"],
): CollectionDefinition {
  if (!shard) return collection;
  const parts = splitCollection(collection, chainLinks(model), shard.count);
  return subCollection(collection, parts[shard.index - 1] ?? []);
}

/**
 * Runs `collection` on `parallel` Newman workers (in-process when one is enough), each on a
 * part split by folder like a shard, and merges what they recorded into one run.
 */
export async function runInParts(
  collection: CollectionDefinition,
  model: ApiModel,
  settings: NewmanSettings,
  parallel: number,
  progress: (update: Omit<RunProgress, "collection">) => void,
): Promise<RecordedRun> {
  const parts = splitCollection(collection, chainLinks(model), Math.max(1, parallel))
    .filter((items) => items.length > 0)
    .map((items) => subCollection(collection, items));
  // Each part runs the Cleanup folder: the progress total counts what the parts will send.
  const count = (part: CollectionDefinition) =>
    (part.item ?? []).reduce((n, item) => n + requestCount(item), 0);
  const total = parts.length <= 1 ? count(collection) : parts.reduce((n, p) => n + count(p), 0);
  let done = 0;
  let failed = 0;
  const onItem = (item: ItemDone) => {
    done++;
    if (item.failed) failed++;
    progress({ total, done, failed });
  };
  progress({ total, done, failed });
  if (parts.length <= 1) return runNewman({ ...settings, collection }, onItem);
  const startedAt = Date.now();
  const runs = await Promise.all(
    parts.map((part) => runNewmanInThread({ ...settings, collection: part }, onItem)),
  );
  return mergeRecordedRuns(runs, itemOrder(collection), startedAt, Date.now() - startedAt);
}

/** Item id → position in the collection, depth first. */
export function itemOrder(collection: CollectionDefinition): Map<string, number> {
  const order = new Map<string, number>();
  const visit = (items: readonly unknown[], depth: number) => {
    if (depth > 32) return;
    for (const item of items as { id?: string; item?: unknown[] }[]) {
      if (item.id !== undefined && !order.has(item.id)) order.set(item.id, order.size);
      if (Array.isArray(item.item)) visit(item.item, depth + 1);
    }
  };
  visit(collection.item ?? [], 0);
  return order;
}

/**
 * One run out of several: executions back in collection order, counters summed (each
 * worker's token script counted its own fetches), variables of the last part.
 */
export function mergeRecordedRuns(
  runs: readonly RecordedRun[],
  order: ReadonlyMap<string, number>,
  startedAt: number,
  durationMs: number,
): RecordedRun {
  const position = (id: string | undefined) => (id === undefined ? -1 : (order.get(id) ?? -1));
  const executions = runs
    .flatMap((run) => run.executions)
    .map((execution, index) => ({ execution, index }))
    .sort((a, b) => position(a.execution.id) - position(b.execution.id) || a.index - b.index)
    .map(({ execution }) => execution);
  const merged: RecordedRun = {
    executions: oncePerItem(
      executions,
      (e) => e.id,
      (e) => Boolean(e.method),
    ),
    scriptRequests: runs.flatMap((run) => run.scriptRequests),
    console: runs.flatMap((run) => run.console),
    collectionVariables: Object.assign({}, ...runs.map((run) => run.collectionVariables)),
    environment: Object.assign({}, ...runs.map((run) => run.environment)),
    stats: {
      assertions: runs.reduce((n, run) => n + run.stats.assertions, 0),
      failedAssertions: runs.reduce((n, run) => n + run.stats.failedAssertions, 0),
    },
    secrets: runs.flatMap((run) => run.secrets ?? []),
    startedAt,
    durationMs,
  };
  for (const scope of ["collectionVariables", "environment"] as const) {
    const counts = runs.map((run) => run[scope][TOKEN_COUNTER_VARIABLE]);
    if (counts.every((count) => count === undefined)) continue;
    merged[scope][TOKEN_COUNTER_VARIABLE] = String(
      counts.reduce((n, count) => n + (Number(count) || 0), 0),
    );
  }
  const errors = runs.flatMap((run) => (run.runError ? [run.runError] : []));
  if (errors.length > 0) merged.runError = errors.join("; ");
  return merged;
}
