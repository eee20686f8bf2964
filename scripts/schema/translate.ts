import { isObject, type JsonObject } from "../load/pointer";
import { formatRule } from "./formats";
import { translateKeywords } from "./keywords";
import type { Draft07Schema, TranslateContext } from "./types";
import { isFiniteNumber } from "./values";

/** Keywords that never reject a value: a schema with only these accepts anything. */
export const ANNOTATIONS = new Set([
  "title",
  "description",
  "$comment",
  "default",
  "examples",
  "readOnly",
  "writeOnly",
  "contentMediaType",
  "contentEncoding",
]);

const NULL_SCHEMA = { type: "null" };

/**
 * One OpenAPI schema (at JSON pointer `at`) → draft-07. `scope` holds the schemas this one is
 * nested in through same-instance applicators (see required.ts). Refs are never followed
 * here: `ctx.ref` names them, so recursive schemas cost nothing.
 */
export function translateSchema(
  schema: unknown,
  at: string,
  ctx: TranslateContext,
  scope: readonly JsonObject[] = [],
): Draft07Schema {
  if (typeof schema === "boolean") return schema;
  if (!isObject(schema)) {
    ctx.report(
      "unsupported-schema",
      at,
      "The schema is not an object or boolean, so the contract test accepts any value there; make it a schema",
    );
    return {};
  }
  if (typeof schema.$ref === "string") return translateRef(schema, at, ctx, scope);
  // Swagger 2.0's `type: file` describes a multipart part, not JSON: nothing to check.
  if (schema.type === "file") return {};
  const out = translateKeywords(schema, at, ctx, scope, translateSchema);
  exclusiveBounds(out, schema);
  applyFormat(out, schema.format);
  // With a discriminator, the payload picks its subschema by property; without that hint,
  // subschemas that overlap would make draft-07's "exactly one" fail valid payloads.
  if (out.oneOf !== undefined && out.anyOf === undefined && isObject(schema.discriminator)) {
    out.anyOf = out.oneOf;
    delete out.oneOf;
  }
  return ctx.dialect === "3.0" && schema.nullable === true ? allowNull(out) : out;
}

function translateRef(
  schema: JsonObject,
  at: string,
  ctx: TranslateContext,
  scope: readonly JsonObject[],
): Draft07Schema {
  const target = ctx.ref(schema.$ref as string, at);
  if (ctx.dialect === "3.0") {
    // 3.0 ignores everything beside a $ref, but `nullable: true` there is what authors mean.
    if (schema.nullable !== true || isEmptySchema(target)) return target;
    return { anyOf: [target, { ...NULL_SCHEMA }] };
  }
  // 3.1: siblings apply too. Ajv 6 ignores keywords beside $ref, hence allOf.
  const { $ref: _ref, ...siblings } = schema;
  if (siblings.unevaluatedProperties !== undefined) {
    // The ref's properties count as evaluated: 2020-12's $ref applies in place, like allOf.
    const members = Array.isArray(siblings.allOf) ? siblings.allOf : [];
    const inPlace = { ...siblings, allOf: [{ $ref: schema.$ref }, ...members] };
    return translateSchema(inPlace, at, ctx, scope);
  }
  const rest = translateSchema(siblings, at, ctx, [schema, ...scope]);
  if (!constrains(rest)) return target;
  return isEmptySchema(target) ? rest : { allOf: [target, rest] };
}

const isEmptySchema = (schema: Draft07Schema): boolean =>
  schema === true || (isObject(schema) && Object.keys(schema).length === 0);

function constrains(schema: Draft07Schema): boolean {
  if (typeof schema === "boolean") return !schema;
  return Object.keys(schema).some((key) => !ANNOTATIONS.has(key));
}

/** 3.0 writes `exclusiveMinimum: true` beside `minimum`; draft-07 puts the number there. */
function exclusiveBounds(out: JsonObject, schema: JsonObject): void {
  for (const [exclusive, bound] of [
    ["exclusiveMinimum", "minimum"],
    ["exclusiveMaximum", "maximum"],
  ] as const) {
    if (schema[exclusive] === true && isFiniteNumber(out[bound])) {
      out[exclusive] = out[bound];
      delete out[bound];
    }
  }
}

function applyFormat(out: JsonObject, format: unknown): void {
  const rule = formatRule(format);
  if (rule.format !== undefined) out.format = rule.format;
  if (rule.bounds !== undefined) {
    const [low, high] = rule.bounds;
    if (!isFiniteNumber(out.minimum) || out.minimum < low) out.minimum = low;
    if (!isFiniteNumber(out.maximum) || out.maximum > high) out.maximum = high;
  }
  if (rule.pattern !== undefined && out.pattern === undefined) out.pattern = rule.pattern;
}

/**
 * 3.0 `nullable: true`. Only `type`, `enum` and the applicators can reject null (every other
 * keyword ignores values of other types), so: applicators → anyOf with {type: null};
 * otherwise "null" joins `type` and `enum` where they are present.
 */
export function allowNull(out: JsonObject): JsonObject {
  if (["allOf", "anyOf", "oneOf", "not", "if"].some((key) => key in out)) {
    return { anyOf: [out, { ...NULL_SCHEMA }] };
  }
  if (typeof out.type === "string" && out.type !== "null") out.type = [out.type, "null"];
  else if (Array.isArray(out.type) && !out.type.includes("null")) out.type = [...out.type, "null"];
  if (Array.isArray(out.enum) && !out.enum.includes(null)) out.enum = [...out.enum, null];
  return out;
}
