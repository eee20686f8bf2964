import { ASSUMED_CONTENT_TYPE } from "../load/consumes";
import { fileParts, isBinaryBody } from "../schema/binary";
import { markAmbiguous } from "./ambiguity";
import { expectObject, type ModelContext } from "./context";
import { exampleOf, exampleOrSample, schemaExampleOf } from "./examples";
import { child, isObject } from "./resolve";
import type { BodyModel, OasSchema } from "./types";

const mediaBase = (contentType: string): string =>
  (contentType.split(";")[0] ?? "").trim().toLowerCase();

/** Preference of a request body media type: lower is better. */
function rank(contentType: string): number {
  const base = mediaBase(contentType);
  if (base === "application/json") return 0;
  if (/^[a-z]+\/[^\s]*\+json$/.test(base) || base.endsWith("/json")) return 1;
  if (base === "application/x-www-form-urlencoded") return 2;
  if (base === "multipart/form-data") return 3;
  if (base.startsWith("text/")) return 4;
  return 5;
}

/** application/json > other JSON > form > multipart > text > the first one written. */
export function chooseContentType(contentTypes: readonly string[]): string | undefined {
  let best: string | undefined;
  for (const type of contentTypes) {
    if (best === undefined || rank(type) < rank(best)) best = type;
  }
  return best;
}

export function buildRequestBody(
  ctx: ModelContext,
  raw: unknown,
  pointer: string,
): BodyModel | undefined {
  if (raw === undefined) return undefined;
  const resolved = ctx.deref(raw, pointer);
  if (!resolved || !expectObject(ctx, resolved.value, resolved.pointer, "requestBody"))
    return undefined;
  const body = resolved.value;
  const contentPointer = child(resolved.pointer, "content");
  if (!expectObject(ctx, body.content, contentPointer, "requestBody.content")) return undefined;
  const contentType = chooseContentType(Object.keys(body.content));
  if (contentType === undefined) return undefined;
  const mediaPointer = child(contentPointer, contentType);
  const media = isObject(body.content[contentType]) ? body.content[contentType] : {};
  const schema = media.schema as OasSchema | undefined;
  const schemaPointer = child(mediaPointer, "schema");
  const given =
    exampleOf(ctx, media, mediaPointer) ??
    (schema === undefined
      ? undefined
      : schemaExampleOf(schema, ctx.schemas.request, schemaPointer, false));
  const { example, exampleSource, unsatisfied } = exampleOrSample(
    ctx,
    given,
    schema,
    schemaPointer,
    {},
  );
  const model: BodyModel = {
    contentType,
    required: body.required === true,
    example,
    pointer: resolved.pointer,
  };
  if (exampleSource) model.exampleSource = exampleSource;
  if (
    unsatisfied ||
    // Swagger 2.0 without `consumes`: a strict server accepts no body (warned at load).
    body[ASSUMED_CONTENT_TYPE] === true ||
    (exampleSource !== "user" && markAmbiguous(ctx, example, schema, schemaPointer))
  )
    model.mayReject = true;
  if (typeof body.description === "string") model.description = body.description;
  if (schema !== undefined) model.schema = schema;
  const dialect = ctx.is31 ? "3.1" : "3.0";
  const resolve = ctx.schemas.request.resolve;
  if (mediaBase(contentType) === "multipart/form-data") {
    const files = fileParts(schema, media.encoding, dialect, resolve);
    if (files.length > 0) model.files = files;
  } else if (isBinaryBody(contentType, schema, dialect, resolve)) model.binary = true;
  return model;
}
