import type { OpenApiDocument } from "../load/types";
import type { SchemaEnv } from "../model/sample/env";
import { sampleSchema } from "../model/sample/index";
import type { OasSchema } from "../model/types";
import type { SchemaValidator } from "../schema/validator";
import { isJsonType } from "./request-body";
import { sampleQuietly } from "./sampler";

export interface BodySource {
  mediaType: string;
  schema?: OasSchema;
  /** The spec's own example, when it gives one (what the collection's saved response shows). */
  example?: unknown;
}

export interface GeneratedBody {
  value: unknown;
  /** What goes on the wire. */
  text: string;
  /** Why no candidate matched the schema, when none did. */
  warning?: string;
}

/** JSON types are serialised; other types send strings as they are. */
export function serialise(mediaType: string, value: unknown): string {
  if (!isJsonType(mediaType) && typeof value === "string") return value;
  return JSON.stringify(value) ?? "";
}

/**
 * The body the mock answers with: the spec's example when the contract translation accepts
 * it, else the generator's own sample (model/sample, the sampler the collection's examples
 * come from, with its final check by the same validator). The contract test therefore judges
 * the mock's bodies by the rule they were made by. If nothing fits, the best effort is sent
 * and the reason reported, because a spec whose schemas admit no value deserves a word.
 */
export function generateBody(
  source: BodySource,
  document: OpenApiDocument,
  validator: SchemaValidator,
  env: SchemaEnv,
): GeneratedBody {
  const isXml = /[/+]xml$/.test(source.mediaType);
  if (source.schema === undefined) {
    const value = source.example ?? (isJsonType(source.mediaType) ? {} : "");
    return { value, text: serialise(source.mediaType, value) };
  }
  if (isXml && source.example === undefined) {
    const text = String(sampleQuietly(source.schema, { format: "xml" }, document));
    return { value: text, text };
  }
  const failures: string[] = [];
  if (source.example !== undefined) {
    const error = validator.firstError(source.example, source.schema, "response", "example");
    if (error === undefined)
      return { value: source.example, text: serialise(source.mediaType, source.example) };
    failures.push(`the spec's example fails: ${error}`);
  }
  const sample = sampleSchema(source.schema, env, document);
  const text = serialise(source.mediaType, sample.value);
  if (sample.error === undefined) return { value: sample.value, text };
  failures.push(`the generated sample fails: ${sample.error}`);
  return { value: sample.value, text, warning: failures.join("; ") };
}
