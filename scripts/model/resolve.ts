/**
 * JSON pointers and internal `$ref`s. The document keeps its refs (circular schemas would
 * not survive dereferencing, and a 1,000-operation spec must not be copied), so every stage
 * follows refs lazily through these helpers.
 */

import {
  escapeSegment,
  isObject as isSpecObject,
  refSegments,
  valueAtPointer,
} from "../load/pointer";

export type JsonObject = Record<string, unknown>;

export const isObject: (value: unknown) => value is JsonObject = isSpecObject;

/** `child("#/paths", "/users/{id}", "get")` → `#/paths/~1users~1{id}/get` */
export function child(pointer: string, ...segments: (string | number)[]): string {
  return segments.reduce<string>((at, s) => `${at}/${escapeSegment(String(s))}`, pointer);
}

/** Segments of an internal ref (`#/a/b~1c` → `["a", "b/c"]`); undefined for external refs. */
export const pointerSegments = refSegments;

export const getAt = valueAtPointer;

/** Canonical pointer text for a ref target (`#/components/schemas/User`). */
export function canonicalPointer(segments: readonly string[]): string {
  return child("#", ...segments);
}

export type RefResult =
  | { ok: true; value: unknown; pointer: string }
  | { ok: false; ref: string; reason: "external" | "missing" | "cycle" };

/**
 * Follows a chain of `$ref`s (a ref to a ref ...) from `node` found at `pointer`.
 * Siblings of `$ref` are ignored here: for path items, parameters, responses and examples
 * OpenAPI gives them no meaning beyond summary/description.
 */
export function followRefs(document: unknown, node: unknown, pointer: string): RefResult {
  let value = node;
  let at = pointer;
  let seen: Set<string> | undefined;
  while (isObject(value) && typeof value.$ref === "string") {
    const ref = value.$ref;
    const hop = refHop(document, ref);
    if (hop === undefined) return { ok: false, ref, reason: "external" };
    // Most chains are one hop: a set only from the second on.
    if (seen === undefined) seen = new Set([hop.target]);
    else if (seen.has(hop.target)) return { ok: false, ref, reason: "cycle" };
    else seen.add(hop.target);
    if (hop.value === undefined) return { ok: false, ref, reason: "missing" };
    value = hop.value;
    at = hop.target;
  }
  return { ok: true, value, pointer: at };
}

interface RefHop {
  /** Canonical pointer of the ref's target. */
  target: string;
  /** What is there; undefined when nothing is. */
  value: unknown;
}

// The spec is not changed once loaded, and every operation follows the same shared refs
// (responses, parameters) again: each ref is parsed and walked once per document.
const hops = new WeakMap<object, Map<string, RefHop | null>>();

/** One `$ref` step; undefined for a ref that is not internal. */
function refHop(document: unknown, ref: string): RefHop | undefined {
  const cache = typeof document === "object" && document !== null ? hops : undefined;
  let known = cache?.get(document as object);
  if (cache && known === undefined) {
    known = new Map();
    cache.set(document as object, known);
  }
  const hit = known?.get(ref);
  if (hit !== undefined) return hit ?? undefined;
  const segments = pointerSegments(ref);
  const hop =
    segments === undefined
      ? null
      : { target: canonicalPointer(segments), value: getAt(document, segments) };
  known?.set(ref, hop);
  return hop ?? undefined;
}
