import { isObject, type JsonObject } from "../resolve";
import { MAX_COLLECTION_SIZE, note } from "./budget";
import { asNumber, isHiddenIn, type SchemaEnv } from "./env";
import { compilePattern, deepEqual } from "./scalars";
import { type Conform, type GenState, SOFT_DEPTH } from "./state";
import { isValid } from "./validate";

const deeper = (at: GenState, name: string | undefined, variant = 0): GenState => ({
  depth: at.depth + 1,
  name,
  variant,
  minimal: at.minimal,
  budget: at.budget,
  ref: at.ref,
});

/** Schema that applies to property `key` when it is not one of `properties`. */
function extraSchema(s: JsonObject, key: string): unknown {
  if (isObject(s.patternProperties)) {
    for (const [pattern, sub] of Object.entries(s.patternProperties)) {
      if (compilePattern(pattern)?.test(key)) return sub;
    }
  }
  return s.additionalProperties;
}

export function conformObject(
  hint: unknown,
  s: JsonObject,
  env: SchemaEnv,
  at: GenState,
  conform: Conform,
): JsonObject {
  const given = isObject(hint) ? hint : {};
  const properties = isObject(s.properties) ? s.properties : {};
  const hidden = (key: string) =>
    Object.hasOwn(properties, key) && isHiddenIn(properties[key], env);
  const required = new Set(
    (Array.isArray(s.required) ? s.required : []).filter(
      (k): k is string => typeof k === "string" && !hidden(k),
    ),
  );
  const shallow = at.depth >= (at.budget?.optionalDepth ?? SOFT_DEPTH) || at.minimal === true;
  const out: JsonObject = {};
  for (const [key, sub] of Object.entries(properties)) {
    if (hidden(key)) continue;
    const wanted = required.has(key) || (Object.hasOwn(given, key) && !shallow);
    if (wanted) out[key] = conform(given[key], sub, env, deeper(at, key));
  }
  for (const [key, value] of Object.entries(given)) {
    if (Object.hasOwn(properties, key) || shallow) continue;
    const sub = extraSchema(s, key);
    if (sub === false) continue;
    out[key] =
      sub === undefined || sub === true ? value : conform(value, sub, env, deeper(at, key));
  }
  for (const key of required) {
    if (Object.hasOwn(out, key)) continue;
    const sub = extraSchema(s, key);
    out[key] = conform(
      undefined,
      sub === undefined || sub === true ? {} : sub,
      env,
      deeper(at, key),
    );
  }
  addDependencies(out, s, env, at, conform);
  fitPropertyCount(out, s, required, properties, env, at, conform);
  return out;
}

function addDependencies(
  out: JsonObject,
  s: JsonObject,
  env: SchemaEnv,
  at: GenState,
  conform: Conform,
): void {
  const dependent = isObject(s.dependentRequired) ? s.dependentRequired : s.dependencies;
  if (!isObject(dependent)) return;
  const properties = isObject(s.properties) ? s.properties : {};
  for (const [key, needs] of Object.entries(dependent)) {
    if (!Object.hasOwn(out, key) || !Array.isArray(needs)) continue;
    for (const need of needs) {
      if (typeof need !== "string" || Object.hasOwn(out, need)) continue;
      out[need] = conform(
        undefined,
        properties[need] ?? extraSchema(s, need) ?? {},
        env,
        deeper(at, need),
      );
    }
  }
}

function fitPropertyCount(
  out: JsonObject,
  s: JsonObject,
  required: Set<string>,
  properties: JsonObject,
  env: SchemaEnv,
  at: GenState,
  conform: Conform,
): void {
  const min = cappedMin(asNumber(s.minProperties) ?? 0, "minProperties", at);
  const max = asNumber(s.maxProperties);
  for (const [key, sub] of Object.entries(properties)) {
    if (Object.keys(out).length >= min) break;
    if (!Object.hasOwn(out, key) && !isHiddenIn(sub, env))
      out[key] = conform(undefined, sub, env, deeper(at, key));
  }
  for (
    let n = 1;
    Object.keys(out).length < min && s.additionalProperties !== false && n < 1000;
    n++
  ) {
    const key = `property${n}`;
    if (Object.hasOwn(out, key)) continue;
    const sub = extraSchema(s, key);
    out[key] = conform(
      undefined,
      sub === undefined || sub === true ? {} : sub,
      env,
      deeper(at, key),
    );
  }
  if (max === undefined) return;
  for (const key of Object.keys(out).reverse()) {
    if (Object.keys(out).length <= max) break;
    if (!required.has(key)) delete out[key];
  }
}

export function conformArray(
  hint: unknown,
  s: JsonObject,
  env: SchemaEnv,
  at: GenState,
  conform: Conform,
): unknown[] {
  const prefix = env.is31 ? s.prefixItems : Array.isArray(s.items) ? s.items : undefined;
  const tuple = Array.isArray(prefix) ? prefix : [];
  const rest = Array.isArray(s.items) ? s.additionalItems : s.items;
  const itemSchema = (i: number): unknown => (i < tuple.length ? tuple[i] : rest);
  const min = cappedMin(asNumber(s.minItems) ?? 0, "minItems", at);
  const max = asNumber(s.maxItems) ?? Number.POSITIVE_INFINITY;
  // openapi-sampler's own arrays have one item (or minItems); longer ones are the spec's examples.
  const given = Array.isArray(hint) ? hint : [];
  // One item shows the item shape; deep inside a recursive schema only what is required.
  const natural =
    at.depth >= SOFT_DEPTH || at.minimal || rest === false
      ? Math.max(min, 0)
      : Math.max(min, 1, tuple.length);
  const length = Math.min(max, Math.max(min, given.length > 0 ? given.length : natural));
  const out: unknown[] = [];
  const name = at.name ? singular(at.name) : undefined;
  for (let i = 0; i < length; i++) {
    const sub = itemSchema(i) ?? {};
    let value = conform(given[i], sub, env, deeper(at, name));
    if (s.uniqueItems === true) {
      for (let v = i; v < i + 8 && out.some((o) => deepEqual(o, value)); v++) {
        value = conform(undefined, sub, env, deeper(at, name, v + 1));
      }
    }
    out.push(value);
  }
  const contains = s.contains;
  if (contains !== undefined && out.length < max && !out.some((v) => isValid(v, contains, env))) {
    out.push(conform(undefined, s.contains, env, deeper(at, name)));
  }
  return out;
}

/** A `minItems`/`minProperties` too large to build is capped: the sample then breaks it. */
function cappedMin(min: number, keyword: string, at: GenState): number {
  if (min <= MAX_COLLECTION_SIZE) return min;
  note(
    at.budget,
    at.ref,
    `${keyword} ${min} is more than the sampler builds (${MAX_COLLECTION_SIZE}); the example has fewer and does not satisfy the schema`,
  );
  return MAX_COLLECTION_SIZE;
}

const singular = (name: string): string =>
  name.endsWith("s") && name.length > 3 ? name.slice(0, -1) : name;
