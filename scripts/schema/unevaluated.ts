import { isObject, type JsonObject } from "../load/pointer";
import type { Resolve } from "./types";
import { patternProblem } from "./values";

/** What an object schema evaluates, as far as it can be known without the data. */
export interface Evaluated {
  names: Set<string>;
  patterns: Set<string>;
  /** `additionalProperties` (or a nested `unevaluatedProperties`) evaluates every property. */
  all: boolean;
}

// allOf nests and alias chains in malformed specs; real specs stay shallow.
const MAX_DEPTH = 16;
/** Which properties these evaluate depends on which branch passes: draft-07 cannot say it. */
const CONDITIONAL = ["anyOf", "oneOf", "if", "dependentSchemas"];

/**
 * The properties `schema` evaluates (JSON Schema 2020-12 §11.3) when the answer does not depend
 * on the data: its own `properties`/`patternProperties`, and those of everything applied in
 * place (`$ref`, `allOf`). Undefined when a conditional applicator or an unresolvable `$ref`
 * is in the way. `not` contributes nothing: a passing `not` keeps no annotations.
 */
export function evaluatedProperties(
  schema: unknown,
  resolve: Resolve,
  depth = 0,
  into: Evaluated = { names: new Set(), patterns: new Set(), all: false },
): Evaluated | undefined {
  if (schema === true || schema === false) return into;
  if (!isObject(schema) || depth > MAX_DEPTH) return undefined;
  if (CONDITIONAL.some((key) => schema[key] !== undefined)) return undefined;
  if (isObject(schema.properties)) for (const name in schema.properties) into.names.add(name);
  if (isObject(schema.patternProperties)) {
    for (const pattern in schema.patternProperties) into.patterns.add(pattern);
  }
  if (schema.additionalProperties !== undefined) into.all = true;
  // The outer schema's own unevaluatedProperties is the caller's; a member's covers the rest.
  if (depth > 0 && schema.unevaluatedProperties !== undefined) into.all = true;
  if (typeof schema.$ref === "string") {
    const target = resolve(schema.$ref);
    if (target === undefined || !evaluatedProperties(target, resolve, depth + 1, into))
      return undefined;
  }
  if (Array.isArray(schema.allOf)) {
    for (const member of schema.allOf) {
      if (!evaluatedProperties(member, resolve, depth + 1, into)) return undefined;
    }
  }
  return into;
}

/**
 * Draft-07 for `unevaluatedProperties: U` once the evaluated set is known: `additionalProperties`
 * only sees the schema's own `properties`/`patternProperties`, so the members' names join them
 * (as `{}`: the members still judge their values).
 */
export function applyUnevaluated(out: JsonObject, evaluated: Evaluated, rest: unknown): void {
  if (evaluated.all) return;
  const properties: JsonObject = isObject(out.properties) ? { ...out.properties } : {};
  for (const name of evaluated.names) if (!Object.hasOwn(properties, name)) properties[name] = {};
  if (Object.keys(properties).length > 0) out.properties = properties;
  const patterns: JsonObject = isObject(out.patternProperties) ? { ...out.patternProperties } : {};
  for (const pattern of evaluated.patterns) {
    if (!Object.hasOwn(patterns, pattern) && patternProblem(pattern) === undefined)
      patterns[pattern] = {};
  }
  if (Object.keys(patterns).length > 0) out.patternProperties = patterns;
  out.additionalProperties = rest;
}
