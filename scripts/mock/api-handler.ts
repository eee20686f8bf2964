import type { ApiModel, OperationModel } from "../model/types";
import type { SchemaValidator } from "../schema/validator";
import type { ApiRouter, RouterRequest } from "./api-router";
import { checkParameters } from "./param-check";
import { type PreparedResponses, renderResponse } from "./prepared-responses";
import { type MockReply, mockError } from "./reply";
import { checkRequestBody } from "./request-body";
import { checkOperationAuth } from "./security";
import type { StatefulAnswers } from "./stateful";
import type { TokenStore } from "./token-store";
import type { MockFaults } from "./types";

export interface ApiRequest extends RouterRequest {
  /** The query string without `?`, as sent. */
  rawQuery: string;
  headers: Record<string, string | string[] | undefined>;
  /** Raw text, a parsed form, or undefined when nothing was sent. */
  body: unknown;
}

export interface ApiContext {
  model: ApiModel;
  router: ApiRouter;
  validator: SchemaValidator;
  store: TokenStore;
  responses: PreparedResponses;
  /** Absent: stateless (`--stateless`), every answer is the operation's sample. */
  stateful?: StatefulAnswers;
  faults(): MockFaults;
}

function header(request: ApiRequest, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** What is wrong with the request's parameters and body, one readable line each. */
function problemsOf(
  request: ApiRequest,
  operation: OperationModel,
  pathParams: Record<string, string>,
  context: ApiContext,
): string[] {
  const received = { contentType: header(request, "content-type"), value: request.body };
  const { document } = context.model.spec;
  return [
    ...checkParameters(operation, { ...request, pathParams }, document, context.validator),
    ...checkRequestBody(operation, received, document, context.validator),
  ];
}

/**
 * One API call, in the gateway's order: route (404/405), credentials (401), then the request
 * against the spec (400), then the prepared answer with the active faults applied.
 * Returns the operation it reached, for the stats.
 */
export function handleApiRequest(
  request: ApiRequest,
  context: ApiContext,
): { reply: MockReply; operation?: OperationModel } {
  const route = context.router.route(request);
  if (route.kind === "not-found") {
    return { reply: mockError(404, `No operation matches ${request.method} ${request.path}.`) };
  }
  if (route.kind === "method-not-allowed") {
    const allow = route.allow.join(", ");
    const reply = mockError(
      405,
      `${request.path} does not accept ${request.method}; it accepts ${allow}.`,
    );
    return { reply: { ...reply, headers: { ...reply.headers, allow } } };
  }
  const { operation } = route;
  const faults = context.faults();
  if (operation.secured) {
    const denied = checkOperationAuth(request, operation, {
      auth: context.model.auth,
      store: context.store,
      rejectTokens: faults.rejectTokens === true,
    });
    if (denied) return { reply: denied, operation };
  }
  const problems = problemsOf(request, operation, route.params, context);
  if (problems.length > 0) {
    return {
      reply: mockError(400, `Invalid request: ${problems.join("; ")}.`, problems),
      operation,
    };
  }
  const prepared = context.responses.get(operation);
  // Mutation faults break the sampled answer; state would only hide them.
  const mutated = faults.invalidBody || faults.undocumentedStatus || faults.wrongContentType;
  if (context.stateful && !mutated) {
    const stored = context.stateful.answer(
      {
        operation,
        path: request.path,
        body: request.body,
        contentType: header(request, "content-type"),
      },
      prepared,
    );
    if (stored) return { reply: stored, operation };
  }
  const reply = renderResponse(prepared, faults, header(request, "accept"), context.validator);
  return { reply, operation };
}
