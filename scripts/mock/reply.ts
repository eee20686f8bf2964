import type { JsonBody } from "./gateway-bodies";

/** What a mock handler answers, before fastify serialises it. */
export interface MockReply {
  status: number;
  headers: Record<string, string>;
  /** Already-serialised text (sent as is), a JSON value, or nothing (no body at all). */
  body?: { text: string } | { json: unknown };
}

export const JSON_TYPE = "application/json";

export function jsonReply(
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): MockReply {
  return { status, headers: { "content-type": JSON_TYPE, ...headers }, body: { json: body } };
}

const REASONS: Record<number, string> = {
  400: "Bad Request",
  404: "Not Found",
  405: "Method Not Allowed",
  408: "Request Timeout",
  413: "Payload Too Large",
  415: "Unsupported Media Type",
  431: "Request Header Fields Too Large",
  500: "Internal Server Error",
  501: "Not Implemented",
};

/**
 * The mock's own error body (not the gateway's): the KPN error shape, so that a documented
 * `Error` schema usually accepts it, plus the individual problems for people and tests.
 */
export function mockError(status: number, message: string, errors?: string[]): MockReply {
  const name = REASONS[status] ?? "Error";
  const body: JsonBody = { status: `${status} - ${name}`, name, message };
  if (errors && errors.length > 0) body.errors = errors;
  return jsonReply(status, body);
}
