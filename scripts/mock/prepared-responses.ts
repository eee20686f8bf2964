import type { ApiModel, OasSchema, OperationModel, ResponseModel } from "../model/types";
import { invalidBodyFor, undocumentedStatus, wrongContentType } from "./mutations";
import type { MockReply } from "./reply";
import { generateBody, serialise } from "./response-body";
import { sampleQuietly } from "./sampler";
import type { SchemaValidator } from "./schema-validator";
import type { MockFaults } from "./types";

interface PreparedContent {
  mediaType: string;
  schema?: OasSchema;
  value: unknown;
  text: string;
  /** Computed on first use: only contract tests ask for it. */
  invalidText?: string | null;
}

/** The successful answer of one operation, computed once at start-up. */
export interface PreparedResponse {
  status: number;
  headers: Record<string, string>;
  contents: PreparedContent[];
  /** For the `undocumentedStatus` fault. */
  undocumentedStatus: number;
  /** For the `wrongContentType` fault. */
  wrongContentType: string;
}

export type BackendMock = (operationKey: string, status: string, mediaType: string) => unknown;

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

function headerValue(schema: OasSchema | undefined): string {
  if (schema === undefined) return "specpost";
  try {
    const value = sampleQuietly(schema, {});
    if (value === undefined || value === null) return "specpost";
    return typeof value === "string" ? value : JSON.stringify(value);
  } catch {
    return "specpost";
  }
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

function prepare(
  model: ApiModel,
  operation: OperationModel,
  backendMock: BackendMock,
  validator: SchemaValidator,
  warnings: string[],
): PreparedResponse {
  const response = chosenResponse(operation);
  if (!response && operation.responses.length > 0) {
    const message = `${operation.key} documents only informational (1xx) statuses, which cannot end an exchange.`;
    warnings.push(message);
    return unanswerable(message);
  }
  const headers: Record<string, string> = {};
  for (const header of response?.headers ?? []) {
    if (header.required) headers[header.name.toLowerCase()] = headerValue(header.schema);
  }
  const contents = (response?.contents ?? []).map((content): PreparedContent => {
    const body = generateBody(
      {
        mediaType: content.contentType,
        schema: content.schema,
        example: content.example,
        backendMock: () =>
          backendMock(operation.key, response?.status ?? "200", content.contentType),
      },
      model.spec.document,
      validator,
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

export function prepareResponses(
  model: ApiModel,
  backendMock: BackendMock,
  validator: SchemaValidator,
): { responses: Map<string, PreparedResponse>; warnings: string[] } {
  const warnings: string[] = [];
  const responses = new Map<string, PreparedResponse>();
  for (const operation of model.operations) {
    responses.set(operation.key, prepare(model, operation, backendMock, validator, warnings));
  }
  return { responses, warnings };
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
