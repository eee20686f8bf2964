import { isSafePattern } from "../../schema/safe-pattern";
import { isObject, type JsonObject } from "../resolve";
import { asNumber, type JsonType } from "./env";
import { formatAccepts } from "./formats";

/**
 * The fast check's keywords on single values (enum/const, numbers, strings): split from
 * validate.ts, which walks structures and combinators and calls these.
 */
export function typeMatches(value: unknown, type: JsonType): boolean {
  switch (type) {
    case "null":
      return value === null;
    case "integer":
      return typeof value === "number" && Number.isInteger(value);
    case "number":
      return typeof value === "number" && Number.isFinite(value);
    case "array":
      return Array.isArray(value);
    case "object":
      return isObject(value);
    default:
      return typeof value === type;
  }
}

export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) {
    return Array.isArray(b) && a.length === b.length && a.every((x, i) => deepEqual(x, b[i]));
  }
  if (isObject(a) && isObject(b)) {
    const keys = Object.keys(a);
    return (
      keys.length === Object.keys(b).length &&
      keys.every((k) => Object.hasOwn(b, k) && deepEqual(a[k], b[k]))
    );
  }
  return false;
}

export function checkValue(value: unknown, schema: JsonObject, path: string): string | undefined {
  if (Array.isArray(schema.enum) && !schema.enum.some((e) => deepEqual(e, value))) {
    return `${path} must be one of ${JSON.stringify(schema.enum).slice(0, 80)}`;
  }
  if (schema.const !== undefined && !deepEqual(schema.const, value)) {
    return `${path} must be ${JSON.stringify(schema.const)}`;
  }
  if (typeof schema.format === "string" && !formatAccepts(schema.format, value)) {
    return `${path} must match format "${schema.format}"`;
  }
  return undefined;
}

/** Ajv's multipleOf test (no precision option), so both agree on 0.1 * 3 and friends. */
export function isMultipleOf(value: number, divisor: number): boolean {
  const ratio = value / divisor;
  return ratio === Number.parseInt(String(ratio), 10);
}

/** Lower and upper bounds with exclusiveness, for both 3.0 (boolean) and 3.1 (numeric) styles. */
export function numberBounds(schema: JsonObject): {
  lo?: number;
  loEx: boolean;
  hi?: number;
  hiEx: boolean;
} {
  let lo = asNumber(schema.minimum);
  let hi = asNumber(schema.maximum);
  let loEx = schema.exclusiveMinimum === true && lo !== undefined;
  let hiEx = schema.exclusiveMaximum === true && hi !== undefined;
  const exMin = asNumber(schema.exclusiveMinimum);
  const exMax = asNumber(schema.exclusiveMaximum);
  if (exMin !== undefined && (lo === undefined || exMin >= lo)) [lo, loEx] = [exMin, true];
  if (exMax !== undefined && (hi === undefined || exMax <= hi)) [hi, hiEx] = [exMax, true];
  return { lo, loEx, hi, hiEx };
}

export function checkNumber(value: unknown, schema: JsonObject, path: string): string | undefined {
  if (typeof value !== "number") return undefined;
  const { lo, loEx, hi, hiEx } = numberBounds(schema);
  if (lo !== undefined && (loEx ? value <= lo : value < lo))
    return `${path} must be ${loEx ? ">" : ">="} ${lo}`;
  if (hi !== undefined && (hiEx ? value >= hi : value > hi))
    return `${path} must be ${hiEx ? "<" : "<="} ${hi}`;
  const m = asNumber(schema.multipleOf);
  if (m !== undefined && m > 0 && !isMultipleOf(value, m))
    return `${path} must be a multiple of ${m}`;
  return undefined;
}

const patterns = new Map<string, RegExp | null>();

/**
 * Ajv compiles patterns with the `u` flag. Patterns only valid without it (`{` unescaped,
 * as JSON Schema draft 4 tools allowed) are read without it; unreadable ones are skipped,
 * and so are ones that can backtrack catastrophically (the sampler notes those).
 */
export function compilePattern(pattern: string): RegExp | null {
  let re = patterns.get(pattern);
  if (re === undefined) {
    re = isSafePattern(pattern) ? (tryRegExp(pattern, "u") ?? tryRegExp(pattern, "")) : null;
    patterns.set(pattern, re);
  }
  return re;
}

function tryRegExp(pattern: string, flags: string): RegExp | null {
  try {
    return new RegExp(pattern, flags);
  } catch {
    return null;
  }
}

/** Length in code points, as JSON Schema (and Ajv) count it. */
export const stringLength = (s: string): number => {
  let n = 0;
  for (const _ of s) n++;
  return n;
};

export function checkString(value: unknown, schema: JsonObject, path: string): string | undefined {
  if (typeof value !== "string") return undefined;
  const min = asNumber(schema.minLength);
  const max = asNumber(schema.maxLength);
  if (min !== undefined || max !== undefined) {
    const length = stringLength(value);
    if (min !== undefined && length < min) return `${path} must be at least ${min} characters`;
    if (max !== undefined && length > max) return `${path} must be at most ${max} characters`;
  }
  if (typeof schema.pattern === "string") {
    const re = compilePattern(schema.pattern);
    if (re && !re.test(value)) return `${path} must match pattern ${schema.pattern}`;
  }
  return undefined;
}
