/**
 * Problems are data: every stage returns them, only the CLI prints them.
 * A problem's location is a source and a JSON pointer (`Location`); the file the pointer
 * really lands in (a `$ref`'d file, say), its line and column are computed once, by
 * `locateProblems`, just before the problems are printed.
 */
export type ProblemCode =
  // reading and parsing
  | "read-error"
  | "yaml-syntax"
  | "json-syntax"
  // what the document is
  | "not-openapi"
  | "unsupported-version"
  | "invalid-type"
  | "conversion-failed"
  | "assumed-content-type"
  // references
  | "unresolved-ref"
  | "missing-file"
  // security
  | "no-client-credentials"
  | "no-token-url"
  | "unsupported-auth"
  | "assumed-security"
  | "user-token"
  | "no-base-url"
  | "ignored-header"
  // operations and data
  | "no-operations"
  | "duplicate-operation-id"
  | "invalid-example"
  | "unsatisfiable-schema"
  | "variable-like-text"
  | "unsupported-schema"
  | "example-over-budget"
  // user overrides (issue 5)
  | "invalid-override"
  | "stale-override"
  // output
  | "write-error"
  // hostile input (issue 13)
  | "ref-outside-folder"
  | "invalid-path"
  | "ref-too-deep"
  // chains and workflows (issue 10)
  | "chain-order"
  | "invalid-link"
  | "invalid-arazzo"
  | "unsupported-arazzo";

export type Severity = "error" | "warning";

/** Where a problem is: the file as the user named it and a JSON pointer inside it. */
export interface Location {
  file: string;
  pointer?: string;
}

/** A location resolved for printing: the file the pointer lands in, and the pointer there. */
export interface Position extends Location {
  /** 1-based. */
  line: number;
  /** 1-based. */
  column: number;
}

/** Maps a pointer of the loaded (bundled) document to the file, pointer, line and column. */
export type Locator = (pointer: string) => Position;

export interface Problem extends Location {
  code: ProblemCode;
  severity: Severity;
  /** One sentence: what is wrong and what to do about it. */
  message: string;
  // `file`: as the user named it (relative to cwd when possible). `pointer` (e.g.
  // `#/paths/~1userlist/get/responses`) is in the loaded document until located, then in `file`.
  /** 1-based; set once located. */
  line?: number;
  /** 1-based. */
  column?: number;
}

export function problem(
  code: ProblemCode,
  severity: Severity,
  file: string,
  message: string,
  pointer?: string,
): Problem {
  return pointer === undefined
    ? { code, severity, file, message }
    : { code, severity, file, message, pointer };
}

export const hasErrors = (problems: readonly Problem[]): boolean =>
  problems.some((p) => p.severity === "error");

/**
 * Fills in file, pointer, line and column of the problems that have a pointer and no position
 * yet, in the file each pointer lands in; then orders them by place (users fix a file top to
 * bottom). Problems already located (syntax errors, found while parsing) keep their position.
 */
export function locateProblems(problems: readonly Problem[], locate?: Locator): Problem[] {
  const located = problems.map((p, index) => {
    if (locate === undefined || p.line !== undefined || p.pointer === undefined) {
      return { p, index };
    }
    const at = locate(p.pointer);
    return { p: { ...p, ...at, pointer: at.pointer ?? p.pointer }, index };
  });
  return located
    .sort(
      (a, b) =>
        (a.p.file < b.p.file ? -1 : a.p.file > b.p.file ? 1 : 0) ||
        (a.p.line ?? 1) - (b.p.line ?? 1) ||
        (a.p.column ?? 1) - (b.p.column ?? 1) ||
        a.index - b.index,
    )
    .map(({ p }) => p);
}

/** `file:line:col severity code message` — one line, no stack trace, ever. */
export function formatProblem(p: Problem): string {
  const where = `${p.file}:${p.line ?? 1}:${p.column ?? 1}`;
  const at = p.pointer && p.pointer !== "#" ? ` (at ${p.pointer})` : "";
  const message = p.message.replace(/\s*\n\s*/g, " ");
  return `${where} ${p.severity} ${p.code} ${message}${at}`;
}
