import { scriptAssetLines } from "../assets";
import { escapeSegment } from "../load/pointer";
import type { ApiModel, OperationModel, ResponseModel } from "../model/types";
import type { Draft07Schema, SchemaRegistry } from "../schema/types";
import { objectLines } from "./contract-data";

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
  /**
   * Every answer the spec documents is a 4xx (httpbin's `/status/404`, Petstore's `DELETE
   * /user/{username}`): a documented 4xx is the promised answer, not a rejected request.
   */
  errorsOnly?: true;
}

const DEFINITION_REF = "#/definitions/";

/**
 * One operation's contract for its request's script, with the definitions only it reaches: the
 * ones it shares with other requests live once, in the collection's test script.
 */
export interface RequestContract {
  contract: OperationContract;
  schemas: Record<string, Draft07Schema>;
}

/** Every request's contract, and the definitions more than one of them reaches. */
export interface ContractPlan {
  requests: Map<string, RequestContract>;
  shared: Record<string, Draft07Schema>;
}

/**
 * How many bytes of definitions the requests may carry between them before the ones several
 * reach are written once for the collection instead. Each request carrying all it reaches
 * spares every request of the run parsing the shared table again (GitHub: 275 KB, about 5 ms a
 * request under Newman), for 3 MB more collection; Graph's would take 160 MB more.
 */
export const INLINE_BUDGET_BYTES = 8 * 1024 * 1024;

/**
 * Every operation's contract by operation key, each with the definitions it reaches, while all
 * of them together stay within `inlineBudget` bytes. Past it, a definition one request alone
 * reaches stays in that request and one that several reach is written once for the collection
 * (repeating them made Microsoft Graph's collection 276 MB); the checks follow a schema's $refs
 * to either.
 */
export function requestContracts(
  model: ApiModel,
  registry: SchemaRegistry,
  inlineBudget = INLINE_BUDGET_BYTES,
): ContractPlan {
  const contracts = new Map<string, OperationContract>();
  for (const operation of model.operations) {
    contracts.set(operation.key, operationContract(operation, registry));
  }
  // Read after translating: the registry collects definitions as schemas reach them.
  const all = registry.definitions();
  const reached = new Map<string, Record<string, Draft07Schema>>();
  const users = new Map<string, number>();
  const graph = definitionGraph(all);
  for (const [key, contract] of contracts) {
    const schemas = reachableDefinitions([contract], all, graph);
    reached.set(key, schemas);
    for (const name of Object.keys(schemas)) users.set(name, (users.get(name) ?? 0) + 1);
  }
  // What the requests would carry between them if each had all it reaches (stops past budget).
  let inline = 0;
  for (const [name, count] of users) {
    if (inline > inlineBudget) break;
    inline += JSON.stringify(all[name] ?? null).length * count;
  }
  const sharing = inline > inlineBudget;
  const isShared = (name: string) => sharing && (users.get(name) ?? 0) > 1;
  const shared: Record<string, Draft07Schema> = {};
  for (const [name, schema] of Object.entries(all)) if (isShared(name)) shared[name] = schema;
  const requests = new Map<string, RequestContract>();
  for (const [key, contract] of contracts) {
    const own: Record<string, Draft07Schema> = {};
    for (const [name, schema] of Object.entries(reached.get(key) ?? {})) {
      if (!isShared(name)) own[name] = schema;
    }
    requests.set(key, { contract, schemas: own });
  }
  return { requests, shared };
}

/** The constant of the collection's test script that holds the shared definitions. */
export const SHARED_CONSTANT = "SPECPOST_SHARED";

/**
 * Exec lines of the collection-level "test" event: the definitions several requests share, each
 * as JSON text (scanning a string costs far less than building an object literal, and only the
 * ones a request names are parsed), then the checks, scripts/postman/contract*.js.
 */
