import type { ChainModel } from "../model/chain-types";
import type { OperationModel } from "../model/types";

const METHOD_RANK: Record<string, number> = { post: 0, get: 1, head: 1, put: 2, patch: 2 };
const methodRank = (op: OperationModel) =>
  op.method === "delete" ? 4 : (METHOD_RANK[op.method] ?? 3);

const segmentsOf = (path: string) => path.split("/").filter((s) => s !== "");

/**
 * Edges "a runs before b" among operations that take part in chains: producers before
 * consumers; on one path create → read → update → delete; a path before its sub-resources;
 * a delete after everything under its path and everything else that uses its variable. And
 * among all operations: on one path, a delete after the other methods.
 */
function edges(
  ops: readonly OperationModel[],
  chains: readonly ChainModel[],
): Map<string, Set<string>> {
  const before = new Map<string, Set<string>>();
  const add = (a: string, b: string) => {
    if (a === b) return;
    const set = before.get(b) ?? new Set<string>();
    set.add(a);
    before.set(b, set);
  };
  for (const c of chains) add(c.producer, c.consumer);
  const chained = new Set(chains.flatMap((c) => [c.producer, c.consumer]));
  const members = ops.filter((op) => chained.has(op.key));
  // Grouped by path, so each operation meets only those on its own path and its ancestors'
  // (all pairs would be quadratic: Graph chains thousands of operations).
  const atPath = new Map<string, OperationModel[]>();
  for (const op of members) {
    const path = segmentsOf(op.path).join("/");
    const group = atPath.get(path);
    if (group) group.push(op);
    else atPath.set(path, [op]);
  }
  for (const b of members) {
    const segments = segmentsOf(b.path);
    for (const a of atPath.get(segments.join("/")) ?? []) {
      if (methodRank(a) < methodRank(b)) add(a.key, b.key);
    }
    for (let length = 0; length < segments.length; length++) {
      for (const a of atPath.get(segments.slice(0, length).join("/")) ?? []) {
        // b is under a: a path before its sub-resources, a delete after them.
        if (a.method !== "delete") add(a.key, b.key);
        else add(b.key, a.key);
      }
    }
  }
  // Any operation, chained or not: on one path a DELETE goes after the other methods, so the
  // read of the same example id (Graph's `/me/authentication/fido2Methods/{id}`) comes first.
  const byPath = new Map<string, OperationModel[]>();
  for (const op of ops) {
    const group = byPath.get(op.path);
    if (group) group.push(op);
    else byPath.set(op.path, [op]);
  }
  for (const group of byPath.values()) {
    const removes = group.filter((op) => op.method === "delete");
    if (removes.length === 0 || removes.length === group.length) continue;
    for (const remove of removes) {
      for (const other of group) if (other.method !== "delete") add(other.key, remove.key);
    }
  }
  const users = new Map<string, string[]>();
  for (const c of chains) {
    const list = users.get(c.variable);
    if (list) list.push(c.consumer);
    else users.set(c.variable, [c.consumer]);
  }
  const byKey = new Map(members.map((op) => [op.key, op]));
  const deletes = new Set<string>();
  for (const c of chains) {
    if (byKey.get(c.consumer)?.method !== "delete") continue;
    // Many chains can feed one delete the same variable: its edges are the same each time.
    const pair = `${c.consumer}\n${c.variable}`;
    if (deletes.has(pair)) continue;
    deletes.add(pair);
    for (const other of users.get(c.variable) ?? []) {
      if (byKey.get(other)?.method !== "delete") add(other, c.consumer);
    }
  }
  return before;
}

/**
 * Operations in dependency order: the earliest (by `priority`: the user's rank, else spec
 * order) whose predecessors have all run goes next. A cycle is broken at its earliest
 * operation, so the order is always complete and the same for the same input.
 */
export function dependencyOrder(
  ops: readonly OperationModel[],
  chains: readonly ChainModel[],
): OperationModel[] {
  const before = edges(ops, chains);
  if (before.size === 0) return [...ops];
  const index = new Map(ops.map((op, i) => [op.key, i]));
  // Kahn's algorithm, the earliest ready operation first (a min-heap of spec positions).
  const waiting = ops.map(
    (op) => [...(before.get(op.key) ?? [])].filter((k) => index.has(k)).length,
  );
  const after = new Map<string, string[]>();
  for (const [b, set] of before) {
    for (const a of set) {
      const list = after.get(a);
      if (list) list.push(b);
      else after.set(a, [b]);
    }
  }
  const ready = new MinHeap();
  waiting.forEach((count, i) => {
    if (count === 0) ready.push(i);
  });
  const done = new Array<boolean>(ops.length).fill(false);
  const out: OperationModel[] = [];
  let scan = 0;
  while (out.length < ops.length) {
    let pick = ready.pop();
    while (pick !== undefined && done[pick]) pick = ready.pop();
    if (pick === undefined) {
      // A cycle: break it at the earliest operation not yet run.
      while (done[scan]) scan++;
      pick = scan;
    }
    const op = ops[pick] as OperationModel;
    done[pick] = true;
    out.push(op);
    for (const next of after.get(op.key) ?? []) {
      const i = index.get(next);
      if (i === undefined || done[i]) continue;
      waiting[i] = (waiting[i] ?? 1) - 1;
      if (waiting[i] === 0) ready.push(i);
    }
  }
  return out;
}

/** Smallest number first; bounded by the operations it is given. */
class MinHeap {
  private readonly items: number[] = [];
  push(value: number): void {
    const items = this.items;
    items.push(value);
    let i = items.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if ((items[parent] as number) <= value) break;
      items[i] = items[parent] as number;
      i = parent;
    }
    items[i] = value;
  }
  pop(): number | undefined {
    const items = this.items;
    const top = items[0];
    const last = items.pop();
    if (items.length === 0 || last === undefined) return top;
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= items.length) break;
      const right = left + 1;
      const child =
        right < items.length && (items[right] as number) < (items[left] as number) ? right : left;
      if ((items[child] as number) >= last) break;
      items[i] = items[child] as number;
      i = child;
    }
    items[i] = last;
    return top;
  }
}

/** A chain whose consumer runs before its producer in the collection as written. */
export interface MisorderedChain {
  chain: ChainModel;
  /** Folder (first tag) of each end; undefined: at the top level. */
  consumerFolder?: string;
  producerFolder?: string;
}

/**
 * Chains the collection cannot run in order: folders run one after another, so a consumer in
 * a folder that comes before its producer's folder (or a dependency cycle) meets an empty
 * variable and is skipped. `sequence`: operations in the order Newman runs them.
 */
export function misorderedChains(
  sequence: readonly OperationModel[],
  chains: readonly ChainModel[],
): MisorderedChain[] {
  const at = new Map(sequence.map((op, i) => [op.key, { i, tag: op.tag }]));
  const out: MisorderedChain[] = [];
  for (const chain of chains) {
    const producer = at.get(chain.producer);
    const consumer = at.get(chain.consumer);
    if (!producer || !consumer || producer.i < consumer.i) continue;
    const entry: MisorderedChain = { chain };
    if (consumer.tag !== undefined) entry.consumerFolder = consumer.tag;
    if (producer.tag !== undefined) entry.producerFolder = producer.tag;
    out.push(entry);
  }
  return out;
}
