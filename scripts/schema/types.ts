import type { OasSchema } from "../model/types";

/** A JSON Schema draft-07 document, as Ajv 6 (inside Newman's sandbox) understands it. */
export type Draft07Schema = { [key: string]: unknown } | boolean;

/**
 * Direction of the data the schema describes: `readOnly` properties are never required
 * in a request, `writeOnly` ones never in a response.
 */
export type SchemaMode = "request" | "response";

/**
 * Translates OpenAPI schemas to draft-07 and keeps one shared set of definitions per
 * collection: a `$ref` to a component becomes `{"$ref": "#/definitions/<Name>"}` and the
 * component is translated once, however many requests use it (recursive schemas stay refs).
 */
export interface SchemaRegistry {
  translate(schema: OasSchema, mode: SchemaMode): Draft07Schema;
  /** Component name for a `$ref` schema (e.g. `UserList`), else undefined. */
  nameOf(schema: OasSchema): string | undefined;
  /** Every definition reached so far, keys in a stable (sorted) order. */
  definitions(): Record<string, Draft07Schema>;
}
