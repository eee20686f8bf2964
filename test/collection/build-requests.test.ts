import { describe, expect, it } from "vitest";
import { buildCollection } from "../../scripts/collection/build";
import { build, findItem } from "./build-helpers";
import { model, ok, op, param, passThroughRegistry } from "./fixture";

describe("operation requests", () => {
  const collection = build({
    operations: [
      op("put", "/users/{userId}/files/{name}.{ext}", {
        name: "Put file",
        description: "Stores a file.",
        deprecated: true,
        parameters: [
          param("userId", "path", 42, { description: "The user." }),
          param("name", "path", "a b"),
          param("ext", "path", "txt"),
          param("limit", "query", 10, { required: true }),
          param("tag", "query", ["x", "y"]),
          param("X-Trace", "header", "t-1", { required: true }),
          param("Authorization", "header", "nope", { required: true }),
          param("session", "cookie", "s1", { required: true }),
        ],
        requestBody: {
          contentType: "application/json",
          required: true,
          example: { a: 1 },
          pointer: "",
        },
        responses: [
          ok("application/json", { id: 1 }),
          {
            status: "2XX",
            description: "Any success",
            contents: [{ contentType: "application/json", example: [] }],
            headers: [],
            pointer: "",
          },
          {
            status: "default",
            description: "Error",
            contents: [{ contentType: "application/json", example: { e: 1 } }],
            headers: [],
            pointer: "",
          },
          {
            status: "404",
            description: "Missing",
            contents: [{ contentType: "application/json" }],
            headers: [],
            pointer: "",
          },
        ],
      }),
    ],
  });
  const item = findItem(collection, "Put file");

  it("uses {{baseUrl}}, Postman path variables and in-place values for partial segments", () => {
    expect(item.request.url).toMatchObject({
      raw: "{{baseUrl}}/users/:userId/files/a b.txt?limit=10",
      host: ["{{baseUrl}}"],
      path: ["users", ":userId", "files", "a b.txt"],
      variable: [{ key: "userId", value: "42", description: "The user." }],
    });
  });

  it("sends required query and header parameters, lists optional ones disabled", () => {
    expect(item.request.url.query).toEqual([
      { key: "limit", value: "10" },
      { key: "tag", value: "x", disabled: true },
      { key: "tag", value: "y", disabled: true },
    ]);
    expect(item.request.header).toEqual([
      { key: "X-Trace", value: "t-1" },
      { key: "Cookie", value: "session=s1" },
      { key: "Content-Type", value: "application/json" },
      { key: "Accept", value: "application/json" },
    ]);
  });

  it("describes the operation and marks it deprecated", () => {
    expect(item.request.description).toBe("**Deprecated.**\n\nStores a file.");
  });

  it("saves the spec's own examples as responses, ranges at their first code", () => {
    expect(item.response.map((r) => [r.name, r.code, r.status, r.body])).toEqual([
      ["200 OK", 200, "OK", '{\n  "id": 1\n}'],
      ["2XX Any success", 200, "OK", "[]"],
    ]);
    expect(item.response[0]?.originalRequest).toEqual(item.request);
  });
});

describe("Accept header", () => {
  const acceptOf = (contentType: string) => {
    const collection = buildCollection(
      model({ operations: [op("get", "/things", { responses: [ok(contentType)] })] }),
      passThroughRegistry(),
    );
    const header = findItem(collection, "GET /things").request.header ?? [];
    return header.find((h) => h.key === "Accept")?.value;
  };
  it.each([
    ["application/json", "application/json"],
    ["application/vnd.api+json; charset=utf-8", "application/vnd.api+json; charset=utf-8"],
    // Swagger 2.0 `produces: [application]`: not a media type, so no Accept: application.
    ["application", undefined],
    ["*/*", undefined],
  ])("documented %s → %s", (contentType, want) => {
    expect(acceptOf(contentType)).toBe(want);
  });
});
