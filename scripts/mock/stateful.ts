import { singular } from "../model/chains-infer";
import type { ApiModel, OperationModel } from "../model/types";
import type { SchemaValidator } from "../schema/validator";
import { chosenResponse, type PreparedResponse } from "./prepared-responses";
import { type MockReply, mockError } from "./reply";
import type { ResourceState } from "./state";
import type { StateInfo } from "./types";

type JsonObject = Record<string, unknown>;

/** Created items a list answer shows at most, before the sampled ones. */
const LIST_LIMIT = 100;
/** Unknown item paths remembered for `stateInfo()`. */
const UNKNOWN_LIMIT = 100;

export interface StatefulContext {
  model: ApiModel;
  validator: SchemaValidator;
  state: ResourceState;
  /** The path of the spec's server URL (`/v1`), for `Location`. */
  basePath: string;
}

export interface StatefulRequest {
  operation: OperationModel;
  /** Path relative to the base path, as sent. */
  path: string;
  body: unknown;
  contentType: string | undefined;
}

const isObject = (value: unknown): value is JsonObject =>
  typeof value === "object" && value !== null && !Array.isArray(value);

function decode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** `/projects/p%201/` → `/projects/p 1`: one key whatever the encoding and trailing slash. */
const keyOf = (path: string) =>
  `/${path
    .replace(/^\/|\/$/g, "")
    .split("/")
    .map(decode)
    .join("/")}`.replace(/^\/$/, "");

const isItemTemplate = (path: string) => /\/\{[^{}/]+\}\/?$/.test(path);
const parentTemplate = (path: string) => path.replace(/\/\{[^{}/]+\}\/?$/, "");

function requestObject(request: StatefulRequest): JsonObject | undefined {
  if (isObject(request.body)) return request.body;
  if (typeof request.body !== "string" || !/json/i.test(request.contentType ?? ""))
    return undefined;
  try {
    const parsed: unknown = JSON.parse(request.body);
    return isObject(parsed) ? parsed : undefined;
  } catch {
    return undefined;
  }
}

/** `base` with the fields the client sent that `base` also has (never its id). */
function overlay(base: JsonObject, sent: JsonObject | undefined, idField?: string): JsonObject {
  const out = { ...base };
  for (const [key, value] of Object.entries(sent ?? {})) {
    if (key in base && key !== idField) out[key] = value;
  }
  return out;
}

/**
 * The stateful half of the mock: POST/PUT/PATCH store what they created, GET answers with it,
 * DELETE forgets it (404 afterwards). Every answer is still judged by the schema core: a
 * stored item that the operation's response schema does not accept is not served, the
 * sampled answer is. Undefined: answer as a stateless mock would.
 */
export class StatefulAnswers {
  readonly #context: StatefulContext;
  readonly #idFields = new Map<string, string | undefined>();
  readonly #creatable: Set<string>;
  #served = 0;
  readonly #unknown: string[] = [];

