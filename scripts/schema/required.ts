import { isObject, type JsonObject } from "../load/pointer";
import type { Resolve, SchemaMode } from "./types";

/**
 * A required property the client cannot be expected to send or receive is not required:
 * requests never carry readOnly properties, responses never carry writeOnly ones.
 */
const DROPPED_FLAG = { request: "readOnly", response: "writeOnly" } as const;

// Guards against alias chains and allOf nests in malformed specs; real specs stay shallow.
const MAX_DEPTH = 16;

/**
 * `required` names that still apply in `mode`. A name's property is looked up in the schema
 * itself, its `allOf` members (refs followed), then `scope`: the schemas it is nested in
 * through allOf/anyOf/oneOf/not/if/then/else, since `allOf: [{$ref: Base}, {required: [id]}]`
 * and `oneOf: [{required: [a]}, ...]` beside `properties` are common.
 */
export function keptRequired(
  names: readonly string[],
  schema: JsonObject,
  scope: readonly JsonObject[],
  mode: SchemaMode,
  resolve: Resolve,
): string[] {
  const flag = DROPPED_FLAG[mode];
  return names.filter((name) => {
    const property = findProperty(name, schema, scope, resolve);
    return property === undefined || !hasFlag(property, flag, resolve, 0);
  });
}

/** True when the request and response translations of this `required` differ. */
export function requiredDependsOnMode(
  names: readonly string[],
  schema: JsonObject,
  scope: readonly JsonObject[],
  resolve: Resolve,
): boolean {
  return names.some((name) => {
    const property = findProperty(name, schema, scope, resolve);
    return (
      property !== undefined &&
      (hasFlag(property, "readOnly", resolve, 0) || hasFlag(property, "writeOnly", resolve, 0))
    );
  });
}

function findProperty(
  name: string,
  schema: JsonObject,
  scope: readonly JsonObject[],
  resolve: Resolve,
): unknown {
  const own = propertyIn(schema, name, resolve, 0);
  if (own !== undefined) return own;
  for (const outer of scope) {
    const found = propertyIn(outer, name, resolve, 0);
    if (found !== undefined) return found;
  }
  return undefined;
}

function propertyIn(schema: unknown, name: string, resolve: Resolve, depth: number): unknown {
  if (depth > MAX_DEPTH || !isObject(schema)) return undefined;
  const properties = schema.properties;
  if (isObject(properties) && Object.hasOwn(properties, name)) return properties[name];
  if (typeof schema.$ref === "string") {
    const found = propertyIn(resolve(schema.$ref), name, resolve, depth + 1);
    if (found !== undefined) return found;
  }
  if (!Array.isArray(schema.allOf)) return undefined;
  for (const member of schema.allOf) {
    const found = propertyIn(member, name, resolve, depth + 1);
    if (found !== undefined) return found;
  }
  return undefined;
}

/**
 * Whether a property schema is readOnly/writeOnly: on the schema itself, beside its `$ref`
 * (how 3.0 specs say it), on the ref's target or on an `allOf` member. The one rule: the
 * translation drops such names from `required`, the sampler leaves such properties out.
 */
export function hasFlag(
  schema: unknown,
  flag: "readOnly" | "writeOnly",
  resolve: Resolve,
  depth: number,
): boolean {
  if (depth > MAX_DEPTH || !isObject(schema)) return false;
  // Checked before following a $ref: `{$ref, readOnly: true}` is how 3.0 specs say it.
  if (schema[flag] === true) return true;
  if (typeof schema.$ref === "string")
    return hasFlag(resolve(schema.$ref), flag, resolve, depth + 1);
  return (
    Array.isArray(schema.allOf) && schema.allOf.some((m) => hasFlag(m, flag, resolve, depth + 1))
  );
}
