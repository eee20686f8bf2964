import type { BodyModel } from "../model/types";
import { scalarText } from "./params";
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

function formParams(example: unknown): PostmanFormParam[] {
  if (example === null || typeof example !== "object" || Array.isArray(example)) return [];
  const params: PostmanFormParam[] = [];
  for (const [key, value] of Object.entries(example)) {
    if (value === undefined) continue;
    // Arrays travel as repeated fields (OpenAPI's default `explode: true` for forms).
    const values = Array.isArray(value) ? value : [value];
    for (const item of values) params.push({ key, value: scalarText(item), type: "text" });
  }
  return params;
}

export interface RequestBodyParts {
  body: PostmanBody;
  /** Content-Type to send; absent for multipart, whose boundary Postman chooses. */
  contentType?: string;
}

export function requestBody(model: BodyModel): RequestBodyParts {
  const media = mediaType(model.contentType);
  if (media === "application/x-www-form-urlencoded") {
    return {
      body: { mode: "urlencoded", urlencoded: formParams(model.example) },
      contentType: model.contentType,
    };
  }
  if (media === "multipart/form-data") {
    return { body: { mode: "formdata", formdata: formParams(model.example) } };
  }
  const language = previewLanguage(model.contentType);
  const raw = exampleText(model.example, model.contentType);
  const body: PostmanBody =
    language === "text"
      ? { mode: "raw", raw }
      : { mode: "raw", raw, options: { raw: { language } } };
  // `*/*` is a fine thing to accept but not a Content-Type one can send.
  return { body, contentType: media === "*/*" ? "application/json" : model.contentType };
}
