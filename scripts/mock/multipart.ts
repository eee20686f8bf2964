import { isObject } from "../load/pointer";
import { fileParts } from "../schema/binary";
import { keptRequired } from "../schema/required";
import { followSchema } from "../schema/semantics";
import type { Dialect, Resolve } from "../schema/types";

/** One part of a multipart/form-data body: its field name and whether it is a file. */
interface Part {
  name: string;
  file: boolean;
}

/** Bounds the parse of a hostile body (the body itself is bounded by the mock's limit). */
const MAX_PARTS = 1000;

const DISPOSITION = /^content-disposition:([^\r\n]*)/im;
const NAME = /(?:^|;)\s*name=(?:"([^"]*)"|([^;\s]+))/i;
const FILENAME = /(?:^|;)\s*filename\*?=/i;

/**
 * The parts of a multipart/form-data body, read from the text the mock receives (file bytes
 * need not survive decoding: only the part headers are read). Undefined without a boundary
 * or any part: the mock then judges what it cannot read no further.
 */
export function multipartParts(contentType: string, body: string): Part[] | undefined {
  const boundary = /;\s*boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  const delimiter = `--${boundary?.[1] ?? boundary?.[2] ?? ""}`;
  if (delimiter === "--") return undefined;
  const parts: Part[] = [];
  let at = body.indexOf(delimiter);
  while (at >= 0 && parts.length < MAX_PARTS) {
    const start = at + delimiter.length;
    if (body.startsWith("--", start)) break;
    const headEnd = body.indexOf("\r\n\r\n", start);
    if (headEnd < 0) break;
    const disposition = DISPOSITION.exec(body.slice(start, headEnd))?.[1] ?? "";
    const name = NAME.exec(disposition);
    if (name) parts.push({ name: name[1] ?? name[2] ?? "", file: FILENAME.test(disposition) });
    at = body.indexOf(delimiter, headEnd);
  }
  return parts.length > 0 ? parts : undefined;
}

/**
 * What a multipart body lacks for its schema: a file part (one with a filename) wherever the
 * schema wants bytes (schema/binary.ts, the generator's own rule), and a part for each
 * required property. Text values are not checked: their encodings (JSON parts, styles) vary.
 */
export function multipartProblems(
  schema: unknown,
  contentType: string,
  body: string,
  dialect: Dialect,
  resolve: Resolve,
): string[] {
  const parts = multipartParts(contentType, body);
  if (!parts) return [];
  const problems: string[] = [];
  for (const property of fileParts(schema, undefined, dialect, resolve)) {
    if (parts.some((p) => p.name === property.name && !p.file)) {
      problems.push(
        `request body at /${property.name} must be a file (a part with a filename), not a text field`,
      );
    }
  }
  const { target } = followSchema(schema, dialect, resolve);
  const required = isObject(target) && Array.isArray(target.required) ? target.required : [];
  const names = required.filter((n): n is string => typeof n === "string");
  for (const name of isObject(target) ? keptRequired(names, target, [], "request", resolve) : []) {
    if (!parts.some((p) => p.name === name)) {
      problems.push(`request body must have required property '${name}'`);
    }
  }
  return problems;
}
