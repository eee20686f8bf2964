import { constants } from "node:fs";
import { open, stat as statPath } from "node:fs/promises";
import { extname, isAbsolute, relative, sep } from "node:path";
import type { Document, YAMLError } from "yaml";
import { type Problem, problem } from "../problems";
import { createJsonLocator } from "./json-locate";
import { findJsonSyntaxError } from "./json-syntax";
import { formatPointer } from "./pointer";
import { yaml } from "./yaml-lib";
import { yamlPointerOffset } from "./yaml-locate";

export interface SourcePosition {
  /** 1-based. */
  line: number;
  /** 1-based. */
  column: number;
}

/** One parsed spec file and the means to find positions in it. */
export interface Source {
  absolutePath: string;
  /** As the user would write it: relative to cwd when inside it. */
  display: string;
  format: "json" | "yaml";
  data: unknown;
  /** Position of the deepest existing node on the path (lazy; cached). */
  position(segments: readonly string[]): SourcePosition;
}

export type SourceResult =
  | { ok: true; source: Source }
  | { ok: false; problem: Problem; ioCode?: string };

export function displayPath(absolutePath: string, cwd: string): string {
  const rel = relative(cwd, absolutePath);
  const outside = rel === "" || rel === ".." || rel.startsWith(`..${sep}`) || isAbsolute(rel);
  return outside ? absolutePath : rel;
}

function detectFormat(absolutePath: string, text: string): "json" | "yaml" {
  const ext = extname(absolutePath).toLowerCase();
  if (ext === ".json") return "json";
  if (ext === ".yaml" || ext === ".yml") return "yaml";
  return /^\uFEFF?\s*[{[]/.test(text) ? "json" : "yaml";
}

/** Line starts → 1-based positions; yaml's LineCounter has this shape. */
interface LineCounter {
  linePos(offset: number): { line: number; col: number };
}

/** yaml's LineCounter over `text`'s newlines, without loading yaml for a JSON spec. */
function lineCounterFor(text: string): LineCounter {
  const starts = [0];
  for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) starts.push(i + 1);
  return {
    linePos(offset) {
      let low = 0;
      let high = starts.length;
      while (low < high) {
        const mid = (low + high) >> 1;
        if ((starts[mid] as number) < offset) low = mid + 1;
        else high = mid;
      }
      if (starts[low] === offset) return { line: low + 1, col: 1 };
      if (low === 0) return { line: 0, col: offset };
      return { line: low, col: offset - (starts[low - 1] as number) + 1 };
    },
  };
}

function at(counter: LineCounter, offset: number): SourcePosition {
  const { line, col } = counter.linePos(offset);
  return { line, column: col };
}

function makeSource(
  absolutePath: string,
  display: string,
  format: "json" | "yaml",
  data: unknown,
  offsetOf: (segments: readonly string[]) => number,
  counter: () => LineCounter,
): Source {
  const cache = new Map<string, SourcePosition>();
  return {
    absolutePath,
    display,
    format,
    data,
    position(segments) {
      const key = formatPointer(segments);
      let found = cache.get(key);
      if (!found) {
        found = at(counter(), offsetOf(segments));
        cache.set(key, found);
      }
      return found;
    },
  };
}

const YAML_ADVICE: Record<string, string> = {
  DUPLICATE_KEY: "remove or rename one of the duplicate keys",
  TAB_AS_INDENT: "indent with spaces, not tabs",
  MULTIPLE_DOCS: 'keep one YAML document per file (remove the extra "---")',
  BAD_INDENT: "line the entries up at the same indentation",
};

function yamlProblem(error: YAMLError, counter: LineCounter, display: string): Problem {
  const reason =
    error.code === "MULTIPLE_DOCS"
      ? "the file holds more than one YAML document"
      : (error.message.split("\n")[0] ?? "");
  const advice =
    YAML_ADVICE[error.code] ??
    (reason.includes("followed by map values")
      ? 'add ":" after the key, or indent the line under the key it belongs to'
      : 'check the indentation, a missing ":" after a key, or a value that needs quotes');
  const { line, column } = at(counter, error.pos[0]);
  return {
    ...problem("yaml-syntax", "error", display, `YAML syntax error: ${reason}; ${advice}.`),
    line,
    column,
  };
}

function parseYaml(absolutePath: string, display: string, text: string): SourceResult {
  const { LineCounter, parseDocument } = yaml();
  const counter = new LineCounter();
  const doc: Document = parseDocument(text, {
    lineCounter: counter,
    prettyErrors: false,
    merge: true,
  });
  const first = doc.errors[0];
  if (first) return { ok: false, problem: yamlProblem(first, counter, display) };
  let data: unknown;
  try {
    // Generous alias limit: real specs reuse anchors a lot; this still stops "billion laughs".
    data = doc.toJS({ maxAliasCount: 10_000 });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      problem: {
        ...problem(
          "yaml-syntax",
          "error",
          display,
          `YAML error: ${reason}; simplify the anchors and aliases.`,
        ),
        line: 1,
        column: 1,
      },
    };
  }
  const offsetOf = (segments: readonly string[]) => yamlPointerOffset(doc, segments);
  return {
    ok: true,
    source: makeSource(absolutePath, display, "yaml", data, offsetOf, () => counter),
  };
}

