import type { CollectionDefinition, ItemDefinition, ItemGroupDefinition } from "postman-collection";
import { CLEANUP_FOLDER } from "../collection/cleanup";

/** `--shard 2/3`: the second of three parts. */
export interface ShardSpec {
  index: number;
  count: number;
}

/**
 * Top-level items that must run in the same Newman run: one folder, or folders that chains
 * connect (a producer's value lives in its run's collection variables), or one loose request.
 */
export interface ShardUnit {
  /** Sort key and label: the first member's name. */
  name: string;
  /** Indexes into the collection's top-level `item`, ascending. */
  items: number[];
  requests: number;
}

type Node = ItemDefinition | ItemGroupDefinition;
/** Deeper nesting than this is not something the generator writes; the count stops there. */
const MAX_DEPTH = 32;

export function requestCount(node: Node, depth = 0): number {
  const children = (node as ItemGroupDefinition).item;
  if (!Array.isArray(children)) return 1;
  if (depth >= MAX_DEPTH) return 0;
  return children.reduce((n, child) => n + requestCount(child as Node, depth + 1), 0);
}

/**
 * The collection's top-level items grouped into units. `links` are pairs that must stay
 * together, each a top-level folder's name or an item's id (chainLinks: producer, consumer).
 */
export function shardUnits(
  collection: CollectionDefinition,
  links: readonly (readonly [string, string])[] = [],
): ShardUnit[] {
  const items = (collection.item ?? []) as Node[];
  const parent = items.map((_, i) => i);
  const find = (i: number): number => {
    let root = i;
    while (parent[root] !== root) root = parent[root] as number;
    parent[i] = root;
    return root;
  };
  // A link names a top-level folder, or an item (by id) anywhere under a top-level item: a
  // request with no tag is a top-level item of its own, and a chain into it must hold too.
  const topOf = new Map<string, number>();
  const visit = (node: Node, top: number, depth: number) => {
    if (node.id !== undefined && !topOf.has(node.id)) topOf.set(node.id, top);
    const children = (node as ItemGroupDefinition).item;
    if (!Array.isArray(children) || depth >= MAX_DEPTH) return;
    for (const child of children) visit(child as Node, top, depth + 1);
  };
  items.forEach((item, i) => {
    if (Array.isArray((item as ItemGroupDefinition).item) && item.name !== undefined) {
      if (!topOf.has(item.name)) topOf.set(item.name, i);
    }
    visit(item, i, 0);
  });
  for (const [a, b] of links) {
    const ia = topOf.get(a);
    const ib = topOf.get(b);
    if (ia === undefined || ib === undefined) continue;
    const ra = find(ia);
    const rb = find(ib);
    if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
  }
  const units = new Map<number, ShardUnit>();
  items.forEach((item, i) => {
    const root = find(i);
    const unit = units.get(root) ?? { name: items[root]?.name ?? "", items: [], requests: 0 };
    unit.items.push(i);
    unit.requests += requestCount(item);
    units.set(root, unit);
  });
  return [...units.values()];
}

/**
 * Splits units into `count` parts balanced by request count: largest unit first (ties by
 * name, then position), each onto the lightest part so far (ties: the lowest part). The
 * same collection always splits the same way. Returns, per part, top-level item indexes in
 * collection order.
 */
export function splitUnits(units: readonly ShardUnit[], count: number): number[][] {
  const parts = Array.from({ length: count }, () => ({ load: 0, items: [] as number[] }));
  const order = units
    .map((unit, position) => ({ unit, position }))
    .sort(
      (a, b) =>
        b.unit.requests - a.unit.requests ||
        (a.unit.name < b.unit.name ? -1 : a.unit.name > b.unit.name ? 1 : 0) ||
        a.position - b.position,
    );
  for (const { unit } of order) {
    let lightest = 0;
    for (let p = 1; p < parts.length; p++) {
      if ((parts[p]?.load ?? 0) < (parts[lightest]?.load ?? 0)) lightest = p;
    }
    const part = parts[lightest] as { load: number; items: number[] };
    part.load += unit.requests;
    part.items.push(...unit.items);
  }
  return parts.map((part) => part.items.sort((a, b) => a - b));
}

/**
 * The collection's top-level items in `count` parts (shards or parallel workers): units
 * balanced by request count, and the Cleanup folder in every part that has anything, because
 * a part's Cleanup deletes what that part created: its records live in that run's variables,
 * so a Cleanup in one part only would leave the other parts' creations on the server.
 */
export function splitCollection(
  collection: CollectionDefinition,
  links: readonly (readonly [string, string])[],
  count: number,
): number[][] {
  const items = collection.item ?? [];
  const last = items.length - 1;
  const tail = items[last] as ItemGroupDefinition | undefined;
  const cleanup = tail?.name === CLEANUP_FOLDER && Array.isArray(tail.item) ? last : -1;
  // Split without it (it is last, so the other indexes stay as they are), then add it to each.
  const rest = cleanup < 0 ? collection : { ...collection, item: items.slice(0, cleanup) };
  const units = shardUnits(rest, links);
  const parts = splitUnits(units, count);
  return cleanup < 0 ? parts : parts.map((part) => (part.length > 0 ? [...part, cleanup] : part));
}

/**
 * Executions of a split run with the copies of an item several parts ran (the Cleanup folder)
 * reduced to the sent ones, or to one skipped copy when no part sent it: the totals of an
 * unsplit run. Items in one part only are kept as they are.
 */
export function oncePerItem<T>(
  executions: readonly T[],
  key: (execution: T) => unknown,
  sent: (execution: T) => boolean,
): T[] {
  const anySent = new Set<unknown>();
  const count = new Map<unknown, number>();
  for (const execution of executions) {
    const k = key(execution);
    if (k === undefined) continue;
    count.set(k, (count.get(k) ?? 0) + 1);
    if (sent(execution)) anySent.add(k);
  }
  const keptSkipped = new Set<unknown>();
  return executions.filter((execution) => {
    const k = key(execution);
    if (k === undefined || (count.get(k) ?? 0) < 2 || sent(execution)) return true;
    if (anySent.has(k) || keptSkipped.has(k)) return false;
    keptSkipped.add(k);
    return true;
  });
}

/** The collection with only the given top-level items (scripts, variables and auth kept). */
export function subCollection(
  collection: CollectionDefinition,
  items: readonly number[],
): CollectionDefinition {
  const all = collection.item ?? [];
  return { ...collection, item: items.map((i) => all[i]).filter((item) => item !== undefined) };
}

/** Parses `K/N` (1 ≤ K ≤ N ≤ 256). */
export function parseShard(text: string): ShardSpec | undefined {
  const match = /^(\d{1,3})\/(\d{1,3})$/.exec(text.trim());
  if (!match) return undefined;
  const index = Number(match[1]);
  const count = Number(match[2]);
  return index >= 1 && count <= 256 && index <= count ? { index, count } : undefined;
}
