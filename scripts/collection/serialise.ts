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

/**
 * `value` with every object's keys in serialisation order. Copy on write: a part already in
 * order comes back as it is, so a 10,000-request collection is not copied whole just to be
 * stringified. Undefined members need no removal: JSON.stringify leaves them out anyway.
 */
function canonical(value: unknown): unknown {
  if (typeof value !== "object" || value === null) return value;
  if (Array.isArray(value)) {
    let out: unknown[] | undefined;
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      const next = canonical(item);
      if (next !== item && out === undefined) out = value.slice(0, i);
      if (out !== undefined) out.push(next);
    }
    return out ?? value;
  }
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record);
  let sorted = true;
  for (let i = 1; i < keys.length; i++) {
    if (compareKeys(keys[i - 1] as string, keys[i] as string) > 0) {
      sorted = false;
      break;
    }
  }
  if (!sorted) keys.sort(compareKeys);
  let out: Record<string, unknown> | undefined;
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i] as string;
    const child = record[key];
    const next = canonical(child);
    if (out === undefined && (!sorted || next !== child)) {
      out = {};
      for (let j = 0; j < i; j++) {
        const k = keys[j] as string;
        out[k] = record[k];
      }
    }
    if (out !== undefined) out[key] = next;
  }
  return out ?? value;
}

export function serialise(value: unknown): string {
  return `${JSON.stringify(canonical(value), null, 2)}\n`;
}
