/**
 * Problems are data: every stage returns them, only the CLI prints them.
 * A problem names the file and (where known) the JSON pointer; line and column are
 * filled in by the loader's locator before printing.
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
  // references
  | "unresolved-ref"
  | "missing-file"
  // security
  | "no-client-credentials"
  | "no-token-url"
  | "unsupported-auth"
  | "assumed-security"
  | "no-base-url"
  // operations and data
  | "no-operations"
  | "duplicate-operation-id"
  | "invalid-example"
  | "unsupported-schema"
  | "example-over-budget"
  // user overrides (issue 5)
  | "invalid-override"
  | "stale-override"
  // output
  | "write-error";

export type Severity = "error" | "warning";

export interface Problem {
  code: ProblemCode;
  severity: Severity;
  /** One sentence: what is wrong and what to do about it. */
  message: string;
  /** Path of the file the problem is in, as the user named it (relative to cwd when possible). */
  file: string;
  /** JSON pointer inside `file`, e.g. `#/paths/~1userlist/get/responses`. */
  pointer?: string;
  /** 1-based. */
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

/** `file:line:col severity code message` — one line, no stack trace, ever. */
export function formatProblem(p: Problem): string {
  const where = `${p.file}:${p.line ?? 1}:${p.column ?? 1}`;
  const at = p.pointer && p.pointer !== "#" ? ` (at ${p.pointer})` : "";
  const message = p.message.replace(/\s*\n\s*/g, " ");
  return `${where} ${p.severity} ${p.code} ${message}${at}`;
}
