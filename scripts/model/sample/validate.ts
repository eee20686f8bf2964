import { isObject, type JsonObject } from "../resolve";
import { asNumber, declaredTypes, isHiddenIn, type SchemaEnv } from "./env";
import {
  checkNumber,
  checkString,
  checkValue,
  compilePattern,
  deepEqual,
  typeMatches,
} from "./scalars";

/**
 * A small validator for OpenAPI 3.0/3.1 schemas as written (refs followed lazily). It is
 * here rather than Ajv because Ajv needs the schema translated and compiled first, which
 * is too slow per example on a 1,000-operation spec; the tests hold it to Ajv's verdicts.
 * Returns the first problem as `<path> <what>`, or undefined when the value is valid.
 */
export function firstError(
  value: unknown,
  schema: unknown,
  env: SchemaEnv,
  path = "",
): string | undefined {
  return check(value, schema, env, path || "value", 0);
}

export const isValid = (value: unknown, schema: unknown, env: SchemaEnv): boolean =>
  firstError(value, schema, env) === undefined;

const MAX_DEPTH = 200;

function check(
  value: unknown,
  schema: unknown,
  env: SchemaEnv,
  path: string,
  depth: number,
): string | undefined {
  if (schema === false) return `${path} is not allowed`;
  if (!isObject(schema) || depth > MAX_DEPTH) return undefined;
  if (typeof schema.$ref === "string") {
    const target = env.resolve(schema.$ref);
    // A broken ref is reported where it is found; it must not make every example invalid.
    const error = target === undefined ? undefined : check(value, target, env, path, depth + 1);
    if (error || !env.is31) return error;
  }
  return (
    checkType(value, schema, env, path) ??
    checkValue(value, schema, path) ??
    checkNumber(value, schema, path) ??
    checkString(value, schema, path) ??
    checkArray(value, schema, env, path, depth) ??
    checkObject(value, schema, env, path, depth) ??
    checkCombinators(value, schema, env, path, depth)
  );
}

function checkType(
  value: unknown,
  schema: JsonObject,
  env: SchemaEnv,
  path: string,
): string | undefined {
  const types = declaredTypes(schema, env);
  if (!types || types.some((t) => typeMatches(value, t))) return undefined;
  return `${path} must be ${types.join(" or ")}`;
}

function checkArray(
  value: unknown,
  schema: JsonObject,
  env: SchemaEnv,
  path: string,
  depth: number,
) {
  if (!Array.isArray(value)) return undefined;
  const min = asNumber(schema.minItems);
  const max = asNumber(schema.maxItems);
  if (min !== undefined && value.length < min) return `${path} must have at least ${min} items`;
  if (max !== undefined && value.length > max) return `${path} must have at most ${max} items`;
  const tuple = env.is31
    ? schema.prefixItems
    : Array.isArray(schema.items)
      ? schema.items
      : undefined;
  const prefix = Array.isArray(tuple) ? tuple : [];
  const rest = Array.isArray(schema.items) ? schema.additionalItems : schema.items;
  for (let i = 0; i < value.length; i++) {
    const itemSchema = i < prefix.length ? prefix[i] : rest;
    const error = check(value[i], itemSchema, env, `${path}[${i}]`, depth + 1);
    if (error) return error;
  }
  if (schema.uniqueItems === true) {
    for (let i = 1; i < value.length; i++) {
      if (value.slice(0, i).some((v) => deepEqual(v, value[i])))
        return `${path} must have unique items`;
    }
  }
  if (schema.contains !== undefined) {
    const matches = value.filter((v) => !check(v, schema.contains, env, path, depth + 1)).length;
    const minContains = asNumber(schema.minContains) ?? 1;
    const maxContains = asNumber(schema.maxContains);
    if (matches < minContains) return `${path} must contain an item matching "contains"`;
    if (maxContains !== undefined && matches > maxContains)
      return `${path} has too many items matching "contains"`;
  }
  return undefined;
}

