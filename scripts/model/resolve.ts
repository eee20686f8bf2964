/**
 * JSON pointers and internal `$ref`s. The document keeps its refs (circular schemas would
 * not survive dereferencing, and a 1,000-operation spec must not be copied), so every stage
 * follows refs lazily through these helpers.
 */

export type JsonObject = Record<string, unknown>;

export const isObject = (value: unknown): value is JsonObject =>
  typeof value === "object" && value !== null && !Array.isArray(value);

const escapeSegment = (segment: string): string => segment.replace(/~/g, "~0").replace(/\//g, "~1");

/** `child("#/paths", "/users/{id}", "get")` → `#/paths/~1users~1{id}/get` */
export function child(pointer: string, ...segments: (string | number)[]): string {
  return segments.reduce<string>((at, s) => `${at}/${escapeSegment(String(s))}`, pointer);
}

/** Segments of an internal ref (`#/a/b~1c` → `["a", "b/c"]`); undefined for external refs. */
export function pointerSegments(ref: string): string[] | undefined {
  if (!ref.startsWith("#")) return undefined;
  let body: string;
  try {
    // Refs may be URI-encoded (`#/paths/~1users~1%7Bid%7D`).
    body = decodeURIComponent(ref.slice(1));
  } catch {
    body = ref.slice(1);
  }
  if (body === "") return [];
  if (!body.startsWith("/")) return undefined;
  return body
    .slice(1)
    .split("/")
    .map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"));
}

export function getAt(root: unknown, segments: readonly string[]): unknown {
  let node = root;
  for (const segment of segments) {
    if (Array.isArray(node)) {
      if (!/^\d+$/.test(segment)) return undefined;
      node = node[Number(segment)];
    } else if (isObject(node) && Object.hasOwn(node, segment)) {
      node = node[segment];
    } else {
      return undefined;
    }
  }
  return node;
}

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
