import type { OpenAPIV3 } from "openapi-types";

// The parts of the synthetic spec every resource shares, as a real API's components section.

export const ref = (kind: string, name: string): OpenAPIV3.ReferenceObject => ({
  $ref: `#/components/${kind}/${name}`,
});

export const json = (schema: OpenAPIV3.SchemaObject | OpenAPIV3.ReferenceObject) => ({
  "application/json": { schema },
});

export type ErrorStatus = keyof typeof ERROR_RESPONSES;
export const ERROR_RESPONSES = {
  "400": "BadRequest",
  "401": "Unauthorized",
  "404": "NotFound",
  "409": "Conflict",
  "429": "TooManyRequests",
  "500": "InternalError",
} as const;

export const SHARED_RESPONSES: Record<string, OpenAPIV3.ResponseObject> = {
  BadRequest: { description: "The request is invalid", content: json(ref("schemas", "Error")) },
  Unauthorized: { description: "Missing or invalid token", content: json(ref("schemas", "Error")) },
  NotFound: { description: "No such resource", content: json(ref("schemas", "Error")) },
  Conflict: { description: "It already exists", content: json(ref("schemas", "Error")) },
  TooManyRequests: {
    description: "Rate limit exceeded",
    headers: { "Retry-After": { schema: { type: "integer", minimum: 0 } } },
    content: json(ref("schemas", "Error")),
  },
  InternalError: { description: "Something broke", content: json(ref("schemas", "Error")) },
};

export const SHARED_PARAMETERS: Record<string, OpenAPIV3.ParameterObject> = {
  Limit: {
    name: "limit",
    in: "query",
    description: "Page size.",
    schema: { type: "integer", format: "int32", minimum: 1, maximum: 100, default: 20 },
  },
  Offset: {
    name: "offset",
    in: "query",
    description: "Items to skip.",
    schema: { type: "integer", format: "int32", minimum: 0, default: 0 },
  },
  RequestId: {
    name: "X-Request-Id",
    in: "header",
    description: "Correlates logs across services.",
    schema: { type: "string", format: "uuid" },
  },
};

export const SHARED_SCHEMAS: Record<string, OpenAPIV3.SchemaObject> = {
  ResourceMeta: {
    type: "object",
    required: ["id", "createdAt"],
    properties: {
      id: { type: "string", format: "uuid", readOnly: true },
      createdAt: { type: "string", format: "date-time", readOnly: true },
      updatedAt: { type: "string", format: "date-time", readOnly: true },
    },
  },
  Money: {
    type: "object",
    required: ["amount", "currency"],
    properties: {
      amount: { type: "number", format: "double", minimum: 0, example: 19.95 },
      currency: { type: "string", pattern: "^[A-Z]{3}$", example: "EUR" },
    },
  },
  Address: {
    type: "object",
    required: ["street", "city", "country"],
    properties: {
      street: { type: "string", maxLength: 200 },
      city: { type: "string", maxLength: 100 },
      postalCode: { type: "string", maxLength: 16 },
      country: { type: "string", pattern: "^[A-Z]{2}$", example: "NL" },
    },
  },
  UserRef: {
    type: "object",
    required: ["id"],
    properties: {
      id: { type: "string", format: "uuid" },
      displayName: { type: "string", maxLength: 100 },
    },
  },
  // Recursive on purpose: real catalogues nest categories, and generators must not loop.
  Category: {
    type: "object",
    required: ["id", "name"],
    properties: {
      id: { type: "integer", format: "int64", minimum: 1 },
      name: { type: "string", maxLength: 80 },
      children: { type: "array", maxItems: 5, items: ref("schemas", "Category") },
    },
  },
  PageInfo: {
    type: "object",
    required: ["limit", "offset", "total"],
    properties: {
      limit: { type: "integer", format: "int32", minimum: 1 },
      offset: { type: "integer", format: "int32", minimum: 0 },
      total: { type: "integer", format: "int64", minimum: 0 },
    },
  },
  Error: {
    type: "object",
    required: ["code", "message"],
    properties: {
      code: { type: "string", example: "invalid_request" },
      message: { type: "string", example: "The request could not be understood." },
      details: {
        type: "array",
        items: {
          type: "object",
          properties: { field: { type: "string" }, issue: { type: "string" } },
        },
      },
    },
  },
};
