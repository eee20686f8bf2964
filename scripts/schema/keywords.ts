import { escapeSegment, isObject, type JsonObject } from "../load/pointer";
import { keptRequired } from "./required";
import type { Draft07Schema, TranslateContext } from "./types";
import { applyUnevaluated, evaluatedProperties } from "./unevaluated";
import {
  isFiniteNumber,
  isNonNegativeInteger,
  isStringArray,
  patternProblem,
  SIMPLE_TYPES,
  uniqueValues,
} from "./values";

type Translate = (
  schema: unknown,
  at: string,
  ctx: TranslateContext,
  scope?: readonly JsonObject[],
) => Draft07Schema;

const NUMBER_KEYWORDS = new Set(["minimum", "maximum"]);
const COUNT_KEYWORDS = new Set([
  "minLength",
  "maxLength",
  "minItems",
  "maxItems",
  "minProperties",
  "maxProperties",
]);
const STRING_ANNOTATIONS = new Set([
  "title",
  "description",
  "$comment",
  "contentMediaType",
  "contentEncoding",
]);
/** Later JSON Schema keywords draft-07 has no equivalent for: dropping them loosens the test. */
const DROPPED_WITH_NOTICE = new Set([
  "unevaluatedItems",
  "minContains",
  "maxContains",
  "$dynamicRef",
  "$recursiveRef",
]);

/** One schema being translated: what the keyword helpers below need. */
interface Site {
  schema: JsonObject;
  at: string;
  ctx: TranslateContext;
  scope: readonly JsonObject[];
  translate: Translate;
}

// Helpers are top-level functions, not closures: tsx's keepNames wraps every closure it
// creates, which made closures the main cost of translating a big spec.
function sub(site: Site, value: unknown, path: string, sameInstance: boolean): Draft07Schema {
  const scope = sameInstance ? [site.schema, ...site.scope] : [];
  return site.translate(value, `${site.at}/${path}`, site.ctx, scope);
}

function invalid(site: Site, key: string, why: string): void {
  site.ctx.report(
    "unsupported-schema",
    `${site.at}/${escapeSegment(key)}`,
    `"${key}" ${why}; the contract test leaves it out. Fix the schema to have it checked`,
  );
}

function list(
  site: Site,
  key: string,
  value: unknown,
  sameInstance: boolean,
): Draft07Schema[] | undefined {
  if (!Array.isArray(value)) {
    invalid(site, key, "is not a list of schemas");
    return undefined;
  }
  if (value.length === 0) return undefined;
  const result: Draft07Schema[] = [];
  for (let i = 0; i < value.length; i++)
    result.push(sub(site, value[i], `${key}/${i}`, sameInstance));
  return result;
}

function schemaMap(site: Site, key: string, value: unknown): JsonObject | undefined {
  if (!isObject(value)) {
    invalid(site, key, "is not an object of schemas");
    return undefined;
  }
  const result: JsonObject = {};
  for (const name of Object.keys(value)) {
    const why = key === "patternProperties" ? patternProblem(name) : undefined;
    if (why !== undefined) invalid(site, key, `has a pattern /${name}/ that ${why}`);
    else result[name] = sub(site, value[name], `${key}/${escapeSegment(name)}`, false);
  }
  return result;
}

function dependenciesOf(out: JsonObject): JsonObject {
  if (!isObject(out.dependencies)) out.dependencies = {};
  return out.dependencies as JsonObject;
}

/**
 * The keywords of one schema object (no `$ref`) in spec order. Anything draft-07 does not
 * know is left out: OpenAPI-only keywords (discriminator, xml, externalDocs, example,
 * deprecated, nullable — applied by the caller), `x-` extensions, `$schema`/`$id`/`$defs`.
 */
