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
  const seen = new Set<string>();
  while (isObject(value) && typeof value.$ref === "string") {
    const ref = value.$ref;
    const segments = pointerSegments(ref);
    if (segments === undefined) return { ok: false, ref, reason: "external" };
    const target = canonicalPointer(segments);
    if (seen.has(target)) return { ok: false, ref, reason: "cycle" };
    seen.add(target);
    const next = getAt(document, segments);
    if (next === undefined) return { ok: false, ref, reason: "missing" };
    value = next;
    at = target;
  }
  return { ok: true, value, pointer: at };
}