  constructor(context: StatefulContext) {
    this.#context = context;
    this.#creatable = new Set(
      context.model.operations.filter((op) => op.method === "post").map((op) => op.path),
    );
  }

  info(): StateInfo {
    return { served: this.#served, unknownIds: [...this.#unknown] };
  }

  reset(): void {
    this.#context.state.clear();
    this.#served = 0;
    this.#unknown.length = 0;
  }

  answer(request: StatefulRequest, prepared: PreparedResponse): MockReply | undefined {
    const { operation } = request;
    const key = keyOf(request.path);
    const item = isItemTemplate(operation.path);
    if (item && operation.method !== "post" && this.#context.state.isDeleted(key)) {
      return mockError(404, `${request.path} was deleted.`);
    }
    if (prepared.status < 200 || prepared.status > 299) return undefined;
    const content = prepared.contents.find((c) => /json/i.test(c.mediaType));
    const stored = this.#context.state.get(key);
    if (item && stored === undefined && operation.method !== "post") this.#noteUnknown(request);
    switch (operation.method) {
      case "post":
        return this.#create(request, prepared, key);
      case "delete":
        if (item) this.#context.state.delete(key);
        return undefined;
      case "put":
      case "patch": {
        if (!item || !content || !isObject(content.value)) return undefined;
        if (stored === undefined && operation.method === "patch") return undefined;
        const base = isObject(stored) ? stored : content.value;
        const next = overlay(base, requestObject(request));
        if (!this.#valid(next, content.schema)) return undefined;
        this.#context.state.put(key, next);
        if (stored !== undefined) this.#served += 1;
        return this.#reply(prepared, content.mediaType, next);
      }
      case "get": {
        if (!content) return undefined;
        if (item) return stored === undefined ? undefined : this.#serve(prepared, content, stored);
        return this.#list(prepared, content, key);
      }
      default:
        return undefined;
    }
  }

  #noteUnknown(request: StatefulRequest): void {
    if (!this.#creatable.has(parentTemplate(request.operation.path))) return;
    if (this.#unknown.length < UNKNOWN_LIMIT)
      this.#unknown.push(`${request.operation.method.toUpperCase()} ${request.path}`);
  }

  #create(
    request: StatefulRequest,
    prepared: PreparedResponse,
    key: string,
  ): MockReply | undefined {
    const content = prepared.contents.find((c) => /json/i.test(c.mediaType));
    if (!content || !isObject(content.value)) return undefined;
    const idField = this.#idField(request.operation, content.value);
    if (idField === undefined) return undefined;
    // What the client sent where the schema still accepts it, else the sample with a new id.
    const created =
      this.#issue(
        overlay(content.value, requestObject(request), idField),
        idField,
        content.schema,
      ) ?? this.#issue(content.value, idField, content.schema);
    if (created === undefined) return undefined;
    const id = String(created[idField]);
    this.#context.state.put(`${key}/${id}`, created, true);
    const documented = chosenResponse(request.operation)?.headers ?? [];
    const location: Record<string, string> = {};
    if (documented.some((h) => h.name.toLowerCase() === "location")) {
      const collection = request.path.replace(/\/$/, "");
      location.location = `${this.#context.basePath}${collection}/${encodeURIComponent(id)}`;
    }
    return this.#reply(prepared, content.mediaType, created, location);
  }

  /** `base` with a fresh id, when the response schema accepts the result. */
  #issue(base: JsonObject, idField: string, schema: unknown): JsonObject | undefined {
    const sampled = base[idField];
    const n = this.#context.state.nextNumber();
    const uuid = `00000000-0000-4000-8000-${n.toString(16).padStart(12, "0")}`;
    const candidates: unknown[] =
      typeof sampled === "number"
        ? [n]
        : /^[0-9a-f]{8}-[0-9a-f]{4}-/i.test(String(sampled))
          ? [uuid]
          : [`${String(sampled)}-${n}`, String(n), uuid];
    for (const candidate of candidates) {
      const created = { ...base, [idField]: candidate };
      if (this.#valid(created, schema)) return created;
    }
    return undefined;
  }

  /** The field chains read the created id from: the spec's links first, then `id`, `thingId`. */
  #idField(operation: OperationModel, sample: JsonObject): string | undefined {
    if (this.#idFields.has(operation.key)) return this.#idFields.get(operation.key);
    const linked = (this.#context.model.chains ?? []).find(
      (chain) =>
        chain.producer === operation.key &&
        chain.source.from === "body" &&
        chain.source.pointer.length === 1 &&
        chain.target.in === "path",
    );
    const resource = singular(operation.path.split("/").filter(Boolean).at(-1) ?? "");
    const named = linked?.source.from === "body" ? [linked.source.pointer[0] as string] : [];
    const field = [...named, "id", `${resource}Id`, `${resource}_id`].find((name) => {
      const value = sample[name];
      return typeof value === "string" || typeof value === "number";
    });
    this.#idFields.set(operation.key, field);
    return field;
  }

  #serve(
    prepared: PreparedResponse,
    content: PreparedResponse["contents"][number],
    stored: unknown,
  ): MockReply | undefined {
    const candidates = [
      stored,
      isObject(content.value) && isObject(stored) ? overlay(content.value, stored) : undefined,
    ];
    const value = candidates.find((c) => c !== undefined && this.#valid(c, content.schema));
    if (value === undefined) return undefined;
    this.#served += 1;
    return this.#reply(prepared, content.mediaType, value);
  }

  /** A list answer with the items created under this path first (array, or `{items: [...]}`). */
  #list(
    prepared: PreparedResponse,
    content: PreparedResponse["contents"][number],
    key: string,
  ): MockReply | undefined {
    const created = this.#context.state.children(key, LIST_LIMIT);
    if (created.length === 0) return undefined;
    const sample = content.value;
    let value: unknown;
    if (Array.isArray(sample)) value = [...created, ...sample];
    else if (isObject(sample)) {
      const field = Object.keys(sample).find((name) => Array.isArray(sample[name]));
      if (field === undefined) return undefined;
      value = { ...sample, [field]: [...created, ...(sample[field] as unknown[])] };
    }
    if (value === undefined || !this.#valid(value, content.schema)) return undefined;
    this.#served += 1;
    return this.#reply(prepared, content.mediaType, value);
  }

  #valid(value: unknown, schema: unknown): boolean {
    return (
      schema === undefined ||
      this.#context.validator.firstError(value, schema, "response", "body") === undefined
    );
  }

  #reply(
    prepared: PreparedResponse,
    mediaType: string,
    value: unknown,
    extra: Record<string, string> = {},
  ): MockReply {
    return {
      status: prepared.status,
      headers: { ...prepared.headers, ...extra, "content-type": mediaType },
      body: { text: JSON.stringify(value) },
    };
  }
}
