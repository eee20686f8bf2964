import type { OasSchema } from "../model/types";
import type { Problem, ProblemCode } from "../problems";

/** A JSON Schema draft-07 document, as Ajv 6 (inside Newman's sandbox) understands it. */
export type Draft07Schema = { [key: string]: unknown } | boolean;

/**
 * Direction of the data the schema describes: `readOnly` properties are never required
 * in a request, `writeOnly` ones never in a response.
 */
export type SchemaMode = "request" | "response";

/** Target of a local `$ref` (undefined when it does not resolve). */
export type Resolve = (ref: string) => unknown;

/** How schemas are read: "3.0" also covers Swagger 2.0 documents (converted to 3.0 on load). */
export type Dialect = "3.0" | "3.1";

export interface TranslateContext {
  readonly dialect: Dialect;
  readonly mode: SchemaMode;
  /** Keep title, description, default, examples, readOnly, ... (Ajv ignores them). */
  readonly annotations: boolean;
  /** `{ $ref: "#/definitions/<name>" }` for a local `$ref` met at `at`; `{}` when it is unusable. */
  ref(ref: string, at: string): Draft07Schema;
  resolve: Resolve;
  /** `at` is the JSON pointer of the offending keyword. */
  report(code: ProblemCode, at: string, message: string): void;
}

/**
 * Translates OpenAPI schemas to draft-07 and keeps one shared set of definitions per
 * collection: a `$ref` to a component becomes `{"$ref": "#/definitions/<Name>"}` and the
 * component is translated once, however many requests use it (recursive schemas stay refs).
 *
 * Definition names: `#/components/schemas/X` → `X` (characters outside `[A-Za-z0-9_.-]`
 * become `_`, clashes get `_2`, ...). A request-mode translation that differs from the
 * response one (some required property is readOnly) is stored as `X.request`; when they
 * are the same, requests refer to `X` too. Refs to other places in the document get a name
 * built from the pointer (`paths._pets.get.responses.200.content.application_json.schema`).
 *
 * Returned schemas and definitions are shared, not copies: do not mutate them.
 */
export interface SchemaRegistry {
  /**
   * Always an object (never a boolean schema). `at`, the JSON pointer of `schema` in the
   * document, only locates problems; without it the registry finds the schema itself.
   */
  translate(schema: OasSchema, mode: SchemaMode, at?: string): Draft07Schema;
  /** Component name for a `$ref` schema (e.g. `UserList`), else undefined. */
  nameOf(schema: OasSchema): string | undefined;
  /** Every definition reached so far, keys in a stable (sorted) order. */
  definitions(): Record<string, Draft07Schema>;
  /**
   * Warnings about what could not be translated faithfully (unresolvable `$ref`s → `{}`,
   * invalid patterns, `unevaluatedProperties`, ...), for everything translated so far,
   * de-duplicated and sorted by pointer. `line`/`column` are left to the loader's locator.
   */
  problems?(): Problem[];
}

export interface SchemaRegistryOptions {
  /** Spec file as the user named it: the `file` of every problem (default ""). */
  file?: string;
  /**
   * Keep annotations (title, description, default, examples, readOnly, writeOnly, ...):
   * default true. Ajv ignores them; false makes big collections noticeably smaller.
   */
  annotations?: boolean;
}
