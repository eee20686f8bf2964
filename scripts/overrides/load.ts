import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { basename, dirname, extname, join, resolve } from "node:path";
import { displayPath, readSource, type SourcePosition } from "../load/source";
import type { Problem, ProblemCode, Severity } from "../problems";
import type { OverridesInput, ScriptSource } from "./types";
import { describePath, validateOverrides } from "./validate";

const EXTENSIONS = [".yaml", ".yml", ".json"];

/** Where the overrides of a spec live: `<dir>/<name>.overrides.{yaml,yml,json}`. */
export function overridesCandidates(specAbsolutePath: string): string[] {
  const name = basename(specAbsolutePath, extname(specAbsolutePath));
  return EXTENSIONS.map((ext) => join(dirname(specAbsolutePath), `${name}.overrides${ext}`));
}

/** A parsed, shape-checked overrides file with its scripts read. */
export interface OverridesFile {
  /** As the user would write it (relative to cwd when inside it). */
  file: string;
  absolutePath: string;
  input: OverridesInput;
  /** Script lines by operation key as written, then `prerequest` or `tests`. */
  scripts: Map<string, { prerequest?: string[]; tests?: string[] }>;
  /** Line and column of a place in the file (the key, for a mapping member). */
  position(segments: readonly string[]): SourcePosition;
  /** Absolute paths of every file read: the overrides file and its script files. */
  inputs: string[];
}

export interface LoadOverridesResult {
  /** Absent when the spec has no overrides file, or the file has errors. */
  overrides?: OverridesFile;
  problems: Problem[];
  /** Files read, for watch mode: present even when they had errors. */
  inputs: string[];
}

export type Report = (
  segments: readonly string[],
  code: ProblemCode,
  severity: Severity,
  message: string,
) => void;

/** Problems located in one file: file:line:col of the key the problem is about. */
export function reporter(
  file: string,
  position: (segments: readonly string[]) => SourcePosition,
  problems: Problem[],
): Report {
  return (segments, code, severity, message) => {
    const { line, column } = position(segments);
    problems.push({ code, severity, file, message, line, column });
  };
}

function lines(text: string): string[] {
  const out = text.replace(/\r\n/g, "\n").split("\n");
  while (out.length > 0 && out.at(-1)?.trim() === "") out.pop();
  return out;
}

async function scriptLines(
  source: ScriptSource,
  folder: string,
  cwd: string,
  inputs: string[],
): Promise<{ lines: string[] } | { error: string }> {
  if (typeof source === "string") return { lines: lines(source) };
  const path = resolve(folder, source.file);
  inputs.push(path);
  try {
    return { lines: lines(await readFile(path, "utf8")) };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === "ENOENT" ? "no such file" : (code ?? String(error));
    return {
      error: `cannot read ${displayPath(path, cwd)} (${why}); the path is relative to the overrides file`,
    };
  }
}

/**
 * Finds and reads the overrides file of a spec. No file is no overrides, not a problem;
 * a file with any error gives no overrides, so the spec writes nothing until it is fixed.
 */
export async function loadOverrides(
  specAbsolutePath: string,
  cwd: string,
): Promise<LoadOverridesResult> {
  const found = overridesCandidates(specAbsolutePath).filter((path) => existsSync(path));
  const [absolutePath, second] = found;
  if (absolutePath === undefined) return { problems: [], inputs: [] };
  const file = displayPath(absolutePath, cwd);
  const inputs = [absolutePath];
  if (second !== undefined) {
    const message = `${basename(second)} is there too: keep one overrides file per spec and merge the two`;
    const problem = { code: "invalid-override" as const, severity: "error" as const };
    return { problems: [{ ...problem, file, message, line: 1, column: 1 }], inputs };
  }

  const read = await readSource(absolutePath, file);
  if (!read.ok) return { problems: [read.problem], inputs };
  const source = read.source;
  const problems: Problem[] = [];
  const report = reporter(file, (s) => source.position(s), problems);

  const checked = validateOverrides(source.data);
  if (!checked.ok) {
    for (const error of checked.errors) {
      report(error.segments, "invalid-override", "error", error.message);
    }
    return { problems: sortByPlace(problems), inputs };
  }

  const scripts: OverridesFile["scripts"] = new Map();
  for (const [key, operation] of Object.entries(checked.value.operations ?? {})) {
    for (const kind of ["prerequest", "tests"] as const) {
      const script = operation[kind];
      if (script === undefined) continue;
      const got = await scriptLines(script, dirname(absolutePath), cwd, inputs);
      if ("error" in got) {
        const at =
          typeof script === "string"
            ? ["operations", key, kind]
            : ["operations", key, kind, "file"];
        report(at, "invalid-override", "error", `${describePath(at)}: ${got.error}`);
        continue;
      }
      scripts.set(key, { ...scripts.get(key), [kind]: got.lines });
    }
  }
  if (problems.length > 0) return { problems: sortByPlace(problems), inputs };
  return {
    overrides: {
      file,
      absolutePath,
      input: checked.value,
      scripts,
      position: (segments) => source.position(segments),
      inputs,
    },
    problems,
    inputs,
  };
}

export function sortByPlace(problems: Problem[]): Problem[] {
  return [...problems].sort(
    (a, b) => (a.line ?? 1) - (b.line ?? 1) || (a.column ?? 1) - (b.column ?? 1),
  );
}
