import $RefParser from "@apidevtools/json-schema-ref-parser";
import { type Document as BackendDocument, OpenAPIBackend } from "openapi-backend";
import type { ApiModel, OperationModel } from "../model/types";
import { resolveRef } from "../schema/semantics";

const METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"] as const;

export type RouteResult =
  | { kind: "operation"; operation: OperationModel }
  | { kind: "not-found" }
  | { kind: "method-not-allowed"; allow: string[] };

export interface RouterRequest {
  method: string;
  /** Path relative to the API's base path, starting with `/`. */
  path: string;
}

/**
 * openapi-backend's router (path templates, most specific path first, 404 versus 405). Its
 * response mocker is not used (the mock answers with the generator's samples), nor is its
 * request validator is not used: it reads neither `style`/`explode`
 * for path and header parameters nor the content type actually sent (see param-check.ts).
 */
export interface ApiRouter {
  route(request: RouterRequest): RouteResult;
}

/** A dereferenced copy whose operations are named by their model key, so routes map back. */
async function backendDocument(model: ApiModel): Promise<BackendDocument> {
  const document = structuredClone(model.spec.document) as unknown as Record<string, unknown>;
  const paths = (document.paths ?? {}) as Record<string, Record<string, unknown>>;
  for (const [path, rawItem] of Object.entries(paths)) {
    const item = {
      ...((typeof rawItem?.$ref === "string"
        ? resolveRef(document, rawItem.$ref)
        : rawItem) as Record<string, unknown>),
    };
    delete item.$ref;
    for (const method of METHODS) {
      const operation = item[method] as Record<string, unknown> | undefined;
      if (operation)
        item[method] = { ...operation, operationId: `${method.toUpperCase()} ${path}` };
    }
    paths[path] = item;
  }
  // json-schema-ref-parser copes with circular schemas (they become circular objects).
  return (await $RefParser.dereference(document)) as BackendDocument;
}

/** Methods of the operations whose path template matches `path` (for the Allow header). */
function allowedMethods(model: ApiModel, path: string): string[] {
  const allow = new Set<string>();
  for (const operation of model.operations) {
    const pattern = operation.path
      .replace(/[.*+?^$()|[\]\\]/g, "\\$&")
      .replace(/\{[^}]*\}/g, "[^/]+");
    if (new RegExp(`^${pattern}/?$`).test(path)) allow.add(operation.method.toUpperCase());
  }
  return [...allow].sort();
}

export async function createApiRouter(model: ApiModel): Promise<ApiRouter> {
  const operations = new Map(model.operations.map((operation) => [operation.key, operation]));
  // quick: openapi-backend skips its own check of the document (the loader did it, and
  // openapi-backend would print warnings); validate: false, the mock validates itself.
  const backend = new OpenAPIBackend({
    definition: await backendDocument(model),
    apiRoot: "/",
    quick: true,
    validate: false,
  });
  await backend.init();

  return {
    route(request) {
      const req = { method: request.method, path: request.path, headers: {} };
      try {
        const matched = backend.router.matchOperation(req, true);
        const operation = operations.get(String(matched.operationId));
        return operation ? { kind: "operation", operation } : { kind: "not-found" };
      } catch (error) {
        if (error instanceof Error && error.message.startsWith("405")) {
          return { kind: "method-not-allowed", allow: allowedMethods(model, request.path) };
        }
        return { kind: "not-found" };
      }
    },
  };
}