function parseJson(absolutePath: string, display: string, text: string): SourceResult {
  let counter: LineCounter | undefined;
  const lazyCounter = () => {
    counter ??= lineCounterFor(text);
    return counter;
  };
  let data: unknown;
  try {
    data = text.trim() === "" ? undefined : JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (error) {
    const found = findJsonSyntaxError(text);
    const fallback = /at position (\d+)/.exec(error instanceof Error ? error.message : "");
    const offset = found?.offset ?? (fallback ? Number(fallback[1]) : text.length);
    const reason = found?.reason ?? "the text is not valid JSON";
    const { line, column } = at(lazyCounter(), offset);
    return {
      ok: false,
      problem: {
        ...problem("json-syntax", "error", display, `JSON syntax error: ${reason}.`),
        line,
        column,
      },
    };
  }
  let locator: ((segments: readonly string[]) => number) | undefined;
  const offsetOf = (segments: readonly string[]) => {
    locator ??= createJsonLocator(text);
    return locator(segments);
  };
  return {
    ok: true,
    source: makeSource(absolutePath, display, "json", data, offsetOf, lazyCounter),
  };
}

function readFailure(display: string, error: unknown): SourceResult {
  const ioCode = (error as NodeJS.ErrnoException | null)?.code;
  const why =
    ioCode === "ENOENT" || ioCode === "ENOTDIR"
      ? "the file does not exist; check the path"
      : ioCode === "EISDIR"
        ? "it is a directory; pass the spec file inside it"
        : ioCode === "EACCES" || ioCode === "EPERM"
          ? "permission denied; make the file readable"
          : `${error instanceof Error ? error.message : String(error)}`;
  return {
    ok: false,
    problem: {
      ...problem("read-error", "error", display, `Cannot read ${display}: ${why}.`),
      line: 1,
      column: 1,
    },
    ...(ioCode ? { ioCode } : {}),
  };
}

/** Larger than any real spec (Microsoft Graph's is ~35 MB); a bound on what `/dev/zero`-like input can cost. */
export const MAX_SPEC_BYTES = 256 * 1024 * 1024;

function notReadable(display: string, why: string): SourceResult {
  return {
    ok: false,
    problem: {
      ...problem("read-error", "error", display, `Cannot read ${display}: ${why}.`),
      line: 1,
      column: 1,
    },
    ioCode: "ENOTREG",
  };
}

/**
 * The file's text, read from regular files only (a FIFO would hang, a device never end) and
 * never past MAX_SPEC_BYTES, even when the size on disk says less (`/proc` files say 0).
 */
async function readText(absolutePath: string, display: string): Promise<string | SourceResult> {
  const notRegular = () =>
    notReadable(display, "it is not a regular file (a pipe, socket or device); pass a spec file");
  const before = await statPath(absolutePath);
  if (before.isDirectory())
    return readFailure(display, Object.assign(new Error(), { code: "EISDIR" }));
  if (!before.isFile()) return notRegular();
  // Non-blocking, so a file swapped for a FIFO after the check cannot hang the open.
  const handle = await open(absolutePath, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const stat = await handle.stat();
    if (!stat.isFile()) return notRegular();
    const tooBig = () =>
      notReadable(
        display,
        `it is larger than ${MAX_SPEC_BYTES / 1024 / 1024} MB, the most specpost reads`,
      );
    if (stat.size > MAX_SPEC_BYTES) return tooBig();
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const buffer = Buffer.alloc(Math.min(1024 * 1024, MAX_SPEC_BYTES + 1 - total));
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, null);
      if (bytesRead === 0) break;
      chunks.push(buffer.subarray(0, bytesRead));
      total += bytesRead;
      if (total > MAX_SPEC_BYTES) return tooBig();
    }
    return Buffer.concat(chunks, total).toString("utf8");
  } finally {
    await handle.close();
  }
}

/** Reads and parses one file. Never throws: failures come back as a located problem. */
export async function readSource(absolutePath: string, display: string): Promise<SourceResult> {
  let text: string;
  try {
    const read = await readText(absolutePath, display);
    if (typeof read !== "string") return read;
    text = read;
  } catch (error) {
    return readFailure(display, error);
  }
  return detectFormat(absolutePath, text) === "json"
    ? parseJson(absolutePath, display, text)
    : parseYaml(absolutePath, display, text);
}
