import type { SchemaEnv } from "../model/sample/env";
import { sampleSchema } from "../model/sample/index";
import type { ApiModel, OasSchema, OperationModel, ResponseModel } from "../model/types";
import { resolveRef } from "../schema/semantics";
import type { SchemaValidator } from "../schema/validator";
import { invalidBodyFor, undocumentedStatus, wrongContentType } from "./mutations";
import type { MockReply } from "./reply";
import { generateBody, serialise } from "./response-body";
import type { MockFaults } from "./types";

interface PreparedContent {
  mediaType: string;
  schema?: OasSchema;
  value: unknown;
  text: string;
  /** Computed on first use: only contract tests ask for it. */
  invalidText?: string | null;
}

/** The successful answer of one operation, computed on its first request. */
export interface PreparedResponse {
  status: number;
  headers: Record<string, string>;
  contents: PreparedContent[];
  /** For the `undocumentedStatus` fault. */
  undocumentedStatus: number;
  /** For the `wrongContentType` fault. */
  wrongContentType: string;
}

/**
 * The first documented 2xx (explicit or `2XX`), else the first documented response that can
 * end an exchange (a 1xx cannot: the client would wait for the real answer forever).
 */
export function chosenResponse(operation: OperationModel): ResponseModel | undefined {
  const final = operation.responses.filter((response) => !/^1/.test(response.status));
  return final.find((response) => /^2(\d\d|XX)$/i.test(response.status)) ?? final[0];
}

/** `2XX` answers 200, `default` 200, `4XX` 400: the first code a range stands for. */
export function statusNumber(status: string): number {
  if (/^\d{3}$/.test(status)) return Number(status);
  if (/^[1-5]XX$/i.test(status)) return Number(status[0]) * 100;
  return 200;
}

function headerValue(name: string, schema: OasSchema | undefined, context: Preparing): string {
  if (schema === undefined) return "specpost";
  const { value } = sampleSchema(schema, context.env, context.model.spec.document, { name });
  if (value === undefined || value === null) return "specpost";
  return typeof value === "string" ? value : JSON.stringify(value);
}

interface Preparing {
  model: ApiModel;
  validator: SchemaValidator;
  /** The generator's sampling environment for responses, judged by `validator`. */
  env: SchemaEnv;
  warnings: string[];
}

/** 501 with the mock's error body, whatever the faults: there is no answer to mutate. */
function unanswerable(message: string): PreparedResponse {
  const value = { status: "501 - Not Implemented", name: "Not Implemented", message };
  const text = JSON.stringify(value);
  return {
    status: 501,
    headers: {},
    contents: [{ mediaType: "application/json", value, text, invalidText: text }],
    undocumentedStatus: 501,
    wrongContentType: "application/json",
  };
}

function prepare(operation: OperationModel, context: Preparing): PreparedResponse {
  const { model, validator, env, warnings } = context;
  const response = chosenResponse(operation);
  const structural = structuralWarning(operation);
  if (structural !== undefined) return unanswerable(structural);
  const headers: Record<string, string> = {};
  for (const header of response?.headers ?? []) {
    if (header.required)
      headers[header.name.toLowerCase()] = headerValue(header.name, header.schema, context);
  }
  const contents = (response?.contents ?? []).map((content): PreparedContent => {
    const body = generateBody(
      {
        mediaType: content.contentType,
        schema: content.schema,
        example: content.example,
      },
      model.spec.document,
      validator,
      env,
    );
    if (body.warning) {
      warnings.push(
        `${operation.key} → ${response?.status} ${content.contentType}: no generated body matches the schema (${body.warning})`,
      );
    }
    return {
      mediaType: content.contentType,
      schema: content.schema,
      value: body.value,
      text: body.text,
    };
  });
  return {
    status: statusNumber(response?.status ?? "200"),
    headers,
    contents,
    undocumentedStatus: undocumentedStatus(operation.responses),
    wrongContentType: wrongContentType(
      operation.responses.flatMap((r) => r.contents.map((c) => c.contentType)),
    ),
  };
}

