import { sample } from "openapi-sampler";
import { isObject } from "../resolve";
import {
  createBudget,
  hasHugeMinimum,
  OPTIONAL_DEPTH,
  type SampleNote,
  withinBudget,
} from "./budget";
import { conform } from "./conform";
import type { SchemaEnv } from "./env";
import { firstError } from "./validate";

export type { SchemaEnv } from "./env";
export { firstError, isValid } from "./validate";

export interface SampleOptions {
  /** Parameter or property name: realistic strings (`email` → `user@example.com`). */
  name?: string;
  /** A path parameter: non-empty and safe in a URL when the schema allows it. */
  pathParam?: boolean;
}

export interface SampleResult {
  value: unknown;
  /** Set when no value could be made to satisfy the schema: what is still wrong. */
  error?: string;
  /** What the sample budget cut (see budget.ts), each with the `$ref` it happened in. */
  notes?: SampleNote[];
}

/**
 * openapi-sampler's depth default is 15; its guess is only kept where the budget still shows
 * optional properties, and deeper values start from their schema's own example (conform), so
 * guessing deeper is wasted work (megabytes on Graph).
 */
const MAX_SAMPLE_DEPTH = OPTIONAL_DEPTH;

/**
 * A deterministic example that validates against `schema`: openapi-sampler's guess,
 * repaired where it breaks the schema (formats, bounds, patterns, oneOf, ...).
 */
export function sampleSchema(
  schema: unknown,
  env: SchemaEnv,
  document: unknown,
  options: SampleOptions = {},
): SampleResult {
  let hint: unknown;
  const risky = hasHugeMinimum(document) || hasHugeMinimum(schema);
  // openapi-sampler prints some warnings even with `quiet` (allOf type clashes, date
  // lengths); library code must not write to the terminal, and the value is checked below.
  const warn = console.warn;
  console.warn = () => {};
  try {
    hint = risky
      ? undefined
      : sample(
          schema as Parameters<typeof sample>[0],
          {
            skipReadOnly: env.mode === "request",
            skipWriteOnly: env.mode === "response",
            quiet: true,
            maxSampleDepth: MAX_SAMPLE_DEPTH,
          },
          document as object,
        );
  } catch {
    // openapi-sampler throws on refs it cannot follow and on some odd schemas: start from scratch.
    hint = undefined;
  } finally {
    console.warn = warn;
  }
  const at = { depth: 0, variant: 0, name: options.name, pathParam: options.pathParam };
  const ref = isObject(schema) && typeof schema.$ref === "string" ? schema.$ref : undefined;
  const { value, notes } = withinBudget(
    (budget) => conform(hint, schema, env, { ...at, budget }),
    ref,
  );
  const error = verdictOn(value, schema, env);
  if (error === undefined) return { value, notes };
  // Optional parts can clash (allOf members that each forbid extra properties): try the
  // smallest value the schema allows before giving up.
  const budget = createBudget(0);
  const minimal = conform(undefined, schema, env, { ...at, minimal: true, budget });
  return verdictOn(minimal, schema, env) === undefined
    ? { value: minimal, notes: budget.notes }
    : { value, error, notes };
}

/**
 * The final word on a value: the schema core's (what the contract test will check) when the
 * environment has it, else the fast check the repairs use.
 */
export function verdictOn(
  value: unknown,
  schema: unknown,
  env: SchemaEnv,
  path?: string,
): string | undefined {
  return env.verdict ? env.verdict(value, schema, path) : firstError(value, schema, env, path);
}
