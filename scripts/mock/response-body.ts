import type { OasSchema } from "../model/types";
import type { OpenApiDocument } from "../spec/types";
import { deref } from "./normalize-schema";
import { pruneToValid } from "./prune";
import { isJsonType } from "./request-body";
import { sampleQuietly } from "./sampler";
import type { SchemaValidator } from "./schema-validator";

export interface BodySource {
  mediaType: string;
  schema?: OasSchema;
  /** The spec's own example, when it gives one. */
  example?: unknown;
  /** openapi-backend's mocker for this response (example, else mock-json-schema). */
  backendMock?: () => unknown;
}

export interface GeneratedBody {
  value: unknown;
  /** What goes on the wire. */
  text: string;
  /** Why no candidate matched the schema, when none did. */
  warning?: string;
}

function sampled(source: BodySource, document: OpenApiDocument, onlyRequired: boolean): unknown {
  const options = { skipWriteOnly: true, skipNonRequired: onlyRequired, enablePatterns: true };
  return sampleQuietly(source.schema as OasSchema, options, document);
}

/**
 * openapi-sampler always samples the first branch of a oneOf; when branches overlap, that
 * sample matches several and fails "exactly one". Each branch on its own may do better.
 */
function branchCandidates(
  source: BodySource,
  document: OpenApiDocument,
): [string, () => unknown][] {
  const schema = deref(document, source.schema) as Record<string, unknown> | undefined;
  const branches = schema?.oneOf ?? schema?.anyOf;
  if (!Array.isArray(branches)) return [];
  return branches.map((branch, index): [string, () => unknown] => [
    `openapi-sampler's sample of branch ${index + 1}`,
    () => sampled({ ...source, schema: branch as OasSchema }, document, false),
  ]);
}

/** JSON types are serialised; other types send strings as they are. */
export function serialise(mediaType: string, value: unknown): string {
  if (!isJsonType(mediaType) && typeof value === "string") return value;
  return JSON.stringify(value) ?? "";
}

/**
 * The body the mock answers with: the spec's example when it matches the schema, else
 * openapi-backend's mock, else openapi-sampler's (deterministic, honours `pattern`), else
 * that sample pruned of what the schema objects to, else a sample of each oneOf branch; each
 * checked with Ajv. The first valid candidate wins; if none is, the best effort is sent and
 * the reason reported, because a spec whose schemas admit no value deserves a word.
 */
export function generateBody(
  source: BodySource,
  document: OpenApiDocument,
  validator: SchemaValidator,
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
  const check = (value: unknown) => validator.check(source.schema, value, "response");
  const candidates: [string, () => unknown][] = [
    ["the spec's example", () => source.example],
    ["openapi-backend's mock", () => source.backendMock?.()],
    ["openapi-sampler's sample", () => sampled(source, document, false)],
    ["openapi-sampler's sample of required properties", () => sampled(source, document, true)],
    [
      "openapi-sampler's sample, pruned",
      () => pruneToValid(sampled(source, document, false), check),
    ],
    ...branchCandidates(source, document),
  ];
  const failures: string[] = [];
  let fallback: unknown;
  for (const [name, produce] of candidates) {
    let value: unknown;
    try {
      value = produce();
    } catch {
      continue; // a sampler that chokes on an odd schema is just one candidate less
    }
    if (value === undefined) continue;
    fallback ??= value;
    const result = check(value);
    if (result.valid) return { value, text: serialise(source.mediaType, value) };
    const first = result.issues[0];
    failures.push(`${name} fails${first ? ` at '${first.path}' (${first.message})` : ""}`);
  }
  const value = fallback ?? {};
  return {
    value,
    text: serialise(source.mediaType, value),
    warning: failures.length > 0 ? failures.join("; ") : "no body could be generated",
  };
}
