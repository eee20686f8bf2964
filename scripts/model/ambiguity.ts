import type { ModelContext } from "./context";
import { isObject } from "./resolve";
import { followSchema, type SchemaEnv } from "./sample/env";
import { verdictOn } from "./sample/index";

/** More branches than this are not counted (bounded work per request value). */
const MAX_BRANCHES = 32;

/**
 * The `oneOf` branches (at the schema's root, `$ref`s followed) that `value` satisfies on
 * their own. OpenAPI's `discriminator` picks one branch for specpost's schema core, but a
 * server that validates plain JSON Schema (Prism, most frameworks) rejects a value two
 * branches accept: identical branches make the schema unsatisfiable for it.
 */
export function oneOfMatches(value: unknown, schema: unknown, env: SchemaEnv): number {
  const { target, rest } = followSchema(schema, env);
  let matches = 0;
  for (const node of [rest, target]) {
    if (!isObject(node) || !Array.isArray(node.oneOf) || node.oneOf.length > MAX_BRANCHES) continue;
    for (const branch of node.oneOf) {
      if (verdictOn(value, branch, env) === undefined) matches += 1;
    }
    if (matches > 1) return matches;
    matches = 0;
  }
  return matches;
}

/**
 * Reports a request value a plain-JSON-Schema server may rightly reject and says whether it
 * is one: the request is then marked (its contract allows a 4xx), the warning located at the
 * schema.
 */
export function markAmbiguous(
  ctx: ModelContext,
  value: unknown,
  schema: unknown,
  schemaPointer: string,
): boolean {
  // Examples as written (the mock) are not the requests a collection sends: nothing to mark.
  if (schema === undefined || value === undefined || ctx.examples === "as-written") return false;
  const matches = oneOfMatches(value, schema, ctx.schemas.request);
  if (matches < 2) return false;
  ctx.report(
    "unsatisfiable-schema",
    "warning",
    schemaPointer,
    `The request value matches ${matches} branches of this oneOf (only its discriminator tells them apart), so a server validating oneOf as JSON Schema rejects it; the request is marked as one the server may rightly reject. Make the branches exclusive (e.g. an enum on the discriminator property).`,
  );
  return true;
}
