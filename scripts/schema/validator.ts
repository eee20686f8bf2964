import { isObject } from "../load/pointer";
import type { OpenApiDocument, SpecVersion } from "../load/types";
import type { OasSchema } from "../model/types";
import {
  type Ajv6ErrorLike,
  type Engine,
  type EngineKind,
  newEngine,
  prepare,
  rootValidator,
  type Validate,
} from "./ajv-engine";
import { createSchemaRegistry } from "./registry";
import { schemaKey } from "./semantics";
import type { SchemaMode } from "./types";

/**
 * What a schema means, asked by everyone: the registry's draft-07 translation (in one
 * direction) compiled by the very Ajv the contract check runs in Newman's sandbox (postman-
 * sandbox 4.7 bundles Ajv 6.12), with the options of scripts/postman/contract.js. The
 * sampler's acceptance check, the spec-example check and the mock all call this, so what the
 * generator writes and the mock serves is what the contract test accepts, by construction.
 */

export interface SchemaIssue {
  /** JSON pointer into the value, `""` for the value itself. */
  path: string;
  message: string;
}

export interface CheckResult {
  valid: boolean;
  issues: SchemaIssue[];
  /** False when the translation could not be compiled: the value was accepted unchecked. */
  checked: boolean;
}

export interface SchemaValidator {
  /**
   * `coerce` reads strings as the types the schema asks for (query parameters, form fields),
   * the way a server framework would; the value may be changed in place.
   */
  check(
    schema: OasSchema | undefined,
    value: unknown,
    mode: SchemaMode,
    options?: { coerce?: boolean },
  ): CheckResult;
  /** `<path> <what is wrong>` for the first issue, or undefined when `value` is valid. */
  firstError(value: unknown, schema: unknown, mode: SchemaMode, path?: string): string | undefined;
  /** Every issue (at most `limit`) as `<path> <what is wrong>`, empty when `value` is valid. */
  allErrors(
    value: unknown,
    schema: unknown,
    mode: SchemaMode,
    path?: string,
    limit?: number,
  ): string[];
}

export function createSchemaValidator(
  document: OpenApiDocument,
  version: SpecVersion,
): SchemaValidator {
  const registry = createSchemaRegistry(document, version, { annotations: false });
  const engines = new Map<EngineKind, Engine>();
  const compiled = new Map<string, Map<unknown, Validate | null>>();
  // Schemas that differ only in what the translation drops (descriptions, examples) share one
  // validator: on GitHub's spec 50 of 380 compiles were of a translation compiled before.
  const byTranslation = new Map<string, Validate>();

  const compile = (schema: object, mode: SchemaMode, kind: EngineKind): Validate | null => {
    const cacheKey = `${mode} ${kind}`;
    let cache = compiled.get(cacheKey);
    if (cache === undefined) {
      cache = new Map();
      compiled.set(cacheKey, cache);
    }
    const key = schemaKey(schema);
    const known = cache.get(key);
    if (known !== undefined) return known;
    let engine = engines.get(kind);
    if (engine === undefined) {
      engine = newEngine(kind);
      engines.set(kind, engine);
    }
    let validate: Validate | null;
    try {
      const translated = registry.translate(schema as OasSchema, mode);
      const { definitions } = engine;
      // What a known definition reaches is known with it: no need to walk it again.
      for (const [name, definition] of Object.entries(
        registry.reached(translated, (known) => definitions.has(known)),
      )) {
        definitions.set(name, prepare(definition));
      }
      const root = prepare(translated);
      const text = `${kind} ${JSON.stringify(root.schema)}`;
      validate = byTranslation.get(text) ?? rootValidator(engine, root);
      byTranslation.set(text, validate);
    } catch {
      validate = null;
    }
    cache.set(key, validate);
    return validate;
  };

  const checkOnce = (
    schema: OasSchema | undefined,
    value: unknown,
    mode: SchemaMode,
    kind: EngineKind,
  ): CheckResult => {
    if (schema === undefined || schema === true) return { valid: true, issues: [], checked: true };
    if (schema === false || !isObject(schema)) {
      const valid = schema !== false;
      const issues = valid ? [] : [{ path: "", message: "must not be present" }];
      return { valid, issues, checked: valid === false };
    }
    const validate = compile(schema, mode, kind);
    if (validate === null) return { valid: true, issues: [], checked: false };
    let valid: boolean;
    try {
      valid = validate(value) === true;
    } catch {
      // A definition Ajv could not compile when the value first reached it.
      compiled.get(`${mode} ${kind}`)?.set(schemaKey(schema), null);
      return { valid: true, issues: [], checked: false };
    }
    if (valid) return { valid: true, issues: [], checked: true };
    return { valid: false, issues: summarise(validate.errors ?? []), checked: true };
  };

  // Text that the schema accepts as it is needs no coercion: coercing `"1"` for
  // `oneOf: [integer, string]` would make both branches match, and "exactly one" fail.
  const check: SchemaValidator["check"] = (schema, value, mode, options = {}) => {
    if (options.coerce !== true) return checkOnce(schema, value, mode, "all");
    const asSent = checkOnce(schema, value, mode, "all");
    return asSent.valid ? asSent : checkOnce(schema, value, mode, "coerce");
  };

  return {
    check,
    firstError(value, schema, mode, path = "value") {
      const result = checkOnce(schema as OasSchema | undefined, value, mode, "first");
      const first = result.issues[0];
      if (result.valid || first === undefined) return undefined;
      return `${path}${readablePath(first.path)} ${first.message}`;
    },
    allErrors(value, schema, mode, path = "value", limit = 10) {
      const result = checkOnce(schema as OasSchema | undefined, value, mode, "all");
      const said = new Set<string>();
      for (const issue of result.issues) {
        if (said.size >= limit) break;
        said.add(`${path}${readablePath(issue.path)} ${issue.message}`);
      }
      return [...said];
    },
  };
}

/** `/users/0/name` → `.users[0].name`, the way the example warnings name places. */
function readablePath(pointer: string): string {
  if (pointer === "") return "";
  return pointer
    .slice(1)
    .split("/")
    .map((token) => token.replace(/~1/g, "/").replace(/~0/g, "~"))
    .map((token) => (/^\d+$/.test(token) ? `[${token}]` : `.${token}`))
    .join("");
}

/** Issues inside a value explain more than the generic "no branch of anyOf matched". */
function summarise(errors: readonly Ajv6ErrorLike[]): SchemaIssue[] {
  const branching = (e: Ajv6ErrorLike) => ["anyOf", "oneOf", "if"].includes(e.keyword);
  const specific = errors.filter((e) => !branching(e));
  return (specific.length > 0 ? specific : errors).map(describe);
}

function describe(error: Ajv6ErrorLike): SchemaIssue {
  const { params } = error;
  const path = error.dataPath;
  if (error.keyword === "required") {
    return { path, message: `must have property '${String(params.missingProperty)}'` };
  }
  if (error.keyword === "additionalProperties") {
    return { path, message: `must not have property '${String(params.additionalProperty)}'` };
  }
  if (error.keyword === "enum" && Array.isArray(params.allowedValues)) {
    const allowed = params.allowedValues.map((v) => JSON.stringify(v)).join(", ");
    return { path, message: `must be one of ${allowed}` };
  }
  // Ajv 6 says "should"; the mock's and the generator's messages have always said "must".
  const message = (error.message ?? `fails ${error.keyword}`)
    .replace(/^should NOT /, "must not ")
    .replace(/^should /, "must ");
  return { path, message };
}
