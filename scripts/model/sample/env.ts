import { isObject, type JsonObject } from "../resolve";

/** What sampling and checking need to know about the document a schema lives in. */
export interface SchemaEnv {
  /** OpenAPI 3.1 (JSON Schema 2020-12 semantics) rather than 3.0. */
  is31: boolean;
  /**
   * Direction of the data: in a request `readOnly` properties are left out and never
   * required; in a response the same holds for `writeOnly` ones.
   */
  mode: "request" | "response";
  /** Target of an internal `$ref`; undefined when it does not resolve. */
  resolve(ref: string): unknown;
}

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

/**
 * Declared types of a schema (3.1 type arrays, 3.0 `nullable`), or undefined when the
 * schema does not say.
 */
export function declaredTypes(schema: JsonObject, env: SchemaEnv): JsonType[] | undefined {
  const raw = schema.type;
  const list = (Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]).filter(
    (t): t is JsonType => typeof t === "string" && TYPES.has(t),
  );
  if (list.length === 0) return undefined;
  if (!env.is31 && schema.nullable === true && !list.includes("null")) list.push("null");
  return list;
}

const KEYWORD_TYPES: [string, JsonType][] = [
  ["properties", "object"],
  ["required", "object"],
  ["additionalProperties", "object"],
  ["patternProperties", "object"],
  ["minProperties", "object"],
  ["maxProperties", "object"],
  ["items", "array"],
  ["prefixItems", "array"],
  ["minItems", "array"],
  ["maxItems", "array"],
  ["uniqueItems", "array"],
  ["minLength", "string"],
  ["maxLength", "string"],
  ["pattern", "string"],
  ["format", "string"],
  ["minimum", "number"],
  ["maximum", "number"],
  ["exclusiveMinimum", "number"],
  ["exclusiveMaximum", "number"],
  ["multipleOf", "number"],
];

/** Type implied by the keywords of an untyped schema (`{properties: ...}` is an object). */
export function impliedType(schema: JsonObject): JsonType | undefined {
  for (const [keyword, type] of KEYWORD_TYPES) {
    if (schema[keyword] !== undefined) {
      if (keyword === "format" && ["int32", "int64"].includes(String(schema.format)))
        return "integer";
      if (keyword === "format" && ["float", "double"].includes(String(schema.format)))
        return "number";
      return type;
    }
  }
  return undefined;
}

/**
 * A schema with its `$ref` followed. In 3.0 siblings of `$ref` are ignored; in 3.1 they
 * apply too, so they come back as `rest` for the caller to honour.
 */
export function followSchema(
  schema: unknown,
  env: SchemaEnv,
  limit = 32,
): { target: unknown; rest?: JsonObject } {
  let node = schema;
  let rest: JsonObject | undefined;
  for (let i = 0; i < limit && isObject(node) && typeof node.$ref === "string"; i++) {
    const { $ref, ...siblings } = node;
    if (env.is31 && Object.keys(siblings).length > 0) {
      rest = rest ? { ...siblings, ...rest } : siblings;
    }
    const target = env.resolve($ref as string);
    if (target === undefined) return { target: true, rest };
    node = target;
  }
  return { target: node, rest };
}

/** Whether a property schema is marked readOnly (request) / writeOnly (response). */
export function isHiddenIn(schema: unknown, env: SchemaEnv): boolean {
  const { target, rest } = followSchema(schema, env, 4);
  const flag = env.mode === "request" ? "readOnly" : "writeOnly";
  return (isObject(rest) && rest[flag] === true) || (isObject(target) && target[flag] === true);
}

export const asNumber = (value: unknown): number | undefined =>
  typeof value === "number" && Number.isFinite(value) ? value : undefined;
