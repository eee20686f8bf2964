import type { ModelContext } from "./context";
import { isObject } from "./resolve";
import { followSchema, type SchemaEnv } from "./sample/env";
import { sampleSchema, verdictOn } from "./sample/index";

/** More branches than this are not tried (bounded work per parameter). */
const MAX_BRANCHES = 16;

type Scalar = string | number | boolean;
const isScalar = (value: unknown): value is Scalar =>
  typeof value === "string" || typeof value === "number" || typeof value === "boolean";

/** The root `oneOf` of a schema (`$ref` followed), when it has one worth counting. */
function rootOneOf(schema: unknown, env: SchemaEnv): unknown[] | undefined {
  const { target, rest } = followSchema(schema, env);
  for (const node of [rest, target]) {
    if (isObject(node) && Array.isArray(node.oneOf) && node.oneOf.length <= MAX_BRANCHES)
      return node.oneOf;
  }
  return undefined;
}

/**
 * The `oneOf` branches that accept `value` as a server reads a parameter: as text, coerced to
 * a branch's type where it can be (`"42"` is an integer and a string).
 */
function textMatches(value: Scalar, branches: readonly unknown[], env: SchemaEnv): number {
  const text = String(value);
  let matches = 0;
  for (const branch of branches) {
    if (verdictOn(text, branch, env) === undefined || env.coerced?.(text, branch)) matches += 1;
  }
  return matches;
}

export interface WireValue {
  value: unknown;
  /** No value one branch alone accepts could be found: a validating server may reject it. */
  ambiguous?: true;
}

/**
 * A parameter value that `oneOf` accepts exactly once when read as text. GitHub's
 * `workflow_id` is `oneOf: [integer, string]`: `1` becomes the text "1", which both branches
 * accept, so a server validating oneOf with coercion (Prism, most frameworks) refuses it; a
 * sample of a branch that alone accepts its text ("string") is sent instead, with a warning
 * at the example when the spec wrote the value.
 */
export function exclusiveOnWire(
  ctx: ModelContext,
  value: unknown,
  schema: unknown,
  at: { pointer: string; fromSpec: boolean },
  options: { name?: string; pathParam?: boolean },
): WireValue {
  const env = ctx.schemas.request;
  if (!isScalar(value) || schema === undefined) return { value };
  const branches = rootOneOf(schema, env);
  if (!branches) return { value };
  const matches = textMatches(value, branches, env);
  if (matches < 2) return { value };
  const what = `${JSON.stringify(value)} is sent as text, which ${matches} branches of this oneOf accept (a server coercing parameters rejects it)`;
  for (const withName of [true, false]) {
    for (const branch of branches) {
      const sample = sampleSchema(branch, env, ctx.document, withName ? options : {});
      const candidate = sample.value;
      if (sample.error || !isScalar(candidate) || verdictOn(candidate, schema, env)) continue;
      if (textMatches(candidate, branches, env) !== 1) continue;
      // A generated value is simply chosen better; a spec example the user wrote is replaced.
      if (at.fromSpec) {
        ctx.report(
          "invalid-example",
          "warning",
          at.pointer,
          `The spec's example ${what}; the collection sends ${JSON.stringify(candidate)} instead, which one branch alone accepts. Fix the example or make the branches exclusive.`,
        );
      }
      return { value: candidate };
    }
  }
  ctx.report(
    "unsatisfiable-schema",
    "warning",
    at.pointer,
    `${what}, and no value one branch alone accepts could be built; the request is marked as one the server may rightly reject. Make the branches exclusive (e.g. a pattern on the string branch).`,
  );
  return { value, ambiguous: true };
}