export function translateKeywords(
  schema: JsonObject,
  at: string,
  ctx: TranslateContext,
  scope: readonly JsonObject[],
  translate: Translate,
): JsonObject {
  const out: JsonObject = {};
  const site: Site = { schema, at, ctx, scope, translate };
  for (const key of Object.keys(schema)) {
    const value = schema[key];
    if (NUMBER_KEYWORDS.has(key)) {
      if (isFiniteNumber(value)) out[key] = value;
      else invalid(site, key, "is not a number");
    } else if (COUNT_KEYWORDS.has(key)) {
      if (isNonNegativeInteger(value)) out[key] = value;
      else invalid(site, key, "is not a non-negative integer");
    } else if (STRING_ANNOTATIONS.has(key)) {
      if (ctx.annotations && typeof value === "string") out[key] = value;
    } else if (DROPPED_WITH_NOTICE.has(key)) {
      invalid(site, key, "has no JSON Schema draft-07 equivalent");
    } else {
      switch (key) {
        case "type": {
          const types: unknown[] = Array.isArray(value) ? value : [value];
          const known = uniqueValues(types.filter(isSimpleType));
          if (!types.every(isSimpleType)) {
            invalid(site, key, `names a type JSON Schema does not have (${JSON.stringify(value)})`);
          }
          if (known.length > 0) out.type = Array.isArray(value) ? known : known[0];
          break;
        }
        case "enum":
          if (Array.isArray(value) && value.length > 0) out.enum = uniqueValues(value);
          else invalid(site, key, "is not a non-empty list");
          break;
        case "const":
          out.const = value;
          break;
        case "multipleOf":
          if (isFiniteNumber(value) && value > 0) out.multipleOf = value;
          else invalid(site, key, "is not a positive number");
          break;
        case "exclusiveMinimum":
        case "exclusiveMaximum":
          // Booleans (3.0) are folded into minimum/maximum by the caller.
          if (isFiniteNumber(value)) out[key] = value;
          else if (typeof value !== "boolean") invalid(site, key, "is not a number or boolean");
          break;
        case "pattern": {
          const why = typeof value === "string" ? patternProblem(value) : "is not a string";
          if (why === undefined) out.pattern = value;
          else invalid(site, key, why);
          break;
        }
        case "uniqueItems":
          if (typeof value === "boolean") out.uniqueItems = value;
          else invalid(site, key, "is not a boolean");
          break;
        case "required":
          if (isStringArray(value)) {
            const kept = keptRequired(
              uniqueValues(value) as string[],
              schema,
              scope,
              ctx.mode,
              ctx.resolve,
            );
            if (kept.length > 0) out.required = kept;
          } else {
            invalid(site, key, "is not a list of property names");
          }
          break;
        case "properties":
        case "patternProperties": {
          const result = schemaMap(site, key, value);
          if (result !== undefined) out[key] = result;
          break;
        }
        case "additionalProperties":
        case "additionalItems":
        case "contains":
        case "propertyNames":
          out[key] = sub(site, value, key, false);
          break;
        case "not":
        case "if":
        case "then":
        case "else":
          out[key] = sub(site, value, key, true);
          break;
        case "allOf":
        case "anyOf":
        case "oneOf": {
          const result = list(site, key, value, true);
          if (result !== undefined) out[key] = result;
          break;
        }
        case "items":
          // 3.1: beside prefixItems, `items` is what draft-07 calls additionalItems.
          if (Array.isArray(schema.prefixItems)) break;
          if (Array.isArray(value)) {
            const result = list(site, key, value, false);
            if (result !== undefined) out.items = result;
          } else {
            out.items = sub(site, value, key, false);
          }
          break;
        case "prefixItems": {
          const result = list(site, key, value, false);
          if (result !== undefined) out.items = result;
          if ("items" in schema) {
            const rest = sub(site, schema.items, "items", false);
            if (result !== undefined) out.additionalItems = rest;
            else out.items = rest;
          }
          break;
        }
        case "dependentRequired":
          if (!isObject(value)) invalid(site, key, "is not an object of property lists");
          else {
            for (const [name, names] of Object.entries(value)) {
              if (isStringArray(names)) dependenciesOf(out)[name] = uniqueValues(names);
              else
                invalid(
                  site,
                  key,
                  `has a value for "${name}" that is not a list of property names`,
                );
            }
          }
          break;
        case "dependentSchemas":
          if (!isObject(value)) invalid(site, key, "is not an object of schemas");
          else {
            for (const [name, member] of Object.entries(value)) {
              dependenciesOf(out)[name] = sub(site, member, `${key}/${escapeSegment(name)}`, true);
            }
          }
          break;
        case "dependencies":
          if (!isObject(value)) invalid(site, key, "is not an object");
          else {
            for (const [name, member] of Object.entries(value)) {
              dependenciesOf(out)[name] = isStringArray(member)
                ? uniqueValues(member)
                : sub(site, member, `${key}/${escapeSegment(name)}`, true);
            }
          }
          break;
        case "default":
          if (ctx.annotations) out.default = value;
          break;
        case "examples":
          if (ctx.annotations && Array.isArray(value)) out.examples = value;
          break;
        case "readOnly":
        case "writeOnly":
          if (ctx.annotations && typeof value === "boolean") out[key] = value;
          break;
      }
    }
  }
  if (schema.unevaluatedProperties !== undefined) unevaluated(site, out);
  return out;
}

/** After the loop: it needs the translated `properties`, wherever they stand in the schema. */
function unevaluated(site: Site, out: JsonObject): void {
  const evaluated = evaluatedProperties(site.schema, site.ctx.resolve);
  if (evaluated === undefined) {
    invalid(
      site,
      "unevaluatedProperties",
      "depends on which anyOf/oneOf/if branch passes, which JSON Schema draft-07 cannot express",
    );
    return;
  }
  if (evaluated.all) return;
  applyUnevaluated(
    out,
    evaluated,
    sub(site, site.schema.unevaluatedProperties, "unevaluatedProperties", false),
  );
}

const isSimpleType = (type: unknown): boolean => typeof type === "string" && SIMPLE_TYPES.has(type);
