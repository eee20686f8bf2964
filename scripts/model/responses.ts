import { expectObject, type ModelContext } from "./context";
import { checkSpecExample, exampleOf, schemaExampleOf } from "./examples";
import { child, isObject, type JsonObject } from "./resolve";
import type { OasSchema, ResponseContentModel, ResponseHeaderModel, ResponseModel } from "./types";

/**
 * Responses in the order the document object holds them. JSON/YAML parsers put integer-like
 * keys ("200") before the others, so "default" and "2XX" come after the numbered codes.
 */
export function buildResponses(ctx: ModelContext, raw: unknown, pointer: string): ResponseModel[] {
  if (raw === undefined || !expectObject(ctx, raw, pointer, "responses")) return [];
  const out: ResponseModel[] = [];
  for (const [status, entry] of Object.entries(raw)) {
    if (status.startsWith("x-")) continue;
    const at = child(pointer, status);
    const resolved = ctx.deref(entry, at);
    if (!resolved || !expectObject(ctx, resolved.value, resolved.pointer, `Response "${status}"`))
      continue;
    const shared = resolved.pointer !== at;
    out.push({ status, ...responseParts(ctx, resolved.value, resolved.pointer, shared) });
  }
  return out;
}

type ResponseParts = Omit<ResponseModel, "status">;

// A shared response (`$ref: '#/components/responses/NotFound'`) is the same at every
// operation that names it: built once per model, and its parts shared (nothing changes a
// built model in place).
const partsAt = new WeakMap<ModelContext, Map<string, ResponseParts>>();

function responseParts(
  ctx: ModelContext,
  response: JsonObject,
  pointer: string,
  shared: boolean,
): ResponseParts {
  const build = (): ResponseParts => ({
    description: typeof response.description === "string" ? response.description : "",
    contents: buildContents(ctx, response.content, child(pointer, "content")),
    headers: buildHeaders(ctx, response.headers, child(pointer, "headers")),
    pointer,
  });
  if (!shared) return build();
  let known = partsAt.get(ctx);
  if (known === undefined) {
    known = new Map();
    partsAt.set(ctx, known);
  }
  let parts = known.get(pointer);
  if (parts === undefined) {
    parts = build();
    known.set(pointer, parts);
  }
  return parts;
}

function buildContents(
  ctx: ModelContext,
  content: unknown,
  pointer: string,
): ResponseContentModel[] {
  if (content === undefined || !expectObject(ctx, content, pointer, "content")) return [];
  const env = ctx.schemas.response;
  return Object.entries(content).map(([contentType, raw]) => {
    const mediaPointer = child(pointer, contentType);
    const media: JsonObject = isObject(raw) ? raw : {};
    const schema = media.schema as OasSchema | undefined;
    const model: ResponseContentModel = { contentType };
    if (schema !== undefined) model.schema = schema;
    const given =
      exampleOf(ctx, media, mediaPointer) ??
      (schema === undefined
        ? undefined
        : schemaExampleOf(schema, env, child(mediaPointer, "schema"), false));
    if (given) {
      checkSpecExample(ctx, given, schema, env);
      model.example = given.value;
    }
    return model;
  });
}

function buildHeaders(ctx: ModelContext, headers: unknown, pointer: string): ResponseHeaderModel[] {
  if (headers === undefined || !expectObject(ctx, headers, pointer, "headers")) return [];
  const out: ResponseHeaderModel[] = [];
  for (const [name, raw] of Object.entries(headers)) {
    // OpenAPI: a response header named Content-Type is ignored (the media type says it).
    if (name.toLowerCase() === "content-type") continue;
    const resolved = ctx.deref(raw, child(pointer, name));
    if (!resolved || !isObject(resolved.value)) continue;
    const header = resolved.value;
    const firstMedia = isObject(header.content) ? Object.values(header.content)[0] : undefined;
    const schema = (header.schema ?? (isObject(firstMedia) ? firstMedia.schema : undefined)) as
      | OasSchema
      | undefined;
    const model: ResponseHeaderModel = { name, required: header.required === true };
    if (schema !== undefined) model.schema = schema;
    out.push(model);
  }
  return out;
}
