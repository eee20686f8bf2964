import { describe, expect, it } from "vitest";
import { coverageOf, operationMatcher } from "../../scripts/run/coverage";

const operations = [
  { key: "GET /users/{id}", method: "get", path: "/users/{id}" },
  { key: "GET /users/me", method: "get", path: "/users/me" },
  { key: "POST /users", method: "post", path: "/users" },
];

describe("operationMatcher", () => {
  const match = operationMatcher("http://127.0.0.1:4010/data/api", operations);
  it.each([
    ["GET", "http://127.0.0.1:4010/data/api/users/42?x=1", "GET /users/{id}"],
    ["GET", "http://127.0.0.1:4010/data/api/users/me", "GET /users/me"],
    ["post", "http://127.0.0.1:4010/data/api/users", "POST /users"],
    ["GET", "http://127.0.0.1:4010/data/api/users", undefined],
    ["POST", "http://127.0.0.1:4010/oauth/token", undefined],
  ])("%s %s → %s", (method, url, key) => {
    expect(match(method, url)).toBe(key);
  });
});

describe("coverageOf", () => {
  it("lists operations in spec order with the statuses seen", () => {
    expect(
      coverageOf(operations, [
        { operation: "GET /users/me", status: 401 },
        { operation: "GET /users/me", status: 200 },
        { operation: "GET /users/me", status: 200 },
        { status: 404 },
      ]),
    ).toEqual([
      { key: "GET /users/{id}", statuses: [] },
      { key: "GET /users/me", statuses: [200, 401] },
      { key: "POST /users", statuses: [] },
    ]);
  });
});
