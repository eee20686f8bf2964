import type { JsonType } from "../../schema/semantics";
import * as semantics from "../../schema/semantics";
import type { JsonObject } from "../resolve";

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
  /**
   * The verdict on a finished value (schema/validator.ts: the contract translation under the
   * contract check's Ajv): `<path> <what>` or undefined when valid. Without it (unit tests of
   * the sampler alone) the fast check in validate.ts stands in.
   */
  verdict?(value: unknown, schema: unknown, path?: string): string | undefined;
  /** Every issue of an invalid value (bounded), joined; the verdict when it cannot say more. */
  allErrors?(value: unknown, schema: unknown, path?: string): string | undefined;
  /**
   * `value` read the way a server framework reads text (`"12"` for an integer, a lone value
   * for an array: Ajv's `coerceTypes: "array"`, the same core): the coerced copy when that
   * makes it valid, else undefined. Lossless: only the representation changes.
   */
  coerced?(value: unknown, schema: unknown): { value: unknown } | undefined;
}

export type { JsonType } from "../../schema/semantics";

const dialectOf = (env: SchemaEnv) => (env.is31 ? "3.1" : "3.0");

/** Declared types of a schema (see schema/semantics.ts), or undefined when it does not say. */
export const declaredTypes = (schema: JsonObject, env: SchemaEnv): JsonType[] | undefined =>
  semantics.declaredTypes(schema, dialectOf(env));

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

/** A schema with its `$ref` followed, 3.1 siblings as `rest` (see schema/semantics.ts). */
export const followSchema = (
  schema: unknown,
  env: SchemaEnv,
  limit?: number,
): { target: unknown; rest?: JsonObject } =>
  semantics.followSchema(schema, dialectOf(env), env.resolve, limit);

/** Whether a property schema is marked readOnly (request) / writeOnly (response). */
export const isHiddenIn = (schema: unknown, env: SchemaEnv): boolean =>
  semantics.isHidden(schema, env.mode, env.resolve);

export const asNumber = (value: unknown): number | undefined =>
  typeof value === "number" && Number.isFinite(value) ? value : undefined;
