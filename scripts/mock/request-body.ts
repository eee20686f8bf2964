import type { OpenApiDocument } from "../load/types";
import type { OasSchema, OperationModel } from "../model/types";
import { derefSchema, resolveRef } from "../schema/semantics";
import type { SchemaValidator } from "../schema/validator";
import { multipartProblems } from "./multipart";

export interface ReceivedBody {
  /** The Content-Type header as sent. */
  contentType: string | undefined;
  /** Raw text for most types; an object for form bodies (parsed by @fastify/formbody). */
  value: unknown;
}

interface MediaEntry {
  mediaType: string;
  schema?: OasSchema;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** Every media type the operation's request body documents, in spec order. */
export function requestMediaTypes(
  document: OpenApiDocument,
  operation: OperationModel,
): MediaEntry[] {
  const operationObject = derefSchema(document, resolveRef(document, operation.pointer));
  const requestBody = isObject(operationObject)
    ? derefSchema(document, operationObject.requestBody)
    : undefined;
  const content = isObject(requestBody) ? requestBody.content : undefined;
  if (!isObject(content)) {
    return operation.requestBody
      ? [{ mediaType: operation.requestBody.contentType, schema: operation.requestBody.schema }]
      : [];
  }
  return Object.entries(content).map(([mediaType, media]) => ({
    mediaType: mediaType.toLowerCase(),
    schema: isObject(media) ? (media.schema as OasSchema | undefined) : undefined,
  }));
}

export const mediaTypeOf = (contentType: string): string =>
  (contentType.split(";")[0] ?? "").trim().toLowerCase();

/** Spec media ranges (`application/*`, `*\/*`) accept any type they cover. */
function accepts(range: string, mediaType: string): boolean {
  if (range === mediaType || range === "*/*") return true;
  return range.endsWith("/*") && mediaType.startsWith(range.slice(0, -1));
}

export const isJsonType = (mediaType: string): boolean =>
  mediaType === "application/json" || /^[^/]+\/[^;]*\+json$/.test(mediaType);

function isPresent(value: unknown): boolean {
  if (value === undefined || value === null) return false;
  if (typeof value === "string") return value.length > 0;
  return !isObject(value) || Object.keys(value).length > 0;
}

function describe(issues: { path: string; message: string }[]): string[] {
  return issues.map(
    (issue) => `request body${issue.path ? ` at ${issue.path}` : ""} ${issue.message}`,
  );
}

/**
 * Problems with the request body of an operation: presence, content type, JSON syntax and the
 * schema of the media type actually sent; of a multipart body, its file parts and required
 * properties (multipart.ts). Bodies of types the mock cannot parse (XML, ...) are only checked
 * for presence and type.
 */
export function checkRequestBody(
  operation: OperationModel,
  received: ReceivedBody,
  document: OpenApiDocument,
  validator: SchemaValidator,
): string[] {
  const media = requestMediaTypes(document, operation);
  if (media.length === 0) return [];
  const accepted = media.map((entry) => entry.mediaType).join(", ");
  if (!isPresent(received.value)) {
    return operation.requestBody?.required ? [`request body is required (${accepted})`] : [];
  }
  if (received.contentType === undefined) {
    return [`the Content-Type header is missing; send one of: ${accepted}`];
  }
  const mediaType = mediaTypeOf(received.contentType);
  const entry =
    media.find((m) => m.mediaType === mediaType) ??
    media.find((m) => accepts(m.mediaType, mediaType));
  if (!entry) return [`Content-Type ${mediaType} is not accepted; send one of: ${accepted}`];

  if (isJsonType(mediaType)) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(String(received.value));
    } catch (error) {
      return [`request body is not valid JSON: ${(error as Error).message}`];
    }
    return describe(validator.check(entry.schema, parsed, "request").issues);
  }
  if (mediaType === "application/x-www-form-urlencoded" && isObject(received.value)) {
    // Form values arrive as strings: coerce them like a server framework would.
    const copy = structuredClone(received.value);
    return describe(validator.check(entry.schema, copy, "request", { coerce: true }).issues);
  }
  if (mediaType === "multipart/form-data" && typeof received.value === "string") {
    const dialect = String(document.openapi ?? "").startsWith("3.1") ? "3.1" : "3.0";
    const resolve = (ref: string) => resolveRef(document, ref);
    return multipartProblems(entry.schema, received.contentType, received.value, dialect, resolve);
  }
  return [];
}
