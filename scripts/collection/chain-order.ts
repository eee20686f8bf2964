import type { ChainModel } from "../model/chain-types";
import type { OperationModel } from "../model/types";

const METHOD_RANK: Record<string, number> = { post: 0, get: 1, head: 1, put: 2, patch: 2 };
const methodRank = (op: OperationModel) =>
  op.method === "delete" ? 4 : (METHOD_RANK[op.method] ?? 3);

const segmentsOf = (path: string) => path.split("/").filter((s) => s !== "");
const under = (inner: string[], outer: string[]) =>
  inner.length > outer.length && outer.every((s, i) => inner[i] === s);
const samePath = (a: string[], b: string[]) => a.length === b.length && under([...a, ""], b);

/**
 * Edges "a runs before b" among operations that take part in chains: producers before
 * consumers; on one path create → read → update → delete; a path before its sub-resources;
 * a delete after everything under its path and everything else that uses its variable.
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
  const paths = new Map(members.map((op) => [op.key, segmentsOf(op.path)]));
  for (const a of members) {
    const pa = paths.get(a.key) ?? [];
    for (const b of members) {
      const pb = paths.get(b.key) ?? [];
      if (samePath(pa, pb) && methodRank(a) < methodRank(b)) add(a.key, b.key);
      else if (under(pb, pa) && a.method !== "delete") add(a.key, b.key);
      else if (under(pa, pb) && b.method === "delete") add(a.key, b.key);
    }
  }
  const users = new Map<string, string[]>();
  for (const c of chains) users.set(c.variable, [...(users.get(c.variable) ?? []), c.consumer]);
  const byKey = new Map(members.map((op) => [op.key, op]));
  for (const c of chains) {
    if (byKey.get(c.consumer)?.method !== "delete") continue;
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
  if (chains.length === 0) return [...ops];
  const before = edges(ops, chains);
  const present = new Set(ops.map((op) => op.key));
  const ready = (op: OperationModel) =>
    [...(before.get(op.key) ?? [])].every((k) => done.has(k) || !present.has(k));
  const done = new Set<string>();
  const out: OperationModel[] = [];
  const left = [...ops];
  while (left.length > 0) {
    let pick = left.findIndex(ready);
    if (pick < 0) pick = 0;
    const [op] = left.splice(pick, 1);
    if (!op) break;
    done.add(op.key);
    out.push(op);
  }
  return out;
}
