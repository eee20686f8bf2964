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
      ]).map(({ key, statuses }) => ({ key, statuses })),
    ).toEqual([
      { key: "GET /users/{id}", statuses: [] },
      { key: "GET /users/me", statuses: [200, 401] },
      { key: "POST /users", statuses: [] },
    ]);
  });

  const documented = (statuses: string[]) => [
    {
      key: "GET /a",
      method: "get",
      path: "/a",
      responses: statuses.map((status) => ({ status })),
    },
  ];
  it.each([
    ["exact statuses", ["200", "404"], [200], ["404"]],
    ["a range matches any status in it", ["2XX", "4XX"], [201], ["4XX"]],
    ["default matches a status documented nowhere else", ["200", "default"], [200, 503], []],
    [
      "default is untested when every status seen is documented",
      ["200", "default"],
      [200],
      ["default"],
    ],
    ["nothing reached: everything untested", ["200", "401"], [], ["200", "401"]],
  ])("marks documented statuses never exercised: %s", (_name, statuses, seen, untested) => {
    const [op] = coverageOf(
      documented(statuses),
      seen.map((status) => ({ operation: "GET /a", status, responseTimeMs: 5 })),
    );
    expect(op?.documented).toEqual(statuses);
    expect(op?.untested).toEqual(untested);
  });

  it("gives p50 and p95 per operation (nearest rank)", () => {
    const times = Array.from({ length: 20 }, (_, i) => i + 1);
    const [op] = coverageOf(
      documented(["200"]),
      times.map((ms) => ({ operation: "GET /a", status: 200, responseTimeMs: ms })),
    );
    expect(op).toMatchObject({ requests: 20, p50Ms: 10, p95Ms: 19 });
  });
});
