/**
 * The OpenAPI schema rules the sampler's fast checks share with the draft-07 translation
 * (translate.ts, required.ts): which properties a direction hides, what `nullable` and `$ref`
 * siblings mean in 3.0 and 3.1. Written once here; the final verdict is the validator's.
 */
import { isObject, type JsonObject, refSegments, valueAtPointer } from "../load/pointer";
import { hasFlag } from "./required";
import type { Dialect, Resolve, SchemaMode } from "./types";

export type JsonType = "string" | "number" | "integer" | "boolean" | "array" | "object" | "null";

const TYPES = new Set<string>([
  "string",
  "number",
  "integer",
  "boolean",
  "array",
  "object",
  "null",
]);

/** Bounds alias chains (`A → B → A`) in malformed specs. */
const MAX_HOPS = 32;

/** Target of a local `$ref` in `document`; undefined when it does not resolve. */
export function resolveRef(document: unknown, ref: string): unknown {
  const tokens = refSegments(ref);
  return tokens === undefined ? undefined : valueAtPointer(document, tokens);
}

/** Follows a schema's local `$ref` chain to a node that is not one (undefined if it breaks). */
export function derefSchema(document: unknown, schema: unknown): unknown {
  let node = schema;
  for (let hops = 0; hops < MAX_HOPS && isObject(node) && typeof node.$ref === "string"; hops++) {
    node = resolveRef(document, node.$ref);
  }
  return node;
}

/**
 * A schema with its `$ref` followed. 3.0 ignores what stands beside a `$ref` (but see
 * `isHidden` and `allowsNull` for the two siblings authors mean anyway); in 3.1 siblings
 * apply too, so they come back as `rest` for the caller to honour.
 */
export function followSchema(
  schema: unknown,
  dialect: Dialect,
  resolve: Resolve,
  limit = MAX_HOPS,
): { target: unknown; rest?: JsonObject } {
  let node = schema;
  let rest: JsonObject | undefined;
  for (let i = 0; i < limit && isObject(node) && typeof node.$ref === "string"; i++) {
    const { $ref, ...siblings } = node;
    if (dialect === "3.1" && Object.keys(siblings).length > 0) {
      rest = rest ? { ...siblings, ...rest } : siblings;
    }
    const target = resolve($ref as string);
    if (target === undefined) return { target: true, rest };
    node = target;
  }
  return { target: node, rest };
}

/** Requests never carry readOnly properties, responses never writeOnly ones. */
export function isHidden(schema: unknown, mode: SchemaMode, resolve: Resolve): boolean {
  return hasFlag(schema, mode === "request" ? "readOnly" : "writeOnly", resolve, 0);
}

/**
 * Declared types of a schema (3.1 type arrays, 3.0 `nullable: true` adds "null"), or
 * undefined when the schema does not say.
 */
export function declaredTypes(schema: JsonObject, dialect: Dialect): JsonType[] | undefined {
  const raw = schema.type;
  const list = (Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]).filter(
    (t): t is JsonType => typeof t === "string" && TYPES.has(t),
  );
  if (list.length === 0) return undefined;
  if (dialect === "3.0" && schema.nullable === true && !list.includes("null")) list.push("null");
  return list;
}

/** Keywords whose meaning is the same in OpenAPI 3.0, 3.1 and draft-07, in either direction. */
const PLAIN_KEYWORDS = new Set([
  "type",
  "enum",
  "const",
  "items",
  "uniqueItems",
  "minItems",
  "maxItems",
  "minLength",
  "maxLength",
  "minimum",
  "maximum",
  "title",
  "description",
  "example",
  "default",
  "deprecated",
]);
const PLAIN_TYPES = new Set(["string", "integer", "number", "boolean", "array"]);

/**
 * A schema that means the same before and after translation: one simple type (no `nullable`,
 * no object: `required` and readOnly depend on the direction, no `format` or `pattern`: the
 * engines read those differently), only the keywords above, items plain too, a few levels
 * deep. For these the sampler's fast check and the contract check agree by construction
 * (test/schema/plain.test.ts holds them to each other), so a verdict needs no compiled
 * validator: Graph's 9,000 enum-array query parameters would each cost Ajv a compile.
 */
export function isPlainSchema(schema: unknown, depth = 0): boolean {
  if (depth > 3 || !isObject(schema)) return false;
  if (typeof schema.type !== "string" || !PLAIN_TYPES.has(schema.type)) return false;
  for (const key in schema) {
    if (!PLAIN_KEYWORDS.has(key) && !key.startsWith("x-")) return false;
  }
  if (schema.type === "array") return isPlainSchema(schema.items, depth + 1);
  return schema.items === undefined;
}

/** Inline schemas up to this much JSON text are keyed by their text; bigger ones by identity. */
const TEXT_KEY_LIMIT = 4096;

/**
 * The key under which work on a schema is cached (samples, compiled validators): a `{ $ref }`
 * by its ref (each use is a separate object), a small inline schema by its JSON text (Graph
 * writes the same action body and `{ "type": "string" }` parameter schema hundreds of times;
 * equal text means equal meaning in one document), anything else by identity.
 */
export function schemaKey(schema: unknown): unknown {
  if (!isObject(schema)) return schema;
  if (typeof schema.$ref === "string" && Object.keys(schema).length === 1) {
    return `$ref ${schema.$ref}`;
  }
  // Asked for each check of a value against the schema: its text is written once (a schema
  // is not changed once loaded or translated), not for every check.
  let key = keys.get(schema);
  if (key === undefined) {
    const text = JSON.stringify(schema);
    key = text.length <= TEXT_KEY_LIMIT ? `json ${text}` : schema;
    keys.set(schema, key);
  }
  return key;
}

const keys = new WeakMap<object, unknown>();
