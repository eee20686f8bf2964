import { scriptAssetLines } from "../assets";
import { encodeQueryText, queryPairs } from "../collection/params";
import {
  isItemGroup,
  type PostmanCollection,
  type PostmanEvent,
  type PostmanItem,
  type PostmanItemGroup,
  type PostmanRequest,
} from "../collection/types";
import type { ApiModel, OperationModel } from "../model/types";
import type { OperationOverride, ResolvedOverrides } from "./types";
import { showVariables } from "./variables";

type Node = PostmanItem | PostmanItemGroup;

const SET_SCRIPT = scriptAssetLines("overrides/postman/set-variables.js");

function event(listen: PostmanEvent["listen"], exec: string[]): PostmanEvent {
  return { listen, script: { type: "text/javascript", exec } };
}

function itemEvents(override: OperationOverride, fileName: string): PostmanEvent[] {
  const origin = `// From ${fileName} (specpost overrides): edit it there and regenerate; changes here are lost.`;
  const events: PostmanEvent[] = [];
  if (override.prerequest.length > 0) {
    events.push(event("prerequest", [origin, ...override.prerequest]));
  }
  const tests: string[] = [];
  if (override.set.length > 0) {
    const entries = override.set.map(({ name, source, path }) => ({ name, source, path }));
    tests.push(`const SPECPOST_SET = ${JSON.stringify(entries)};`, ...SET_SCRIPT);
  }
  tests.push(...override.tests);
  if (tests.length > 0) events.push(event("test", [origin, ...tests]));
  return events;
}

/**
 * An optional query or header parameter is generated disabled; one the user gave a value for
 * is meant to be sent, so it is enabled (and the raw URL rebuilt to match).
 */
function enableGiven(request: PostmanRequest, op: OperationModel, override: OperationOverride) {
  const queryKeys = new Set<string>();
  for (const param of op.parameters) {
    if (param.in === "query" && Object.hasOwn(override.examples.query ?? {}, param.name)) {
      for (const pair of queryPairs(param)) queryKeys.add(encodeQueryText(pair.key));
    }
  }
  const headers = new Set(
    Object.keys(override.examples.header ?? {}).map((name) => name.toLowerCase()),
  );
  for (const header of request.header) {
    if (header.disabled && headers.has(header.key.toLowerCase())) delete header.disabled;
  }
  const query = request.url.query;
  if (!query?.some((q) => q.disabled && queryKeys.has(q.key))) return;
  for (const q of query) if (queryKeys.has(q.key)) delete q.disabled;
  const enabled = query.filter((q) => !q.disabled).map((q) => `${q.key}=${q.value}`);
  const base = request.url.raw.split("?")[0] ?? request.url.raw;
  request.url.raw = `${base}${enabled.length > 0 ? `?${enabled.join("&")}` : ""}`;
}

/** Sorts the nodes that hold ranked operations among themselves; others keep their place. */
function reorder(nodes: Node[], rank: ReadonlyMap<string, number>): Node[] {
  const best = (node: Node): number | undefined => {
    if (!isItemGroup(node)) return rank.get(node.id);
    const ranks = node.item.map(best).filter((r): r is number => r !== undefined);
    return ranks.length > 0 ? Math.min(...ranks) : undefined;
  };
  const ranked = nodes
    .map((node, index) => ({ node, index, rank: best(node) }))
    .filter(
      (entry): entry is { node: Node; index: number; rank: number } => entry.rank !== undefined,
    );
  const sorted = [...ranked].sort((a, b) => a.rank - b.rank || a.index - b.index);
  const out = [...nodes];
  ranked.forEach((slot, i) => {
    out[slot.index] = (sorted[i] as (typeof sorted)[number]).node;
  });
  return out.map((node) =>
    isItemGroup(node) ? { ...node, item: reorder(node.item, rank) } : node,
  );
}

function visitItems(nodes: Node[], visit: (item: PostmanItem) => void) {
  for (const node of nodes) {
    if (isItemGroup(node)) visitItems(node.item, visit);
    else visit(node);
  }
}

/**
 * Merges resolved overrides into a built collection: the user's scripts and `set` assertions
 * on their items, the variables those set declared, the run order, and `{{variables}}` in
 * examples restored. `model` is the one the collection was built from (overrides applied).
 * Pure: the input collection is not changed, and the same inputs give the same output.
 */
export function applyCollectionOverrides(
  collection: PostmanCollection,
  overrides: ResolvedOverrides,
  model: ApiModel,
): PostmanCollection {
  const next = structuredClone(collection);
  const byItem = new Map(overrides.operations.map((o) => [o.itemId, o]));
  const opByKey = new Map(model.operations.map((op) => [op.key, op]));

  visitItems(next.item, (item) => {
    const override = byItem.get(item.id);
    const op = override && opByKey.get(override.operationKey);
    if (!override || !op) return;
    enableGiven(item.request, op, override);
    for (const response of item.response) enableGiven(response.originalRequest, op, override);
    const events = itemEvents(override, overrides.fileName);
    if (events.length > 0) item.event = [...(item.event ?? []), ...events];
  });

  const declared = new Set(next.variable.map((v) => v.key));
  for (const override of overrides.operations) {
    for (const { name, source } of override.set) {
      if (declared.has(name)) continue;
      declared.add(name);
      next.variable.push({
        key: name,
        value: "",
        type: "string",
        description: `Set by the test of ${override.operationKey} from ${source} (${overrides.fileName}).`,
      });
    }
  }
  next.item = reorder(next.item, overrides.rank);
  return showVariables(next);
}