export function contractTestScript(shared: Record<string, Draft07Schema> = {}): string[] {
  return [
    "// Definitions several requests' contracts share (the checks follow a schema's $refs to them).",
    ...objectLines(SHARED_CONSTANT, new Map(Object.entries(shared)), true),
    ...postmanScriptLines("contract-schema.js"),
    ...postmanScriptLines("contract.js"),
  ];
}

export function operationContract(
  operation: OperationModel,
  registry: SchemaRegistry,
): OperationContract {
  const responses: Record<string, ResponseContract> = {};
  for (const response of operation.responses) {
    // A 1xx never ends an exchange (RFC 9110 §15.2): no answer can be one.
    if (/^1/.test(response.status)) continue;
    responses[statusKey(response.status)] = responseContract(response, registry);
  }
  const contract: OperationContract = { key: operation.key, secured: operation.secured, responses };
  if (operation.expectStatuses && operation.expectStatuses.length > 0) {
    contract.expect = [...operation.expectStatuses];
  }
  if (operation.mayReject || operation.requestBody?.mayReject) contract.mayReject = true;
  const statuses = Object.keys(responses);
  if (statuses.length > 0 && statuses.every((status) => status.startsWith("4")))
    contract.errorsOnly = true;
  return contract;
}

// A shared response ($ref'd, see model/responses.ts) brings the same contents, headers and
// pointer to every operation that names it: its contract is worked out once per registry.
const known = new WeakMap<
  SchemaRegistry,
  WeakMap<object, Array<[ResponseModel, ResponseContract]>>
>();

function responseContract(response: ResponseModel, registry: SchemaRegistry): ResponseContract {
  let byContents = known.get(registry);
  if (byContents === undefined) {
    byContents = new WeakMap();
    known.set(registry, byContents);
  }
  const seen = byContents.get(response.contents);
  const same = seen?.find(
    ([other]) => other.headers === response.headers && other.pointer === response.pointer,
  );
  if (same) return same[1];
  const contract = buildResponseContract(response, registry);
  if (seen) seen.push([response, contract]);
  else byContents.set(response.contents, [[response, contract]]);
  return contract;
}

function buildResponseContract(
  response: ResponseModel,
  registry: SchemaRegistry,
): ResponseContract {
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
  graph: DefinitionGraph = definitionGraph(definitions),
): Record<string, Draft07Schema> {
  const reached = new Set<string>();
  const pending = [...refNames(roots, definitions)];
  while (pending.length > 0) {
    const name = pending.pop() as string;
    if (reached.has(name)) continue;
    reached.add(name);
    for (const next of graph.refs.get(name) ?? []) if (!reached.has(next)) pending.push(next);
  }
  const kept: Record<string, Draft07Schema> = {};
  for (const name of [...reached].sort(
    (a, b) => (graph.order.get(a) ?? 0) - (graph.order.get(b) ?? 0),
  ))
    kept[name] = definitions[name] as Draft07Schema;
  return kept;
}

/** Each definition's own `$ref`s, walked once (not once per request that reaches it). */
export interface DefinitionGraph {
  refs: Map<string, string[]>;
  order: Map<string, number>;
}

export function definitionGraph(definitions: Record<string, Draft07Schema>): DefinitionGraph {
  const refs = new Map<string, string[]>();
  const order = new Map<string, number>();
  for (const [name, schema] of Object.entries(definitions)) {
    order.set(name, order.size);
    refs.set(name, [...refNames([schema], definitions)]);
  }
  return { refs, order };
}

/** The definition names `$ref`'d anywhere inside the roots. */
function refNames(roots: unknown[], definitions: Record<string, Draft07Schema>): Set<string> {
  const names = new Set<string>();
  const pending: unknown[] = [...roots];
  while (pending.length > 0) {
    const node = pending.pop();
    if (Array.isArray(node)) {
      pending.push(...node);
    } else if (node !== null && typeof node === "object") {
      for (const [key, value] of Object.entries(node)) {
        const name =
          key === "$ref" && typeof value === "string" ? definitionName(value) : undefined;
        if (name !== undefined && name in definitions) names.add(name);
        else pending.push(value);
      }
    }
  }
  return names;
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
