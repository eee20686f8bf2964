import { describe, expect, it } from "vitest";
import { buildModel } from "../../scripts/model/build";
import { locateProblems } from "../../scripts/problems";
import { doc, op, specOf } from "./helpers";

const build = (given: object, file?: string) => buildModel(specOf(given, file), {});

describe("operations", () => {
  it("keeps paths and methods in document order, keyed METHOD /path", () => {
    const given = doc({
      "/b": { post: op(), get: op() },
      "/a/{id}": { delete: op(), "x-internal": true, parameters: [], patch: op() },
    });
    expect(build(given).model?.operations.map((o) => o.key)).toEqual([
      "POST /b",
      "GET /b",
      "DELETE /a/{id}",
      "PATCH /a/{id}",
    ]);
  });

  it.each([
    {
      name: "summary first",
      fields: { summary: "List users", operationId: "listUsers" },
      want: "List users",
    },
    {
      name: "operationId without summary",
      fields: { operationId: "listUsers" },
      want: "listUsers",
    },
    { name: "key when neither", fields: {}, want: "GET /users" },
    {
      name: "blank summary ignored",
      fields: { summary: "  ", operationId: "listUsers" },
      want: "listUsers",
    },
  ])("name: $name", ({ fields, want }) => {
    expect(build(doc({ "/users": { get: op(fields) } })).model?.operations[0]?.name).toBe(want);
  });

  it("name, title and version come from the file and info", () => {
    const { model } = build(doc({ "/a": { get: op() } }), "specs/my-api.v2.yaml");
    expect(model).toMatchObject({ name: "my-api.v2", title: "Test API", version: "1.0.0" });
  });

  it.each([
    { name: "root security applies", root: [{ o: [] }], own: undefined, want: true },
    { name: "operation opts out with security: []", root: [{ o: [] }], own: [], want: false },
    { name: "operation adds security", root: undefined, own: [{ o: [] }], want: true },
    { name: "root security empty, none on the op", root: [], own: undefined, want: false },
    { name: "only an anonymous alternative ({})", root: undefined, own: [{}], want: false },
    {
      name: "optional security ([{}, {o: []}]) still sends the token",
      root: undefined,
      own: [{}, { o: [] }],
      want: true,
    },
  ])("secured: $name", ({ root, own, want }) => {
    const operation = own === undefined ? op() : op({ security: own });
    const extra: Record<string, unknown> = {
      components: {
        securitySchemes: {
          o: {
            type: "oauth2",
            flows: { clientCredentials: { tokenUrl: "https://t", scopes: {} } },
          },
        },
      },
    };
    if (root !== undefined) extra.security = root;
    // Another operation keeps a requirement in the spec, so security is never "assumed" here.
    const given = doc(
      { "/a": { get: operation }, "/z": { get: op({ security: [{ o: [] }] }) } },
      extra,
    );
    expect(build(given).model?.operations[0]?.secured).toBe(want);
  });

  it("tags: declared order first, then first use; operation tag is its first tag", () => {
    const given = doc(
      {
        "/a": { get: op({ tags: ["Zeta", "Alpha"] }), post: op({ tags: ["Users"] }) },
        "/b": { get: op() },
      },
      { tags: [{ name: "Users", description: "People" }, { name: "Unused" }] },
    );
    const { model } = build(given);
    expect(model?.tags).toEqual([
      { name: "Users", description: "People" },
      { name: "Unused" },
      { name: "Zeta" },
      { name: "Alpha" },
    ]);
    expect(model?.operations.map((o) => o.tag)).toEqual(["Zeta", "Users", undefined]);
  });

  it("warns about a duplicate operationId at the second use", () => {
    const { problems } = build(
      doc({ "/a": { get: op({ operationId: "x" }) }, "/b": { get: op({ operationId: "x" }) } }),
    );
    expect(problems.filter((p) => p.code === "duplicate-operation-id")).toEqual([
      expect.objectContaining({ severity: "warning", pointer: "#/paths/~1b/get/operationId" }),
    ]);
  });

  it("follows a path item $ref and points into the target", () => {
    const given = doc(
      { "/a": { $ref: "#/components/x-paths/shared" } },
      { components: { "x-paths": { shared: { get: op({ summary: "Shared" }) } } } },
    );
    const operation = build(given).model?.operations[0];
    expect(operation).toMatchObject({
      key: "GET /a",
      name: "Shared",
      pointer: "#/components/x-paths/shared/get",
    });
  });

  it("reports unresolved refs with their pointer and skips the broken part", () => {
    const given = doc({
      "/a": {
        get: op({
          parameters: [{ $ref: "#/components/parameters/Nope" }],
          requestBody: { $ref: "#/nowhere" },
        }),
      },
      "/b": { $ref: "#/components/x-missing" },
    });
    const { model, problems } = build(given);
    expect(model?.operations.map((o) => o.key)).toEqual(["GET /a"]);
    expect(model?.operations[0]?.parameters).toEqual([]);
    expect(model?.operations[0]?.requestBody).toBeUndefined();
    expect(
      problems
        .filter((p) => p.code === "unresolved-ref")
        .map((p) => p.pointer)
        .sort(),
    ).toEqual(["#/paths/~1a/get/parameters/0", "#/paths/~1a/get/requestBody", "#/paths/~1b"]);
  });

  it("a ref cycle is a problem, not a hang", () => {
    const given = doc(
      { "/a": { get: op({ parameters: [{ $ref: "#/components/parameters/A" }] }) } },
      {
        components: {
          parameters: {
            A: { $ref: "#/components/parameters/B" },
            B: { $ref: "#/components/parameters/A" },
          },
        },
      },
    );
    expect(build(given).problems.map((p) => p.code)).toContain("unresolved-ref");
  });

  it.each([
    { name: "operation is a string", paths: { "/a": { get: "nope" } }, pointer: "#/paths/~1a/get" },
    {
      name: "parameters is an object",
      paths: { "/a": { get: op({ parameters: { name: "x" } }) } },
      pointer: "#/paths/~1a/get/parameters",
    },
    {
      name: "parameter without in",
      paths: { "/a": { get: op({ parameters: [{ name: "x" }] }) } },
      pointer: "#/paths/~1a/get/parameters/0",
    },
    {
      name: "responses is a list",
      paths: { "/a": { get: { responses: [] } } },
      pointer: "#/paths/~1a/get/responses",
    },
    {
      name: "requestBody content is a string",
      paths: { "/a": { post: op({ requestBody: { content: "json" } }) } },
      pointer: "#/paths/~1a/post/requestBody/content",
    },
  ])("invalid-type: $name", ({ paths, pointer }) => {
    const { problems } = build(doc({ ...paths, "/ok": { get: op() } }));
    expect(problems).toContainEqual(
      expect.objectContaining({ code: "invalid-type", severity: "error", pointer }),
    );
  });

  it("no operations → error and no model", () => {
    const { model, problems } = build(doc({}));
    expect(model).toBeUndefined();
    expect(problems).toContainEqual(
      expect.objectContaining({ code: "no-operations", severity: "error" }),
    );
  });

  it("problems carry a pointer; the spec's locator gives file, line and column", () => {
    const spec = specOf(
      doc({ "/a": { get: op({ operationId: "x" }) }, "/b": { get: op({ operationId: "x" }) } }),
    );
    spec.locate = (pointer) => ({
      file: "other.yaml",
      pointer: "#/x",
      line: pointer.length,
      column: 3,
    });
    const problems = buildModel(spec, {}).problems;
    const problem = problems.find((p) => p.code === "duplicate-operation-id");
    expect(problem).toMatchObject({ file: "api.yaml", pointer: "#/paths/~1b/get/operationId" });
    expect(locateProblems(problems, spec.locate)).toContainEqual(
      expect.objectContaining({
        code: "duplicate-operation-id",
        file: "other.yaml",
        pointer: "#/x",
        line: "#/paths/~1b/get/operationId".length,
        column: 3,
      }),
    );
  });
});
