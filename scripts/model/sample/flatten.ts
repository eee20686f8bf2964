import { isObject, type JsonObject } from "../resolve";
import { asNumber, declaredTypes, followSchema, type JsonType, type SchemaEnv } from "./env";
import { deepEqual, numberBounds } from "./scalars";

/**
 * One schema object that a generator can read directly: the `$ref` followed and `allOf`
 * merged into it (nested properties keep their refs). The merge is an approximation (it
 * is stricter or looser than `allOf` in corner cases); the caller validates the result
 * against the real schema, so a wrong guess becomes a reported problem, never a wrong answer.
 */
export function flatten(schema: unknown, env: SchemaEnv): JsonObject {
  return flattenWithin(schema, env, []);
}

const caches = new WeakMap<SchemaEnv, WeakMap<object, JsonObject>>();

function flattenWithin(schema: unknown, env: SchemaEnv, stack: unknown[]): JsonObject {
  if (schema === false) return { not: {} };
  if (!isObject(schema)) return {};
  let cache = caches.get(env);
  if (!cache) {
    cache = new WeakMap();
    caches.set(env, cache);
  }
  const cached = cache.get(schema);
  if (cached) return cached;
  // A schema that is its own allOf ancestor adds nothing new: stop there.
  if (stack.includes(schema)) return {};
  const inner = [...stack, schema];
  let result: JsonObject;
  if (typeof schema.$ref === "string") {
    const { target, rest } = followSchema(schema, env);
    result = flattenWithin(target, env, inner);
    if (rest) result = mergeSchemas(result, flattenWithin(rest, env, inner), env);
  } else if (Array.isArray(schema.allOf)) {
    const { allOf, ...own } = schema;
    result = allOf.reduce<JsonObject>(
      (merged, member) => mergeSchemas(merged, flattenWithin(member, env, inner), env),
      flattenWithin(own, env, inner),
    );
  } else {
    result = schema;
  }
  cache.set(schema, result);
  return result;
}

function mergeTypes(a: JsonObject, b: JsonObject, env: SchemaEnv): JsonType[] | undefined {
  const ta = declaredTypes(a, env);
  const tb = declaredTypes(b, env);
  if (!ta) return tb;
  if (!tb) return ta;
  const both = new Set<JsonType>();
  for (const t of ta) {
    if (tb.includes(t)) both.add(t);
    else if (t === "integer" && tb.includes("number")) both.add("integer");
    else if (t === "number" && tb.includes("integer")) both.add("integer");
  }
  return both.size > 0 ? [...both] : ta;
}

const TIGHTER_MIN = ["minLength", "minItems", "minProperties"];
const TIGHTER_MAX = ["maxLength", "maxItems", "maxProperties"];

/** `a` and `b` both hold: the merged schema keeps the tighter constraint of each. */
export function mergeSchemas(a: JsonObject, b: JsonObject, env: SchemaEnv): JsonObject {
  const out: JsonObject = { ...b, ...a };
  const types = mergeTypes(a, b, env);
  delete out.nullable;
  if (types) out.type = types;
  else delete out.type;
  for (const key of TIGHTER_MIN) {
    const values = [asNumber(a[key]), asNumber(b[key])].filter((n) => n !== undefined);
    if (values.length) out[key] = Math.max(...values);
  }
  for (const key of TIGHTER_MAX) {
    const values = [asNumber(a[key]), asNumber(b[key])].filter((n) => n !== undefined);
    if (values.length) out[key] = Math.min(...values);
  }
  mergeBounds(out, a, b);
  if (isObject(a.properties) && isObject(b.properties)) {
    const properties: JsonObject = { ...b.properties };
    for (const [name, sub] of Object.entries(a.properties)) {
      properties[name] = Object.hasOwn(properties, name) ? { allOf: [sub, properties[name]] } : sub;
    }
    out.properties = properties;
  }
  if (Array.isArray(a.required) || Array.isArray(b.required)) {
    out.required = [
      ...new Set([
        ...(Array.isArray(a.required) ? a.required : []),
        ...(Array.isArray(b.required) ? b.required : []),
      ]),
    ];
  }
  if (Array.isArray(a.enum) && Array.isArray(b.enum)) {
    const bEnum = b.enum;
    out.enum = a.enum.filter((x) => bEnum.some((y) => deepEqual(x, y)));
  }
  if (
    a.items !== undefined &&
    b.items !== undefined &&
    !Array.isArray(a.items) &&
    !Array.isArray(b.items)
  ) {
    out.items = { allOf: [a.items, b.items] };
  }
  if (a.additionalProperties === false || b.additionalProperties === false)
    out.additionalProperties = false;
  for (const flag of ["readOnly", "writeOnly"])
    if (a[flag] === true || b[flag] === true) out[flag] = true;
  return out;
}

function mergeBounds(out: JsonObject, a: JsonObject, b: JsonObject): void {
  const ba = numberBounds(a);
  const bb = numberBounds(b);
  delete out.minimum;
  delete out.maximum;
  delete out.exclusiveMinimum;
  delete out.exclusiveMaximum;
  const lo = pick(ba.lo, ba.loEx, bb.lo, bb.loEx, (x, y) => x > y);
  const hi = pick(ba.hi, ba.hiEx, bb.hi, bb.hiEx, (x, y) => x < y);
  // Written in the numeric (3.1) style: numberBounds reads both styles in either version.
  if (lo) out[lo.ex ? "exclusiveMinimum" : "minimum"] = lo.at;
  if (hi) out[hi.ex ? "exclusiveMaximum" : "maximum"] = hi.at;
  const ma = asNumber(a.multipleOf);
  const mb = asNumber(b.multipleOf);
  if (ma !== undefined && mb !== undefined && Number.isInteger(ma) && Number.isInteger(mb)) {
    out.multipleOf = (ma * mb) / gcd(ma, mb);
  }
}

function pick(
  x: number | undefined,
  xEx: boolean,
  y: number | undefined,
  yEx: boolean,
  tighter: (p: number, q: number) => boolean,
): { at: number; ex: boolean } | undefined {
  if (x === undefined) return y === undefined ? undefined : { at: y, ex: yEx };
  if (y === undefined || tighter(x, y)) return { at: x, ex: xEx };
  if (tighter(y, x)) return { at: y, ex: yEx };
  return { at: x, ex: xEx || yEx };
}

const gcd = (a: number, b: number): number => (b === 0 ? Math.abs(a) : gcd(b, a % b));
