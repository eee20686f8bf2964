import { buildRequestBody } from "./bodies";
import { expectObject, type ModelContext } from "./context";
import { isHttpMethod } from "./methods";
import { buildParameters } from "./parameters";
import { child, type JsonObject } from "./resolve";
import { buildResponses } from "./responses";
import { requiresAuth } from "./security";
import { firstServerUrl } from "./servers";
import type { OperationModel } from "./types";

export interface OperationsResult {
  operations: OperationModel[];
  /** Tags in order of first use. */
  usedTags: string[];
}

/** Paths in document order, methods in the order each path item writes them. */
export function buildOperations(
  ctx: ModelContext,
  baseUrl: string,
  assumedSecurity: boolean,
): OperationsResult {
  const operations: OperationModel[] = [];
  const usedTags: string[] = [];
  const operationIds = new Map<string, string>();
  const paths = ctx.document.paths;
  if (paths === undefined || !expectObject(ctx, paths, "#/paths", "paths"))
    return { operations, usedTags };
  for (const [path, rawItem] of Object.entries(paths)) {
    if (path.startsWith("x-")) continue;
    const item = ctx.deref(rawItem, child("#/paths", path));
    if (!item || !expectObject(ctx, item.value, item.pointer, `Path item "${path}"`)) continue;
    const pathItem = item.value;
    for (const [method, rawOperation] of Object.entries(pathItem)) {
      if (!isHttpMethod(method)) continue;
      const pointer = child(item.pointer, method);
      if (!expectObject(ctx, rawOperation, pointer, `Operation ${method.toUpperCase()} ${path}`))
        continue;
      const operation = buildOperation(ctx, {
        path,
        method,
        operation: rawOperation,
        pathItem,
        pointer,
        pathPointer: item.pointer,
      });
      operation.secured =
        rawOperation.security !== undefined
          ? requiresAuth(rawOperation.security)
          : ctx.document.security !== undefined
            ? requiresAuth(ctx.document.security)
            : assumedSecurity;
      // An empty `servers` list inherits from the level above, like an absent one.
      const servers = [rawOperation.servers, pathItem.servers].find(
        (list) => Array.isArray(list) && list.length > 0,
      );
      const own = operationBaseUrl(servers, baseUrl);
      if (own !== undefined) operation.baseUrl = own;
      if (operation.tag !== undefined && !usedTags.includes(operation.tag))
        usedTags.push(operation.tag);
      for (const tag of Array.isArray(rawOperation.tags) ? rawOperation.tags : []) {
        if (typeof tag === "string" && !usedTags.includes(tag)) usedTags.push(tag);
      }
      if (operation.operationId !== undefined) {
        const first = operationIds.get(operation.operationId);
        if (first === undefined) operationIds.set(operation.operationId, operation.key);
        else {
          ctx.report(
            "duplicate-operation-id",
            "warning",
            child(pointer, "operationId"),
            `operationId "${operation.operationId}" is also used by ${first}; make it unique.`,
          );
        }
      }
      operations.push(operation);
    }
  }
  return { operations, usedTags };
}

interface OperationSource {
  path: string;
  method: OperationModel["method"];
  operation: JsonObject;
  pathItem: JsonObject;
  pointer: string;
  pathPointer: string;
}

function buildOperation(ctx: ModelContext, src: OperationSource): OperationModel {
  const { operation: op, method, path, pointer } = src;
  const key = `${method.toUpperCase()} ${path}`;
  const summary = nonEmpty(op.summary);
  const operationId = nonEmpty(op.operationId);
  const firstTag = Array.isArray(op.tags)
    ? op.tags.find((t): t is string => typeof t === "string")
    : undefined;
  const model: OperationModel = {
    key,
    method,
    path,
    name: summary ?? operationId ?? key,
    deprecated: op.deprecated === true,
    secured: false,
    parameters: buildParameters(
      ctx,
      src.pathItem.parameters,
      src.pathPointer,
      op.parameters,
      pointer,
    ),
    responses: buildResponses(ctx, op.responses, child(pointer, "responses")),
    pointer,
  };
  if (operationId !== undefined) model.operationId = operationId;
  if (summary !== undefined) model.summary = summary;
  const description = nonEmpty(op.description) ?? nonEmpty(src.pathItem.description);
  if (description !== undefined) model.description = description;
  if (firstTag !== undefined) model.tag = firstTag;
  const body = buildRequestBody(ctx, op.requestBody, child(pointer, "requestBody"));
  if (body) model.requestBody = body;
  if (model.parameters.some((p) => p.mayReject)) model.mayReject = true;
  return model;
}

const nonEmpty = (value: unknown): string | undefined =>
  typeof value === "string" && value.trim() !== "" ? value : undefined;

/** A path- or operation-level server, when it sends this operation somewhere else. */
function operationBaseUrl(servers: unknown, baseUrl: string): string | undefined {
  const written = firstServerUrl(servers);
  if (written === undefined) return undefined;
  try {
    // Relative server URLs are relative to the API's own server.
    const url = new URL(written, `${baseUrl}/`).href.replace(/\/+$/, "");
    const same = new URL(`${baseUrl}/`).href.replace(/\/+$/, "");
    return url === same ? undefined : url;
  } catch {
    return undefined;
  }
}
