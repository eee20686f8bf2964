import { expectArray, type ModelContext } from "./context";
import { exampleOf, exampleOrSample, schemaExampleOf } from "./examples";
import { nonEmptyPathValue } from "./path-values";
import { child, isObject, type JsonObject } from "./resolve";
import type { OasSchema, ParameterModel } from "./types";
import { exclusiveOnWire } from "./wire";

const LOCATIONS = new Set(["path", "query", "header", "cookie"]);
/** OpenAPI: header parameters with these names "SHALL be ignored" (they come from elsewhere). */
const IGNORED_HEADERS = new Set(["accept", "content-type", "authorization"]);

interface RawParameter {
  value: JsonObject;
  pointer: string;
  /** Reached through a `$ref`: the same parameter at every operation that names it. */
  shared: boolean;
}

function readList(ctx: ModelContext, list: unknown, pointer: string): RawParameter[] {
  if (list === undefined || !expectArray(ctx, list, pointer, "parameters")) return [];
  const out: RawParameter[] = [];
  list.forEach((raw, i) => {
    const at = child(pointer, i);
    const resolved = ctx.deref(raw, at);
    if (!resolved) return;
    const value = resolved.value;
    if (!isObject(value) || typeof value.name !== "string" || !LOCATIONS.has(String(value.in))) {
      ctx.report(
        "invalid-type",
        "error",
        resolved.pointer,
        `A parameter needs a string "name" and "in" one of path, query, header, cookie; fix the spec.`,
      );
      return;
    }
    out.push({ value, pointer: resolved.pointer, shared: resolved.pointer !== at });
  });
  return out;
}

const keyOf = (p: RawParameter) => `${String(p.value.in)} ${String(p.value.name)}`;

/**
 * Path-item parameters merged with the operation's: an operation parameter with the same
 * name and location replaces the path-level one in place; new ones follow in spec order.
 */
export function buildParameters(
  ctx: ModelContext,
  pathLevel: unknown,
  pathPointer: string,
  operationLevel: unknown,
  operationPointer: string,
): ParameterModel[] {
  const merged = readList(ctx, pathLevel, child(pathPointer, "parameters"));
  for (const own of readList(ctx, operationLevel, child(operationPointer, "parameters"))) {
    const at = merged.findIndex((p) => keyOf(p) === keyOf(own));
    if (at >= 0) merged[at] = own;
    else merged.push(own);
  }
  return merged
    .filter((p) => !ignoredHeader(ctx, p))
    .map((p) => (p.shared ? sharedModel(ctx, p) : toModel(ctx, p)));
}

/**
 * OpenAPI's ignored header names. Accept and Content-Type follow from the media types; an
 * Authorization parameter is a credential the spec forgot to declare as a security scheme, so
 * the request goes without it and a server that needs it refuses: say so where it is declared.
 */
function ignoredHeader(ctx: ModelContext, p: RawParameter): boolean {
  const name = String(p.value.name);
  if (p.value.in !== "header" || !IGNORED_HEADERS.has(name.toLowerCase())) return false;
  if (name.toLowerCase() === "authorization") {
    ctx.report(
      "ignored-header",
      "warning",
      p.pointer,
      `Header parameter "${name}" is ignored, as OpenAPI says, so requests go without it; declare the credential as a security scheme (apiKey in header "${name}", or http bearer) to have it sent.`,
    );
  }
  return true;
}

// A shared parameter (`$ref: '#/components/parameters/Limit'`) means the same wherever it
// is named: modelled once per model, the model shared (nothing changes a built model in place).
const modelsAt = new WeakMap<ModelContext, Map<string, ParameterModel>>();

function sharedModel(ctx: ModelContext, raw: RawParameter): ParameterModel {
  let known = modelsAt.get(ctx);
  if (known === undefined) {
    known = new Map();
    modelsAt.set(ctx, known);
  }
  let model = known.get(raw.pointer);
  if (model === undefined) {
    model = toModel(ctx, raw);
    known.set(raw.pointer, model);
  }
  return model;
}

/** A parameter described by `content` (instead of `schema`) uses its one media type entry. */
function mediaOf(
  value: JsonObject,
  pointer: string,
): { media: JsonObject; pointer: string; type: string } | undefined {
  if (!isObject(value.content)) return undefined;
  const [type, media] = Object.entries(value.content)[0] ?? [];
  return type !== undefined && isObject(media)
    ? { media, pointer: child(pointer, "content", type), type }
    : undefined;
}

/** `{{name}}` anywhere in a value (headers and cookies have no escape for it, see collection/literal.ts). */
function hasVariableText(value: unknown): boolean {
  const text = typeof value === "string" ? value : JSON.stringify(value ?? "");
  return /\{\{[^{}]*\}\}/.test(text);
}

function toModel(ctx: ModelContext, { value, pointer }: RawParameter): ParameterModel {
  const location = value.in as ParameterModel["in"];
  const media = mediaOf(value, pointer);
  const schema = (media ? media.media.schema : value.schema) as OasSchema | undefined;
  const schemaPointer = media ? child(media.pointer, "schema") : child(pointer, "schema");
  const given =
    exampleOf(ctx, value, pointer) ??
    (media ? exampleOf(ctx, media.media, media.pointer) : undefined) ??
    (schema === undefined
      ? undefined
      : schemaExampleOf(schema, ctx.schemas.request, schemaPointer, true));
  const sampleOptions = { name: String(value.name), pathParam: location === "path" };
  const chosen = exampleOrSample(
    ctx,
    given,
    schema ?? (media ? undefined : { type: "string" }),
    schemaPointer,
    sampleOptions,
  );
  const { exampleSource } = chosen;
  // Sent as text (a `content` parameter is JSON, its own types survive).
  const fromSpec = exampleSource === "spec" && given !== undefined;
  const where = { pointer: fromSpec ? given.pointer : schemaPointer, fromSpec };
  const wire = media
    ? { value: chosen.example }
    : exclusiveOnWire(ctx, chosen.example, schema, where, sampleOptions);
  // An empty path value would leave Postman's `:name` in the URL. Examples as written (the
  // mock's model) send nothing, so there is nothing to fill in or warn about.
  const path =
    location === "path" &&
    !media &&
    (value.style ?? "simple") === "simple" &&
    ctx.examples !== "as-written"
      ? nonEmptyPathValue(ctx, wire.value, schema, { ...where, name: String(value.name) })
      : { value: wire.value };
  const example = path.value;
  const model: ParameterModel = {
    name: String(value.name),
    in: location,
    // Path parameters are always required, whatever the spec says.
    required: location === "path" || value.required === true,
    example,
    pointer,
  };
  if (exampleSource) model.exampleSource = example === chosen.example ? exampleSource : "generated";
  if (chosen.unsatisfied || wire.ambiguous || path.mayReject) model.mayReject = true;
  if ((location === "header" || location === "cookie") && given && hasVariableText(example)) {
    ctx.report(
      "variable-like-text",
      "warning",
      given.pointer,
      `The ${location} example of '${String(value.name)}' holds '{{…}}', which Postman would replace with a variable (it could be a secret); it is sent with those braces percent-encoded. Change the example if the server needs the braces.`,
    );
  }
  if (typeof value.description === "string") model.description = value.description;
  if (value.deprecated === true) model.deprecated = true;
  if (schema !== undefined) model.schema = schema;
  if (typeof value.style === "string") model.style = value.style;
  if (typeof value.explode === "boolean") model.explode = value.explode;
  if (media) model.contentType = media.type;
  return model;
}
