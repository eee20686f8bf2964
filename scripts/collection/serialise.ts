/**
 * The one serialiser for every file specpost writes: keys in a fixed order, 2-space indent,
 * trailing newline. Whatever order a builder happened to create keys in, the bytes on disk
 * depend only on the data, so regeneration diffs show only what the spec changed.
 */

// Postman's own export order where it has one; a key missing here sorts after these,
// alphabetically. No object specpost writes has user-chosen keys (bodies and schemas are
// strings by then), so reordering never changes meaning.
const KEY_ORDER = [
  "_postman_id",
  "id",
  "name",
  "key",
  "value",
  "src",
  "type",
  "enabled",
  "disabled",
  "description",
  "schema",
  "info",
  "item",
  "event",
  "listen",
  "script",
  "exec",
  "request",
  "originalRequest",
  "status",
  "code",
  "_postman_previewlanguage",
  "auth",
  "noauth",
  "apikey",
  "basic",
  "bearer",
  "method",
  "header",
  "body",
  "mode",
  "raw",
  "urlencoded",
  "formdata",
  "options",
  "language",
  "url",
  "host",
  "path",
  "query",
  "variable",
  "cookie",
  "response",
  "values",
  "_postman_variable_scope",
];
const RANK = new Map(KEY_ORDER.map((key, index) => [key, index]));

function compareKeys(a: string, b: string): number {
  const ra = RANK.get(a);
  const rb = RANK.get(b);
  if (ra !== undefined && rb !== undefined) return ra - rb;
  if (ra !== undefined) return -1;
  if (rb !== undefined) return 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value !== null && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort(compareKeys)) {
      const child = (value as Record<string, unknown>)[key];
      if (child !== undefined) out[key] = canonical(child);
    }
    return out;
  }
  return value;
}

export function serialise(value: unknown): string {
  return `${JSON.stringify(canonical(value), null, 2)}\n`;
}