/** Operations answered at most, prepared on first request; the oldest is dropped beyond it. */
export const PREPARED_LIMIT = 2048;

/**
 * Answers prepared lazily: an operation's sample is generated (and checked by the schema
 * core) when the first request reaches it, then kept, so start-up costs nothing per
 * operation. Warnings of an operation appear when it is prepared.
 */
export class PreparedResponses {
  readonly #cache = new Map<string, PreparedResponse>();
  readonly #context: Preparing;
  readonly #limit: number;
  readonly #onWarning: (warning: string) => void;

  constructor(
    model: ApiModel,
    validator: SchemaValidator,
    onWarning: (warning: string) => void,
    limit = PREPARED_LIMIT,
  ) {
    const { document, version } = model.spec;
    const env: SchemaEnv = {
      is31: version === "3.1",
      mode: "response",
      resolve: (ref) => resolveRef(document, ref),
      verdict: (value, schema, path) => validator.firstError(value, schema, "response", path),
    };
    this.#context = { model, validator, env, warnings: [] };
    this.#limit = Math.max(1, limit);
    this.#onWarning = onWarning;
  }

  get(operation: OperationModel): PreparedResponse {
    const cached = this.#cache.get(operation.key);
    if (cached) return cached;
    const warnings = this.#context.warnings;
    const before = warnings.length;
    const prepared = prepare(operation, this.#context);
    for (const warning of warnings.splice(before)) this.#onWarning(warning);
    if (this.#cache.size >= this.#limit) {
      const oldest = this.#cache.keys().next().value;
      if (oldest !== undefined) this.#cache.delete(oldest);
    }
    this.#cache.set(operation.key, prepared);
    return prepared;
  }
}

/** What can be said of an operation without sampling anything: checked for all at start-up. */
export function structuralWarning(operation: OperationModel): string | undefined {
  return !chosenResponse(operation) && operation.responses.length > 0
    ? `${operation.key} documents only informational (1xx) statuses, which cannot end an exchange.`
    : undefined;
}

/** The content the client asked for (`Accept`), else the first documented one. */
function negotiate(
  contents: PreparedContent[],
  accept: string | undefined,
): PreparedContent | undefined {
  const wanted = (accept ?? "")
    .split(",")
    .map((part) => (part.split(";")[0] ?? "").trim().toLowerCase())
    .filter((type) => type !== "" && type !== "*/*");
  for (const type of wanted) {
    const exact = contents.find((content) => content.mediaType.toLowerCase() === type);
    if (exact) return exact;
    if (type.endsWith("/*")) {
      const prefix = type.slice(0, -1);
      const ranged = contents.find((content) => content.mediaType.toLowerCase().startsWith(prefix));
      if (ranged) return ranged;
    }
  }
  return contents[0];
}

function invalidText(content: PreparedContent, validator: SchemaValidator): string {
  if (content.invalidText === undefined) {
    const invalid = invalidBodyFor(content.schema, content.value, validator);
    // Nothing the schema rejects: a body that is not even JSON still breaks the contract.
    content.invalidText = invalid === undefined ? null : serialise(content.mediaType, invalid);
  }
  return content.invalidText ?? "{specpost: this is not JSON";
}

/** The successful answer with the active mutation faults applied. */
export function renderResponse(
  prepared: PreparedResponse,
  faults: MockFaults,
  accept: string | undefined,
  validator: SchemaValidator,
): MockReply {
  const status = faults.undocumentedStatus ? prepared.undocumentedStatus : prepared.status;
  const content = negotiate(prepared.contents, accept);
  if (!content) return { status, headers: { ...prepared.headers } };
  const contentType = faults.wrongContentType ? prepared.wrongContentType : content.mediaType;
  const text = faults.invalidBody ? invalidText(content, validator) : content.text;
  return {
    status,
    headers: { ...prepared.headers, "content-type": contentType },
    body: { text },
  };
}
