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
 * A value built only when the serialiser reaches it, and dropped once written: a collection's
 * 10,000 request items then never all live at once (nor outlive a young-generation GC).
 */
export class Pending<T> {
  constructor(
    readonly id: string,
    readonly build: () => T,
  ) {}
}

/**
 * `value` with every object's keys in serialisation order. Copy on write: a part already in
 * order comes back as it is, so a 10,000-request collection is not copied whole just to be
 * stringified. Undefined members need no removal: JSON.stringify leaves them out anyway.
 */
function canonical(value: unknown): unknown {
  if (typeof value !== "object" || value === null) return value;
  if (value instanceof Pending) return canonical(value.build());
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

/**
 * What `serialise` writes, as UTF-8 bytes in chunks of about a megabyte, without ever holding
 * the whole text: the collection's folders are written member by member and each request
 * item through JSON.stringify on its own. Graph's collection is 67 MB of UTF-8 but, with one
 * arrow in a description, would be 134 MB of two-byte JavaScript text. Each chunk owns its
 * buffer, so a worker thread can move it. Same bytes as `serialise` (a test holds it to it).
 */
export function serialiseBytes(value: unknown): Uint8Array[] {
  const sink = new ByteSink();
  write(value, "", sink);
  sink.write("\n");
  return sink.end();
}

const GAP = "  ";

/** The collection and its folders: the only objects with an `item` list. */
const isFolder = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" &&
  value !== null &&
  !Array.isArray(value) &&
  Array.isArray((value as Record<string, unknown>).item);

/**
 * JSON.stringify(value, null, 2) as it reads `depth` levels down: JSON.stringify indents it
 * there itself when it is wrapped in `depth` arrays, and the wrapping is cut off again (a
 * slice, not a copy). Re-indenting the text instead copied every item's text once more
 * (176 MB of strings for 10,000 operations). Undefined is null, as in an array.
 */
function indented(value: unknown, depth: number): string {
  if (depth === 0) return JSON.stringify(value, null, 2) ?? "null";
  let wrapped: unknown = value;
  for (let level = 0; level < depth; level++) wrapped = [wrapped];
  const text = JSON.stringify(wrapped, null, 2);
  // Level i opens with "[\n" and 2(i+1) spaces, and closes with "\n", 2i spaces and "]".
  const open = 2 * depth + depth * (depth + 1);
  const close = 2 * depth + depth * (depth - 1);
  return text.slice(open, text.length - close);
}

/** `value` at nesting `indent`, as JSON.stringify(…, null, 2) would write it there. */
function write(value: unknown, indent: string, sink: ByteSink): void {
  if (value instanceof Pending) {
    write(value.build(), indent, sink);
    return;
  }
  if (!isFolder(value)) {
    sink.write(indented(canonical(value), indent.length / GAP.length));
    return;
  }
  const inner = indent + GAP;
  const keys = Object.keys(value).sort(compareKeys);
  let first = true;
  for (const key of keys) {
    const member = value[key];
    if (member === undefined) continue;
    sink.write(`${first ? "{\n" : ",\n"}${inner}${JSON.stringify(key)}: `);
    first = false;
    if (key === "item" && Array.isArray(member) && member.length > 0) {
      const itemIndent = inner + GAP;
      member.forEach((item: unknown, index) => {
        sink.write(`${index === 0 ? "[\n" : ",\n"}${itemIndent}`);
        write(item, itemIndent, sink);
      });
      sink.write(`\n${inner}]`);
    } else {
      write(member, inner, sink);
    }
  }
  sink.write(first ? "{}" : `\n${indent}}`);
}

const CHUNK_BYTES = 1 << 20;

/**
 * Pieces written straight into megabyte buffers of their own (a Buffer from the shared pool
 * could not be moved to another thread). No joining of small pieces first: each join makes
 * a rope that has to be flattened again before it is encoded.
 */
class ByteSink {
  private readonly chunks: Uint8Array[] = [];
  private current = Buffer.allocUnsafeSlow(CHUNK_BYTES);
  private used = 0;

  write(text: string): void {
    // Three bytes per UTF-16 unit at most: most pieces fit without being measured.
    if (text.length * 3 > this.current.length - this.used) {
      const bytes = Buffer.byteLength(text, "utf8");
      if (bytes > this.current.length - this.used) {
        if (this.used > 0) this.chunks.push(this.current.subarray(0, this.used));
        this.current = Buffer.allocUnsafeSlow(Math.max(CHUNK_BYTES, bytes));
        this.used = 0;
      }
    }
    this.used += this.current.write(text, this.used, "utf8");
  }

  end(): Uint8Array[] {
    if (this.used > 0) {
      // A copy of the right size: a small file does not keep a megabyte alive.
      const last = new Uint8Array(this.used);
      last.set(this.current.subarray(0, this.used));
      this.chunks.push(last);
    }
    return this.chunks;
  }
}
