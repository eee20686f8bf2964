/**
 * JSON pointers as used in `$ref` fragments and problem locations: `#/paths/~1pets/get`.
 * Segments are kept unescaped internally; strings are built only when a pointer is reported.
 */

export function escapeSegment(segment: string): string {
  // Most segments need nothing: skip the two regex passes for them.
  if (!segment.includes("~") && !segment.includes("/")) return segment;
  return segment.replace(/~/g, "~0").replace(/\//g, "~1");
}

function unescapeSegment(segment: string): string {
  if (!segment.includes("~")) return segment;
  return segment.replace(/~1/g, "/").replace(/~0/g, "~");
}

export function formatPointer(segments: readonly string[]): string {
  return segments.length === 0 ? "#" : `#/${segments.map(escapeSegment).join("/")}`;
}

/**
 * `#/a/b~1c` → ["a", "b/c"]. Accepts the forms found in real specs: with or without the
 * leading `#`, URI-encoded (`%20`) or not. Returns undefined for fragments that are not
 * pointers at all (3.1 `$anchor` names such as `#Pet`).
 */
export function parsePointer(pointer: string): string[] | undefined {
  let body = pointer.startsWith("#") ? pointer.slice(1) : pointer;
  if (body === "" || body === "/") return body === "" ? [] : [""];
  if (body.includes("%")) {
    try {
      body = decodeURIComponent(body);
    } catch {
      // A lone `%` is legal in a key; keep the raw text rather than failing the pointer.
    }
  }
  if (!body.startsWith("/")) return undefined;
  return body.slice(1).split("/").map(unescapeSegment);
}

/** Segments of an internal `$ref` (`#/a/b~1c` → `["a", "b/c"]`); undefined for any other ref. */
export function refSegments(ref: string): string[] | undefined {
  return ref.startsWith("#") ? parsePointer(ref) : undefined;
}

/** A JSON object (not an array, not null). */
export type JsonObject = Record<string, unknown>;

export function isObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function child(value: unknown, segment: string): { found: boolean; value: unknown } {
  if (Array.isArray(value)) {
    if (!/^(0|[1-9]\d*)$/.test(segment)) return { found: false, value: undefined };
    const index = Number(segment);
    return index < value.length
      ? { found: true, value: value[index] }
      : { found: false, value: undefined };
  }
  if (isObject(value) && Object.hasOwn(value, segment)) {
    return { found: true, value: value[segment] };
  }
  return { found: false, value: undefined };
}

export interface PointerWalk {
  /** How many segments exist in the data (all of them when the pointer resolves). */
  depth: number;
  /** The value at the pointer, or at the deepest existing parent. */
  value: unknown;
}

/** Follows `segments` as far as the data allows; never follows `$ref`s. */
export function walkPointer(data: unknown, segments: readonly string[]): PointerWalk {
  let value = data;
  let depth = 0;
  for (const segment of segments) {
    const next = child(value, segment);
    if (!next.found) break;
    value = next.value;
    depth++;
  }
  return { depth, value };
}

/** The value at `segments`, or undefined when a step is missing. */
export function valueAtPointer(data: unknown, segments: readonly string[]): unknown {
  const walk = walkPointer(data, segments);
  return walk.depth === segments.length ? walk.value : undefined;
}

/**
 * The value an internal `$ref` points to, or undefined. Bundled refs can point anywhere in
 * the document (`#/paths/~1pets~1%7Bid%7D/get/...`), URI-encoded; this handles both.
 */
export function resolveInternalRef(document: unknown, ref: string): unknown {
  if (!ref.startsWith("#")) return undefined;
  const segments = parsePointer(ref);
  return segments ? valueAtPointer(document, segments) : undefined;
}
