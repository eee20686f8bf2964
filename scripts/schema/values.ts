import { isSafePattern } from "./safe-pattern";

/** Checks on keyword values: Ajv 6 validates every schema against the draft-07 meta-schema and throws. */

export const isFiniteNumber = (value: unknown): value is number =>
  typeof value === "number" && Number.isFinite(value);

export const isNonNegativeInteger = (value: unknown): value is number =>
  isFiniteNumber(value) && Number.isInteger(value) && value >= 0;

export const isStringArray = (value: unknown): value is string[] =>
  Array.isArray(value) && value.every((v) => typeof v === "string");

export const SIMPLE_TYPES = new Set([
  "array",
  "boolean",
  "integer",
  "null",
  "number",
  "object",
  "string",
]);

/**
 * Why Ajv 6 cannot use `pattern` as the spec means it, or undefined when it can. Ajv 6 builds
 * `new RegExp(pattern)` without the `u` flag: a syntax error throws, and `\p{...}` / `\u{...}`
 * silently mean something else.
 */
export function patternProblem(pattern: string): string | undefined {
  if (!isSafePattern(pattern))
    return "can take exponential time to match (a repeated group that itself repeats)";
  if (/\\[pP]\{|\\u\{/.test(pattern))
    return "needs the regular expression `u` flag, which Ajv 6 does not set";
  try {
    new RegExp(pattern);
    return undefined;
  } catch {
    return "is not a valid JavaScript regular expression";
  }
}

/** Values without duplicates (deep equality, key order ignored), first occurrence kept. */
export function uniqueValues(values: readonly unknown[]): unknown[] {
  // The usual case (names, enum strings) needs no canonical form: a Set compares primitives.
  if (values.every(isPrimitive)) return [...new Set(values)];
  const seen = new Set<string>();
  return values.filter((value) => {
    const key = canonicalJson(value);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}

const isPrimitive = (value: unknown): boolean => value === null || typeof value !== "object";
