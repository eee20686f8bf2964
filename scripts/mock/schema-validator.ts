import { Ajv, type ErrorObject, type Options, type ValidateFunction } from "ajv";
import { Ajv2020 } from "ajv/dist/2020";
import addFormatsImport from "ajv-formats";
import type { OasSchema } from "../model/types";
import type { OpenApiDocument } from "../spec/types";
import { type Direction, normalizeSchemas } from "./normalize-schema";

// ajv-formats is CommonJS: under tsx/Node ESM its default export is the plugin itself.
const addFormats = addFormatsImport as unknown as (ajv: Ajv) => Ajv;

/** The document is registered under this id; schemas compiled alone point into it. */
const DOC_ID = "https://specpost.invalid/openapi.json";

const int = (bits: number) => (value: number) =>
  Number.isInteger(value) && value >= -(2 ** (bits - 1)) && value < 2 ** (bits - 1);

/** Formats OpenAPI defines on top of JSON Schema's. */
export const OPENAPI_FORMATS = {
  int32: { type: "number", validate: int(32) },
  int64: { type: "number", validate: int(64) },
  float: { type: "number", validate: () => true },
  double: { type: "number", validate: () => true },
  byte: {
    type: "string",
    validate: /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/,
  },
  binary: { type: "string", validate: () => true },
  password: { type: "string", validate: () => true },
} as const;

export interface SchemaIssue {
  /** JSON pointer into the value, `""` for the value itself. */
  path: string;
  message: string;
}

export interface CheckResult {
  valid: boolean;
  issues: SchemaIssue[];
  /** False when Ajv could not compile the schema: the value was accepted unchecked. */
  checked: boolean;
}

export interface SchemaValidator {
  check(
    schema: OasSchema | undefined,
    value: unknown,
    direction: Direction,
    options?: { coerce?: boolean },
  ): CheckResult;
}

/** One readable line per Ajv error: where, then what. */
export function describeError(error: ErrorObject): SchemaIssue {
  const params = error.params as Record<string, unknown>;
  if (error.keyword === "required") {
    return { path: error.instancePath, message: `must have property '${params.missingProperty}'` };
  }
  if (error.keyword === "additionalProperties") {
    return {
      path: error.instancePath,
      message: `must not have property '${params.additionalProperty}'`,
    };
  }
  if (error.keyword === "enum") {
    const allowed = (params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(", ");
    return { path: error.instancePath, message: `must be one of ${allowed}` };
  }
  return { path: error.instancePath, message: error.message ?? `fails ${error.keyword}` };
}

function newAjv(document: OpenApiDocument, direction: Direction, coerce: boolean): Ajv {
  const options: Options = {
    strict: false,
    allErrors: true,
    logger: false,
    // The loader already validated the document; Ajv must not reject it for OpenAPI keywords.
    validateSchema: false,
    // Compile each referenced component once and call it, instead of inlining it into every
    // response schema that uses it: start-up on a 120-operation spec drops several-fold.
    inlineRefs: false,
    coerceTypes: coerce ? "array" : false,
    // OpenAPI patterns are ECMA-262 without the `u` flag: `\{` style escapes and lone braces
    // in real specs would not even compile in unicode mode.
    unicodeRegExp: false,
  };
  const ajv = document.openapi.startsWith("3.1") ? new Ajv2020(options) : new Ajv(options);
  addFormats(ajv);
  for (const [name, format] of Object.entries(OPENAPI_FORMATS)) ajv.addFormat(name, format);
  ajv.addSchema(normalizeSchemas(document, { direction, document }) as object, DOC_ID);
  return ajv;
}

/**
 * Validates values against schemas of one document, in a direction (`readOnly` properties are
 * not required in requests, `writeOnly` ones not in responses). Compiled validators are cached
 * per schema object.
 */
export function createSchemaValidator(document: OpenApiDocument): SchemaValidator {
  const instances = new Map<string, Ajv>();
  const compiled = new Map<string, WeakMap<object, ValidateFunction | null>>();

  function compile(schema: object, direction: Direction, coerce: boolean) {
    const key = `${direction}:${coerce}`;
    const cache = compiled.get(key) ?? new WeakMap<object, ValidateFunction | null>();
    compiled.set(key, cache);
    if (cache.has(schema)) return cache.get(schema) ?? null;
    const ajv = instances.get(key) ?? newAjv(document, direction, coerce);
    instances.set(key, ajv);
    let validate: ValidateFunction | null;
    try {
      const normalized = normalizeSchemas(schema, { direction, document, refBase: DOC_ID });
      validate = ajv.compile(normalized);
    } catch {
      validate = null; // a schema Ajv cannot compile is reported by the caller as unchecked
    }
    cache.set(schema, validate);
    return validate;
  }

  return {
    check(schema, value, direction, options = {}) {
      if (schema === undefined || schema === true)
        return { valid: true, issues: [], checked: true };
      if (schema === false) {
        return {
          valid: false,
          issues: [{ path: "", message: "must not be present" }],
          checked: true,
        };
      }
      const validate = compile(schema, direction, options.coerce ?? false);
      if (!validate) return { valid: true, issues: [], checked: false };
      if (validate(value)) return { valid: true, issues: [], checked: true };
      return { valid: false, issues: (validate.errors ?? []).map(describeError), checked: true };
    },
  };
}
