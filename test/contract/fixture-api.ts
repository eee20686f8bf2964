import { clientCredentials } from "../collection/fixture";
import { apiModel, operation, ref } from "./fixture";
import type { Reply } from "./server";
import { json } from "./server";

// A small API for the contract script tests: a recursive schema, ranges and default, an
// unsecured operation, a HEAD, an inline schema, two content types, a required header.

export const definitions = {
  Error: { type: "object", required: ["message"], properties: { message: { type: "string" } } },
  TreeNode: {
    type: "object",
    required: ["name"],
    properties: {
      name: { type: "string" },
      children: { type: "array", items: { $ref: "#/definitions/TreeNode" } },
    },
  },
  Unused: { type: "string" },
  User: {
    type: "object",
    required: ["id", "callbackurl"],
    additionalProperties: false,
    properties: {
      id: { type: "integer" },
      callbackurl: { type: "string" },
      status: { enum: ["active", "inactive"] },
    },
  },
  UserList: {
    type: "object",
    required: ["users"],
    properties: { users: { type: "array", items: { $ref: "#/definitions/User" } } },
  },
};

export const model = apiModel(
  [
    operation("get", "/userlist", [
      {
        status: "200",
        content: { "application/json": ref("UserList") },
        requiredHeaders: ["X-Request-Id"],
      },
      { status: "4XX", content: { "application/json": ref("Error") } },
      { status: "default", content: { "application/json": ref("Error") } },
    ]),
    operation("get", "/tree", [
      { status: "200", content: { "application/json": ref("TreeNode") } },
    ]),
    operation(
      "get",
      "/health",
      [
        {
          status: "200",
          content: {
            "application/json": {
              type: "object",
              required: ["status"],
              properties: { status: { const: "ok" } },
            } as never,
          },
        },
        { status: "204" },
      ],
      { secured: false },
    ),
    // A HEAD answer carries the GET's headers but no body: nothing to validate.
    operation(
      "head",
      "/head",
      [{ status: "200", content: { "application/json": ref("UserList") } }],
      { secured: false },
    ),
    // Specs often give a 204 a body schema; HTTP forbids the body (and so its Content-Type).
    operation(
      "delete",
      "/gone",
      [{ status: "204", content: { "application/json": ref("Error") } }],
      { secured: false },
    ),
    operation("get", "/report", [
      { status: "200", content: { "application/json": ref("UserList"), "text/csv": undefined } },
    ]),
  ],
  clientCredentials("http://127.0.0.1/oauth/token?grant_type=client_credentials"),
);

export const goodUsers = {
  users: [{ id: 1, callbackurl: "https://cb.example/1", status: "active" }],
};
export const goodTree = { name: "root", children: [{ name: "a", children: [{ name: "a1" }] }] };

/** What the conforming server answers; a case overrides single paths. */
export const conforming: Record<string, Reply> = {
  "/userlist": json(200, goodUsers, { "X-Request-Id": "r-1" }),
  "/tree": json(200, goodTree),
  "/health": json(200, { status: "ok" }),
  "/head": json(200, goodUsers),
  "/gone": { status: 204 },
  "/report": {
    status: 200,
    headers: { "content-type": "text/csv" },
    body: "id,callbackurl\n1,x\n",
  },
};

export const CONFORMING_NAMES = [
  "GET /userlist → authorized",
  "GET /userlist → status 200 is documented",
  "GET /userlist → 200 content type application/json",
  "GET /userlist → 200 has header X-Request-Id",
  "GET /userlist → 200 matches schema UserList",
  "GET /tree → authorized",
  "GET /tree → status 200 is documented",
  "GET /tree → 200 content type application/json",
  "GET /tree → 200 matches schema TreeNode",
  "GET /health → status 200 is documented",
  "GET /health → 200 content type application/json",
  "GET /health → 200 matches response schema",
  "HEAD /head → status 200 is documented",
  "DELETE /gone → status 204 is documented",
  "GET /report → authorized",
  "GET /report → status 200 is documented",
  "GET /report → 200 content type application/json or text/csv",
];
