/**
 * Which request data is bytes rather than text: a file part of a multipart body, or a whole
 * raw body (an image, a PDF). Written once here: the collection sends such data as a file,
 * the mock accepts a file for it.
 */
import { isObject, type JsonObject } from "../load/pointer";
import type { FilePart } from "../model/types";
import { followSchema } from "./semantics";
import type { Dialect, Resolve } from "./types";

/** An array of files gets two parts, enough to show it is more than one; bounded. */
const ARRAY_PARTS = 2;
const MAX_PARTS = 10;

/** A schema's `$ref` followed, its 3.1 siblings kept. */
function target(schema: unknown, dialect: Dialect, resolve: Resolve): JsonObject | undefined {
  const { target: node, rest } = followSchema(schema, dialect, resolve);
  if (!isObject(node)) return undefined;
  return rest ? { ...node, ...rest } : node;
}

/**
 * Bytes: `format: binary` (OpenAPI 3.0, and Swagger 2.0's `type: file` once converted; 3.1
 * authors keep writing it), or 3.1's `contentMediaType` without a `contentEncoding` (with one,
 * the value is text such as base64, sent as written).
 */
export function isBinarySchema(schema: unknown, dialect: Dialect, resolve: Resolve): boolean {
  const node = target(schema, dialect, resolve);
  if (!node) return false;
  if (node.format === "binary") return true;
  return (
    dialect === "3.1" &&
    typeof node.contentMediaType === "string" &&
    node.contentEncoding === undefined
  );
}

const mediaOf = (contentType: string): string =>
  (contentType.split(";")[0] ?? "").trim().toLowerCase();

/** A concrete media type from an `encoding.contentType` list (`image/png, image/jpeg`). */
function concrete(list: unknown): string | undefined {
  if (typeof list !== "string") return undefined;
  const first = mediaOf(list.split(",")[0] ?? "");
  return /^[a-z0-9.+-]+\/[a-z0-9.+-]+$/.test(first) ? first : undefined;
}

function partType(
  name: string,
  property: JsonObject,
  encoding: unknown,
  dialect: Dialect,
): string | undefined {
  const entry = isObject(encoding) ? encoding[name] : undefined;
  const declared = isObject(entry) ? concrete(entry.contentType) : undefined;
  if (declared) return declared;
  return dialect === "3.1" ? concrete(property.contentMediaType) : undefined;
}

/** Properties of an object schema, its direct `allOf` members' included. */
function propertiesOf(node: JsonObject, dialect: Dialect, resolve: Resolve): [string, unknown][] {
  const out: [string, unknown][] = [];
  const members = [node, ...(Array.isArray(node.allOf) ? node.allOf : [])];
  for (const member of members) {
    const object = member === node ? node : target(member, dialect, resolve);
    if (object && isObject(object.properties)) out.push(...Object.entries(object.properties));
  }
  return out;
}

function arrayParts(node: JsonObject): number {
  const min = typeof node.minItems === "number" ? node.minItems : 0;
  const max = typeof node.maxItems === "number" ? node.maxItems : MAX_PARTS;
  return Math.max(0, Math.min(Math.max(ARRAY_PARTS, min), max, MAX_PARTS));
}

/**
 * The file properties of a multipart/form-data schema, in spec order: a binary property is one
 * part, an array of binaries several parts under the same name (one part alone cannot say
 * "array": Prism rejects it). `encoding`: the media type object's, for the parts' types.
 */
export function fileParts(
  schema: unknown,
  encoding: unknown,
  dialect: Dialect,
  resolve: Resolve,
): FilePart[] {
  const node = target(schema, dialect, resolve);
  if (!node) return [];
  const parts: FilePart[] = [];
  const seen = new Set<string>();
  for (const [name, raw] of propertiesOf(node, dialect, resolve)) {
    const property = target(raw, dialect, resolve);
    if (!property || seen.has(name)) continue;
    let count = 0;
    let file = property;
    if (isBinarySchema(property, dialect, resolve)) count = 1;
    else if (property.items !== undefined) {
      const items = target(property.items, dialect, resolve);
      if (items && isBinarySchema(items, dialect, resolve)) {
        count = arrayParts(property);
        file = items;
      }
    }
    if (count === 0) continue;
    seen.add(name);
    const contentType = partType(name, file, encoding, dialect);
    parts.push(contentType ? { name, count, contentType } : { name, count });
  }
  return parts;
}

/** Media types whose bodies are text, whatever their schema says. */
function isTextMedia(media: string): boolean {
  return (
    media.startsWith("text/") ||
    media === "*/*" ||
    /(^application\/(json|xml|x-www-form-urlencoded|x-yaml|yaml|javascript|graphql)$)|[+/](json|xml|yaml)$/.test(
      media,
    ) ||
    media.startsWith("multipart/")
  );
}

/** Media types that are bytes even when the schema only says `type: string`, or nothing. */
const BYTE_FAMILIES = /^(image|audio|video|font)\/|^application\/(octet-stream|pdf|zip|gzip)$/;

/**
 * A raw request body of bytes: a media type that is not text (JSON, XML, forms, `text/*`) with
 * a binary schema, or no schema or a plain string one on a type such as `image/png` or
 * `application/octet-stream`.
 */
export function isBinaryBody(
  contentType: string,
  schema: unknown,
  dialect: Dialect,
  resolve: Resolve,
): boolean {
  const media = mediaOf(contentType);
  if (isTextMedia(media)) return false;
  if (schema !== undefined && isBinarySchema(schema, dialect, resolve)) return true;
  if (!BYTE_FAMILIES.test(media)) return false;
  const node = schema === undefined ? {} : target(schema, dialect, resolve);
  if (!node) return false;
  const keys = Object.keys(node).filter((k) => k !== "description" && !k.startsWith("x-"));
  return (
    keys.length === 0 ||
    (node.type === "string" && node.format === undefined && node.contentEncoding === undefined)
  );
}
