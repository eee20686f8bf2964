import $RefParser from "@apidevtools/json-schema-ref-parser";
import type { Ajv, Options as AjvOptions } from "ajv";
import addFormatsImport from "ajv-formats";
import { type Document as BackendDocument, OpenAPIBackend } from "openapi-backend";
import type { ApiModel, OperationModel } from "../model/types";
import { normalizeSchemas, resolvePointer } from "./normalize-schema";
import { describeError, OPENAPI_FORMATS } from "./schema-validator";

const addFormats = addFormatsImport as unknown as (ajv: Ajv) => Ajv;

const METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"] as const;

export type RouteResult =
  | { kind: "operation"; operation: OperationModel }
  | { kind: "not-found" }
  | { kind: "method-not-allowed"; allow: string[] };

export interface RouterRequest {
  method: string;
  /** Path relative to the API's base path, starting with `/`. */
  path: string;
  query: Record<string, string | string[]>;
  headers: Record<string, string | string[]>;
}

export interface ApiRouter {
  route(request: RouterRequest): RouteResult;
  /** Problems with the path, query, header and cookie parameters, one readable line each. */
  checkParameters(request: RouterRequest, operation: OperationModel): string[];
  /** openapi-backend's response mock (the example, else mock-json-schema) for one response. */
  mock(operationKey: string, status: string, mediaType: string): unknown;
}

/**
 * The copy openapi-backend works on: schemas made Ajv-friendly, every operation named by its
 * model key (openapi-backend only validates operations that have an id), and request bodies
 * removed, because the mock checks bodies itself against the content type actually sent.
 */
async function backendDocument(model: ApiModel): Promise<BackendDocument> {
  const source = model.spec.document;
  const document = normalizeSchemas(source, { direction: "request", document: source });
  const paths = (document.paths ?? {}) as Record<string, Record<string, unknown>>;
  for (const [path, rawItem] of Object.entries(paths)) {
    const item = {
      ...((typeof rawItem?.$ref === "string"
        ? resolvePointer(document, rawItem.$ref)
        : rawItem) as Record<string, unknown>),
    };
    delete item.$ref;
    for (const method of METHODS) {
      const operation = item[method] as Record<string, unknown> | undefined;
      if (!operation) continue;
      const { requestBody: _ignored, ...rest } = operation;
      item[method] = { ...rest, operationId: `${method.toUpperCase()} ${path}` };
    }
    paths[path] = item;
  }
  // json-schema-ref-parser copes with circular schemas (they become circular objects).
  return (await $RefParser.dereference(document as object)) as BackendDocument;
}

const LOCATION_LABELS: Record<string, string> = {
  path: "path parameter",
  query: "query parameter",
  header: "header",
  cookie: "cookie",
};

function describeParameterError(error: Parameters<typeof describeError>[0]): string | undefined {
  const [, location = "", name, ...rest] = error.instancePath.split("/");
  const label = LOCATION_LABELS[location] ?? location;
  if (error.keyword === "additionalProperties" && location === "query") return undefined;
  if (name === undefined) {
    const missing = (error.params as { missingProperty?: string }).missingProperty;
    if (error.keyword === "required" && missing !== undefined) {
      return `${label} '${missing}' is required`;
    }
    return `${label || "parameters"} ${describeError(error).message}`;
  }
  const where = rest.length > 0 ? ` at /${rest.join("/")}` : "";
  return `${label} '${decodeURIComponent(name.replace(/~1/g, "/").replace(/~0/g, "~"))}'${where} ${describeError(error).message}`;
}

export async function createApiRouter(model: ApiModel): Promise<ApiRouter> {
  const operations = new Map(model.operations.map((operation) => [operation.key, operation]));
  // One Ajv per kind of validator, formats added once, instead of a fresh Ajv per operation.
  const ajvs = new Map<string, Ajv>();
  const sharedAjv = (fresh: Ajv, options: AjvOptions, kind: string): Ajv => {
    const key = `${kind}:${String(options.coerceTypes)}`;
    let ajv = ajvs.get(key);
    if (!ajv) {
      ajv = addFormats(fresh);
      for (const [name, format] of Object.entries(OPENAPI_FORMATS)) ajv.addFormat(name, format);
      ajvs.set(key, ajv);
    }
    return ajv;
  };
  // quick: validators are compiled on first use (the mock uses only the parameter ones; the
  // response validators alone take seconds to precompile), and openapi-backend skips its own
  // check of the document, which the loader has done already and which would print warnings.
  const backend = new OpenAPIBackend({
    definition: await backendDocument(model),
    apiRoot: "/",
    quick: true,
    validate: true,
    ajvOpts: { logger: false, allErrors: true },
    customizeAjv: sharedAjv,
  });
  await backend.init();

  function allowedMethods(path: string): string[] {
    const allow = new Set<string>();
    for (const operation of model.operations) {
      const pattern = operation.path
        .replace(/[.*+?^$()|[\]\\]/g, "\\$&")
        .replace(/\{[^}]*\}/g, "[^/]+");
      if (new RegExp(`^${pattern}/?$`).test(path)) allow.add(operation.method.toUpperCase());
    }
    return [...allow].sort();
  }

  return {
    route(request) {
      const req = { method: request.method, path: request.path, headers: request.headers };
      try {
        const matched = backend.router.matchOperation(req, true);
        const operation = operations.get(String(matched.operationId));
        return operation ? { kind: "operation", operation } : { kind: "not-found" };
      } catch (error) {
        if (error instanceof Error && error.message.startsWith("405")) {
          return { kind: "method-not-allowed", allow: allowedMethods(request.path) };
        }
        return { kind: "not-found" };
      }
    },
    checkParameters(request, operation) {
      const req = { ...request, body: undefined };
      const result = backend.validateRequest(req, operation.key);
      return (result.errors ?? [])
        .map(describeParameterError)
        .filter((line): line is string => line !== undefined);
    },
    mock(operationKey, status, mediaType) {
      // openapi-backend looks the status up as a key of `responses`, so "2XX" works too.
      const options = { code: status, mediaType } as unknown as { code: number; mediaType: string };
      return backend.mockResponseForOperation(operationKey, options).mock;
    },
  };
}