function checkObject(
  value: unknown,
  schema: JsonObject,
  env: SchemaEnv,
  path: string,
  depth: number,
) {
  if (!isObject(value)) return undefined;
  const properties = isObject(schema.properties) ? schema.properties : {};
  const keys = Object.keys(value);
  const min = asNumber(schema.minProperties);
  const max = asNumber(schema.maxProperties);
  if (min !== undefined && keys.length < min) return `${path} must have at least ${min} properties`;
  if (max !== undefined && keys.length > max) return `${path} must have at most ${max} properties`;
  if (Array.isArray(schema.required)) {
    for (const name of schema.required) {
      if (typeof name !== "string" || Object.hasOwn(value, name)) continue;
      if (Object.hasOwn(properties, name) && isHiddenIn(properties[name], env)) continue;
      return `${path} must have property "${name}"`;
    }
  }
  const patternProps = isObject(schema.patternProperties)
    ? Object.entries(schema.patternProperties)
    : [];
  for (const key of keys) {
    const at = `${path}.${key}`;
    let matched = false;
    if (Object.hasOwn(properties, key)) {
      matched = true;
      const error = check(value[key], properties[key], env, at, depth + 1);
      if (error) return error;
    }
    for (const [pattern, sub] of patternProps) {
      const re = compilePattern(pattern);
      if (!re?.test(key)) continue;
      matched = true;
      const error = check(value[key], sub, env, at, depth + 1);
      if (error) return error;
    }
    if (!matched && schema.additionalProperties !== undefined) {
      const error = check(value[key], schema.additionalProperties, env, at, depth + 1);
      if (error)
        return schema.additionalProperties === false
          ? `${path} must not have property "${key}"`
          : error;
    }
    if (schema.propertyNames !== undefined) {
      const error = check(key, schema.propertyNames, env, `${path} property name`, depth + 1);
      if (error) return error;
    }
  }
  const dependent = isObject(schema.dependentRequired)
    ? schema.dependentRequired
    : schema.dependencies;
  if (isObject(dependent)) {
    for (const [key, needs] of Object.entries(dependent)) {
      if (!Object.hasOwn(value, key) || !Array.isArray(needs)) continue;
      const missing = needs.find((n) => typeof n === "string" && !Object.hasOwn(value, n));
      if (missing !== undefined)
        return `${path} must have property "${missing}" when "${key}" is present`;
    }
  }
  return undefined;
}

function checkCombinators(
  value: unknown,
  schema: JsonObject,
  env: SchemaEnv,
  path: string,
  depth: number,
) {
  if (Array.isArray(schema.allOf)) {
    for (const sub of schema.allOf) {
      const error = check(value, sub, env, path, depth + 1);
      if (error) return error;
    }
  }
  if (Array.isArray(schema.anyOf) && schema.anyOf.length > 0) {
    const errors = schema.anyOf.map((sub) => check(value, sub, env, path, depth + 1));
    if (!errors.includes(undefined)) return errors[0] ?? `${path} must match a schema in anyOf`;
  }
  if (Array.isArray(schema.oneOf) && schema.oneOf.length > 0) {
    const errors = schema.oneOf.map((sub) => check(value, sub, env, path, depth + 1));
    const passing = errors.filter((e) => e === undefined).length;
    if (passing === 0) return errors[0] ?? `${path} must match a schema in oneOf`;
    if (passing > 1) return `${path} must match exactly one schema in oneOf (matches ${passing})`;
  }
  if (schema.not !== undefined && !check(value, schema.not, env, path, depth + 1)) {
    return `${path} must not match the "not" schema`;
  }
  if (schema.if !== undefined) {
    const branch = check(value, schema.if, env, path, depth + 1) ? schema.else : schema.then;
    if (branch !== undefined) return check(value, branch, env, path, depth + 1);
  }
  return undefined;
}
