import { scriptAssetLines } from "../assets";
import { escapeSegment } from "../load/pointer";
import type { ApiModel, OperationModel, ResponseModel } from "../model/types";
import type { Draft07Schema, SchemaRegistry } from "../schema/types";

/** What the spec documents for one response status, as contract.js reads it. */
export interface ResponseContract {
  /**
   * Media type as written → schema (absent when the spec gives none) and its display name.
   * Absent when the status documents no content. Empty parts are left out: every byte of
   * this data is shipped into the sandbox before each request.
   */
  content?: Record<string, { schema?: Draft07Schema; name?: string }>;
  /** Response headers the spec marks required; absent when none. */
  headers?: string[];
}

export interface OperationContract {
  /** `GET /userlist`: starts every assertion name. */
  key: string;
  /** Lets the script stay quiet on secured requests after a failed token fetch. */
  secured: boolean;
  /** By status as written (`200`, `2XX`, `default`). */
  responses: Record<string, ResponseContract>;
  /** Statuses the user declared for this operation (overrides): replaces the happy-path check. */
  expect?: number[];
  /** The request could not be built valid (an unsatisfiable schema): a 4xx may be right. */
  mayReject?: true;
}

const DEFINITION_REF = "#/definitions/";

/** One operation's contract and the definitions its schemas reach, for its request's script. */
export interface RequestContract {
  contract: OperationContract;
  schemas: Record<string, Draft07Schema>;
}

/**
 * Every operation's contract by operation key, each with only the definitions it reaches: a
 * request carries its own, so no script shipped before every request holds all of them.
 */
export function requestContracts(
  model: ApiModel,
  registry: SchemaRegistry,
): Map<string, RequestContract> {
  const contracts = new Map<string, OperationContract>();
  for (const operation of model.operations) {
    contracts.set(operation.key, operationContract(operation, registry));
  }
  // Read after translating: the registry collects definitions as schemas reach them.
  const all = registry.definitions();
  const out = new Map<string, RequestContract>();
  for (const [key, contract] of contracts) {
    out.set(key, { contract, schemas: reachableDefinitions([contract], all) });
  }
  return out;
}

/** Exec lines of the collection-level "test" event: the checks, scripts/postman/contract*.js. */
export function contractTestScript(): string[] {
  return [...postmanScriptLines("contract-schema.js"), ...postmanScriptLines("contract.js")];
}

export function operationContract(
  operation: OperationModel,
  registry: SchemaRegistry,
): OperationContract {
  const responses: Record<string, ResponseContract> = {};
  for (const response of operation.responses) {
    responses[statusKey(response.status)] = responseContract(response, registry);
  }
  const contract: OperationContract = { key: operation.key, secured: operation.secured, responses };
  if (operation.expectStatuses && operation.expectStatuses.length > 0) {
    contract.expect = [...operation.expectStatuses];
  }
  if (operation.mayReject || operation.requestBody?.mayReject) contract.mayReject = true;
  return contract;
}

function responseContract(response: ResponseModel, registry: SchemaRegistry): ResponseContract {
  const content: ResponseContract["content"] = {};
  for (const entry of response.contents) {
    if (entry.schema === undefined) {
      content[entry.contentType] = {};
      continue;
    }
    const name = registry.nameOf(entry.schema);
    const at = response.pointer
      ? `${response.pointer}/content/${escapeSegment(entry.contentType)}/schema`
      : undefined;
    const schema = registry.translate(entry.schema, "response", at);
    content[entry.contentType] = name === undefined ? { schema } : { schema, name };
  }
  const headers = response.headers.filter((h) => h.required).map((h) => h.name);
  const contract: ResponseContract = {};
  if (Object.keys(content).length > 0) contract.content = content;
  if (headers.length > 0) contract.headers = headers;
  return contract;
}

/** `2xx` and `2XX` mean the same range; contract.js looks ranges up upper-cased. */
function statusKey(status: string): string {
  return /^[1-5]xx$/i.test(status) ? status.toUpperCase() : status;
}

/**
 * Only the definitions a response schema reaches: the registry also holds request-side
 * definitions, and every definition shipped is parsed again before each request.
 */
export function reachableDefinitions(
  roots: unknown[],
  definitions: Record<string, Draft07Schema>,
): Record<string, Draft07Schema> {
  const reached = new Set<string>();
  const pending: unknown[] = [...roots];
  while (pending.length > 0) {
    const node = pending.pop();
    if (Array.isArray(node)) {
      pending.push(...node);
    } else if (node !== null && typeof node === "object") {
      for (const [key, value] of Object.entries(node)) {
        const name =
          key === "$ref" && typeof value === "string" ? definitionName(value) : undefined;
        if (name !== undefined && !reached.has(name) && name in definitions) {
          reached.add(name);
          pending.push(definitions[name]);
        } else {
          pending.push(value);
        }
      }
    }
  }
  const kept: Record<string, Draft07Schema> = {};
  for (const [name, schema] of Object.entries(definitions)) {
    if (reached.has(name)) kept[name] = schema;
  }
  return kept;
}

function definitionName(ref: string): string | undefined {
  if (!ref.startsWith(DEFINITION_REF)) return undefined;
  const pointer = ref.slice(DEFINITION_REF.length);
  if (pointer.includes("/")) return undefined;
  try {
    return decodeURIComponent(pointer).replace(/~1/g, "/").replace(/~0/g, "~");
  } catch {
    return undefined;
  }
}

/** A scripts/postman/*.js file as exec lines, one per source line, inlined verbatim. */
export function postmanScriptLines(file: string): string[] {
  return scriptAssetLines(`postman/${file}`);
}
