import type { BodyModel, FilePart } from "../model/types";
import { jsonLiteral, looksLikeVariable, plainLiteral, xmlLiteral } from "./literal";
import { scalarText } from "./params";
import { sampleFor } from "./sample-bytes";
import type { PostmanBody, PostmanFormParam } from "./types";

/** `application/json; charset=utf-8` → `application/json`. */
export function mediaType(contentType: string): string {
  return (contentType.split(";")[0] ?? "").trim().toLowerCase();
}

export function isJsonMedia(contentType: string): boolean {
  const media = mediaType(contentType);
  return media === "application/json" || media.endsWith("+json") || media === "*/*";
}

/** Postman's name for the syntax of a raw body or saved response. */
export function previewLanguage(contentType: string): "json" | "xml" | "html" | "text" {
  const media = mediaType(contentType);
  if (isJsonMedia(media) || media.includes("json")) return "json";
  if (media.endsWith("/xml") || media.endsWith("+xml")) return "xml";
  if (media === "text/html") return "html";
  return "text";
}

/** Body text of an example: pretty JSON for JSON media types, the string itself otherwise. */
export function exampleText(example: unknown, contentType: string): string {
  if (previewLanguage(contentType) === "json") {
    return example === undefined ? "" : JSON.stringify(example, null, 2);
  }
  return typeof example === "string" ? example : scalarText(example);
}

function formFields(example: unknown): Array<{ key: string; value: string }> {
  if (example === null || typeof example !== "object" || Array.isArray(example)) return [];
  const fields: Array<{ key: string; value: string }> = [];
  for (const [key, value] of Object.entries(example)) {
    if (value === undefined) continue;
    // Arrays travel as repeated fields (OpenAPI's default `explode: true` for forms).
    const values = Array.isArray(value) ? value : [value];
    for (const item of values) fields.push({ key, value: scalarText(item) });
  }
  return fields;
}

const asParams = (fields: Array<{ key: string; value: string }>): PostmanFormParam[] =>
  fields.map(({ key, value }) => ({ key, value, type: "text" as const }));

function fileParams(part: FilePart): PostmanFormParam[] {
  const { src } = sampleFor(part.contentType);
  const param: PostmanFormParam = { key: part.name, type: "file", src };
  if (part.contentType) param.contentType = part.contentType;
  return Array.from({ length: part.count }, () => ({ ...param }));
}

/**
 * Multipart fields in the example's order, each file property as file parts (a sample file)
 * where the example has a placeholder text; file properties the example leaves out follow.
 */
function multipartParams(
  fields: ReadonlyArray<{ key: string; value: string }>,
  files: readonly FilePart[],
): PostmanFormParam[] {
  const byName = new Map(files.map((part) => [part.name, part]));
  const params: PostmanFormParam[] = [];
  const sent = new Set<string>();
  for (const field of fields) {
    const part = byName.get(field.key);
    if (!part) params.push({ key: field.key, value: field.value, type: "text" });
    else if (!sent.has(part.name)) params.push(...fileParams(part));
    sent.add(field.key);
  }
  for (const part of files) if (!sent.has(part.name)) params.push(...fileParams(part));
  return params;
}

export interface RequestBodyParts {
  body: PostmanBody;
  /** Content-Type to send; absent for multipart, whose boundary Postman chooses. */
  contentType?: string;
}

/**
 * Body text as sent, the spec's `{{…}}` made literal for the medium (literal.ts); the user's
 * own values keep their variables.
 */
function literalText(text: string, language: string, user: boolean): string {
  if (user) return text;
  if (language === "json") return jsonLiteral(text);
  if (language === "xml" || language === "html") return xmlLiteral(text);
  return plainLiteral(text);
}

export function requestBody(model: BodyModel): RequestBodyParts {
  const media = mediaType(model.contentType);
  const user = model.exampleSource === "user";
  if (media === "application/x-www-form-urlencoded") {
    const fields = formFields(model.example);
    // Postman encodes form fields itself, after substituting variables: spec text that looks
    // like one goes as a raw body encoded here, which arrives as exactly the spec's value.
    if (!user && fields.some((f) => looksLikeVariable(f.key) || looksLikeVariable(f.value))) {
      const raw = new URLSearchParams(
        fields.map((f): [string, string] => [f.key, f.value]),
      ).toString();
      return { body: { mode: "raw", raw }, contentType: model.contentType };
    }
    return {
      body: { mode: "urlencoded", urlencoded: asParams(fields) },
      contentType: model.contentType,
    };
  }
  if (media === "multipart/form-data") {
    const fields = formFields(model.example).map(({ key, value }) => ({
      key,
      value: user ? value : plainLiteral(value),
    }));
    // The user's own body goes as written (overrides cannot name a file yet).
    const files = user ? [] : (model.files ?? []);
    return { body: { mode: "formdata", formdata: multipartParams(fields, files) } };
  }
  if (model.binary && !user) {
    return {
      body: { mode: "file", file: { src: sampleFor(media).src } },
      contentType: model.contentType,
    };
  }
  const language = previewLanguage(model.contentType);
  let raw = literalText(exampleText(model.example, model.contentType), language, user);
  if (language === "json") {
    for (const name of model.unquoted ?? []) raw = raw.replaceAll(`"{{${name}}}"`, `{{${name}}}`);
  }
  const body: PostmanBody =
    language === "text"
      ? { mode: "raw", raw }
      : { mode: "raw", raw, options: { raw: { language } } };
  // `*/*` is a fine thing to accept but not a Content-Type one can send.
  return { body, contentType: media === "*/*" ? "application/json" : model.contentType };
}
