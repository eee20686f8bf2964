import Ajv6 from "ajv6";
import { isObject } from "../load/pointer";

/**
 * The Ajv 6 instances the schema core checks values with (scripts/schema/validator.ts), with
 * the options of scripts/postman/contract.js, so a verdict here is the contract test's.
 *
 * Definitions are compiled one by one, each once, and only when a value first reaches one:
 * a `#/definitions/X` ref becomes the `specpost$ref: "X"` keyword, which compiles X on its
 * first call and then calls it as Ajv 6 calls a `$ref`'d validator (`inlineRefs: false`).
 * The contract script compiles a whole schema with its definitions beside it; the verdicts
 * are the same, the work is not: a sample reaches a fraction of what its schema reaches
 * (Graph's entity types reach most of the spec). A definition Ajv cannot compile (the
 * translation keeps only patterns that compile, so none is known) fails the check that
 * first reaches it, which then counts as unchecked, as a failed whole-schema compile did.
 */

export type Validate = ((
  data: unknown,
  dataPath?: string,
  parentData?: object | unknown[],
  parentDataProperty?: string | number,
  rootData?: object | unknown[],
) => boolean | PromiseLike<unknown>) & {
  errors?: null | Ajv6ErrorLike[];
};

export interface Ajv6ErrorLike {
  keyword: string;
  dataPath: string;
  params: Record<string, unknown>;
  message?: string;
}

/**
 * How an Ajv instance reports: every issue (the mock's 400s), the first one only (verdicts:
 * stops early, compiles smaller code), or every issue with text coerced to the schema's types.
 * Which values pass is the same for all three.
 */
export type EngineKind = "all" | "first" | "coerce";

export interface Prepared {
  /** The schema with local refs as `specpost$ref` keywords. */
  schema: unknown;
  validate?: Validate;
}

export interface Engine {
  ajv: Ajv6.Ajv;
  definitions: Map<string, Prepared>;
  /** The definition's validator, compiled on first use. */
  compiled(name: string): Validate;
}

const LOCAL_PREFIX = "#/definitions/";
const REF_KEYWORD = "specpost$ref";

/** Options of the contract script's Ajv (contract.js `schemaErrors`); pointers for `path`. */
function newAjv(kind: EngineKind): Ajv6.Ajv {
  return new Ajv6({
    allErrors: kind !== "first",
    unknownFormats: "ignore",
    validateSchema: false,
    logger: false,
    // No draft-07 meta-schema: schemas are not validated, and no translation refers to it.
    meta: false,
    jsonPointers: true,
    // Each definition compiled once and called, not inlined into every schema that reaches it.
    inlineRefs: false,
    ...(kind === "coerce" ? { coerceTypes: "array" } : {}),
  });
}

export function newEngine(kind: EngineKind): Engine {
  const ajv = newAjv(kind);
  const definitions = new Map<string, Prepared>();
  // The same data path, parent and root as a `$ref` call, and its errors as they are. A
  // `$ref` ignores its siblings in Ajv 6 (extendRefs "ignore"): the keyword replaces the
  // whole ref object.
  const compiled = (name: string): Validate => {
    const definition = definitions.get(name);
    if (definition === undefined) throw new Error(`no definition ${name}`);
    definition.validate ??= ajv.compile(definition.schema as object) as Validate;
    return definition.validate;
  };
  const follow: Ajv6.SchemaValidateFunction = (
    name: string,
    data: unknown,
    _parentSchema?: object,
    dataPath?: string,
    parentData?: object | unknown[],
    parentDataProperty?: string | number,
    rootData?: object | unknown[],
  ) => {
    const validate = compiled(name);
    const valid = validate(data, dataPath, parentData, parentDataProperty, rootData) === true;
    follow.errors = valid ? undefined : ((validate.errors ?? []) as unknown as Ajv6.ErrorObject[]);
    return valid;
  };
  // addKeyword first checks the definition against a meta-schema, compiled for the purpose:
  // 25-50 ms per instance, for a definition that is this constant. Ajv 6 (pinned) keeps that
  // check's validator here; a stand-in that accepts skips the compile.
  (ajv as unknown as { _validateKeyword?: () => boolean })._validateKeyword = () => true;
  ajv.addKeyword(REF_KEYWORD, { validate: follow, errors: true });
  return { ajv, definitions, compiled };
}

/**
 * A validator for a prepared root schema. A bare ref is its definition's validator (what
 * `{ allOf: [ref] }` would say, errors included: allOf adds none of its own), so a `$ref`'d
 * body or response costs no compile of its own.
 */
export function rootValidator(engine: Engine, root: Prepared): Validate {
  const schema = root.schema as Record<string, unknown>;
  const name = schema[REF_KEYWORD];
  if (typeof name !== "string" || Object.keys(schema).length !== 1) {
    return engine.ajv.compile({ allOf: [root.schema] }) as Validate;
  }
  const direct: Validate = (data) => {
    const validate = engine.compiled(name);
    const valid = validate(data) === true;
    direct.errors = valid ? null : validate.errors;
    return valid;
  };
  return direct;
}

/** A copy of a translated schema with `#/definitions/X` refs as `specpost$ref` keywords. */
export function prepare(schema: unknown): Prepared {
  return { schema: rewrite(schema, false) };
}

/** Keywords whose value is data, and keywords whose keys are names (a property `enum`). */
const DATA = new Set(["enum", "const", "default", "examples"]);
const NAME_MAPS = new Set(["properties", "patternProperties", "dependencies"]);

function rewrite(schema: unknown, names: boolean): unknown {
  if (Array.isArray(schema)) return schema.map((item) => rewrite(item, false));
  if (!isObject(schema)) return schema;
  const out: Record<string, unknown> = {};
  if (names) {
    for (const [key, value] of Object.entries(schema)) out[key] = rewrite(value, false);
    return out;
  }
  const ref = schema.$ref;
  if (typeof ref === "string" && ref.startsWith(LOCAL_PREFIX)) {
    return { [REF_KEYWORD]: ref.slice(LOCAL_PREFIX.length) };
  }
  for (const [key, value] of Object.entries(schema)) {
    out[key] = DATA.has(key) ? value : rewrite(value, NAME_MAPS.has(key));
  }
  return out;
}
