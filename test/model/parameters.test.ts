import { describe, expect, it } from "vitest";
import { buildModel } from "../../scripts/model/build";
import type { ParameterModel } from "../../scripts/model/types";
import type { Problem } from "../../scripts/problems";
import { doc, op, specOf } from "./helpers";

function parametersOf(
  pathItem: object,
  root: object = {},
): { params: ParameterModel[]; codes: string[]; problems: Problem[] } {
  const { model, problems } = buildModel(specOf(doc({ "/users/{id}": pathItem }, root)), {});
  return {
    params: model?.operations[0]?.parameters ?? [],
    codes: problems.map((p) => p.code),
    problems,
  };
}

const idParam = { name: "id", in: "path", required: true, schema: { type: "integer" } };

describe("parameter merge", () => {
  it("path-level first, operation overrides in place on name + in, new ones after", () => {
    const { params } = parametersOf({
      parameters: [
        idParam,
        { name: "q", in: "query", schema: { type: "string" }, description: "path-level" },
        { name: "q", in: "header", schema: { type: "string" } },
      ],
      get: op({
        parameters: [
          { name: "limit", in: "query", schema: { type: "integer" } },
          { name: "q", in: "query", schema: { type: "string" }, description: "operation" },
        ],
      }),
    });
    expect(params.map((p) => `${p.in}:${p.name}:${p.description ?? ""}`)).toEqual([
      "path:id:",
      "query:q:operation",
      "header:q:",
      "query:limit:",
    ]);
  });

  it("resolves parameter $refs and keeps the pointer of the target", () => {
    const { params } = parametersOf(
      { get: op({ parameters: [idParam, { $ref: "#/components/parameters/Version" }] }) },
      {
        components: {
          parameters: {
            Version: { name: "api-version", in: "header", schema: { type: "string" } },
          },
        },
      },
    );
    expect(params[1]).toMatchObject({
      name: "api-version",
      in: "header",
      required: false,
      pointer: "#/components/parameters/Version",
    });
  });

  it("path parameters are required even when the spec forgets it", () => {
    const { params } = parametersOf({ get: op({ parameters: [{ ...idParam, required: false }] }) });
    expect(params[0]?.required).toBe(true);
  });

  it("ignores Accept, Content-Type and Authorization header parameters (OpenAPI says so), and warns where Authorization is declared", () => {
    const { params, problems } = parametersOf({
      get: op({
        parameters: [
          idParam,
          ...["Accept", "content-type", "Authorization", "X-Trace"].map((name) => ({
            name,
            in: "header",
            schema: { type: "string" },
          })),
        ],
      }),
    });
    expect(params.map((p) => p.name)).toEqual(["id", "X-Trace"]);
    const ignored = problems.filter((p) => p.code === "ignored-header");
    expect(ignored).toHaveLength(1);
    expect(ignored[0]?.message).toContain('"Authorization"');
    expect(ignored[0]?.message).toContain("security scheme");
  });

  it("a parameter described by content uses that media type's schema and example", () => {
    const { params } = parametersOf({
      get: op({
        parameters: [
          idParam,
          {
            name: "filter",
            in: "query",
            content: {
              "application/json": {
                schema: { type: "object", properties: { a: { type: "integer" } } },
                example: { a: 5 },
              },
            },
          },
        ],
      }),
    });
    expect(params[1]).toMatchObject({
      contentType: "application/json",
      example: { a: 5 },
      exampleSource: "spec",
    });
  });
});

describe("parameter example precedence", () => {
  const schema = {
    type: "string",
    example: "from-schema",
    default: "from-default",
    enum: ["from-enum", "from-schema", "from-default", "from-param", "from-examples"],
  };
  it.each([
    {
      name: "parameter example",
      param: { example: "from-param", examples: { a: { value: "from-examples" } }, schema },
      want: "from-param",
    },
    {
      name: "first of examples",
      param: { examples: { a: { summary: "x" }, b: { value: "from-examples" } }, schema },
      want: "from-examples",
    },
    {
      name: "examples entry by $ref",
      param: { examples: { a: { $ref: "#/components/examples/Ex" } }, schema },
      want: "from-examples",
    },
    { name: "schema example", param: { schema }, want: "from-schema" },
    {
      name: "schema default",
      param: { schema: { ...schema, example: undefined } },
      want: "from-default",
    },
    {
      name: "first enum value",
      param: { schema: { type: "string", enum: ["from-enum", "b"] } },
      want: "from-enum",
    },
    {
      name: "example from a $ref'd schema",
      param: { schema: { $ref: "#/components/schemas/Named" } },
      want: "from-component",
    },
  ])("$name", ({ param, want }) => {
    const { params } = parametersOf(
      { get: op({ parameters: [idParam, { name: "p", in: "query", ...param }] }) },
      {
        components: {
          examples: { Ex: { value: "from-examples" } },
          schemas: { Named: { type: "string", example: "from-component" } },
        },
      },
    );
    expect(params[1]).toMatchObject({ example: want, exampleSource: "spec" });
  });

  it.each([
    ["header", true],
    ["cookie", true],
    ["query", false],
  ])(
    "a %s example holding {{…}} is warned about where the medium cannot escape it: %s",
    (where, warned) => {
      const { codes } = parametersOf({
        get: op({
          parameters: [
            idParam,
            {
              name: "X-A",
              in: where,
              required: true,
              example: "{{client_secret}}",
              schema: { type: "string" },
            },
          ],
        }),
      });
      expect(codes.includes("variable-like-text")).toBe(warned);
    },
  );

  it("a spec example that breaks its schema is replaced by a valid one, with an invalid-example warning", () => {
    const { params, codes } = parametersOf({
      get: op({
        parameters: [
          idParam,
          { name: "n", in: "query", example: "ten", schema: { type: "integer" } },
        ],
      }),
    });
    // The API (and the mock) would refuse "ten": the request is sent with a valid integer.
    expect(params[1]).toMatchObject({ example: 0, exampleSource: "generated" });
    expect(codes).toContain("invalid-example");
  });

  it.each([
    {
      name: "integer with bounds",
      schema: { type: "integer", minimum: 5, maximum: 9 },
      check: (v: unknown) => v === 5,
    },
    {
      name: "uuid",
      schema: { type: "string", format: "uuid" },
      check: (v: unknown) => /^[0-9a-f-]{36}$/.test(String(v)),
    },
    {
      name: "pattern",
      schema: { type: "string", pattern: "^[A-Z]{3}-\\d{2}$" },
      check: (v: unknown) => /^[A-Z]{3}-\d{2}$/.test(String(v)),
    },
    {
      name: "empty-allowing pattern still gives a non-empty value",
      schema: { type: "string", pattern: "^[a-z]*$" },
      check: (v: unknown) => /^[a-z]+$/.test(String(v)),
    },
    {
      name: "date-time (':' is fine in a path segment)",
      schema: { type: "string", format: "date-time" },
      check: (v: unknown) => v === "2019-08-24T14:15:22Z",
    },
    {
      name: "no schema at all",
      schema: undefined,
      check: (v: unknown) => typeof v === "string" && v.length > 0,
    },
  ])("generated path parameter: $name", ({ schema, check }) => {
    const { params, codes } = parametersOf({
      get: op({
        parameters: [{ name: "id", in: "path", required: true, ...(schema ? { schema } : {}) }],
      }),
    });
    expect(params[0]?.exampleSource).toBe("generated");
    expect(check(params[0]?.example)).toBe(true);
    expect(String(params[0]?.example)).toMatch(/^[A-Za-z0-9\-._~!$&'()*+,;=:@]+$/);
    expect(codes).not.toContain("invalid-example");
  });

  it("names make generated strings realistic when the schema allows it", () => {
    const names = ["email", "userId", "callbackUrl", "createdAt", "phone"];
    const { params } = parametersOf({
      get: op({
        parameters: [
          idParam,
          ...names.map((name) => ({ name, in: "query", schema: { type: "string" } })),
        ],
      }),
    });
    expect(params.slice(1).map((p) => p.example)).toEqual([
      "user@example.com",
      "1234",
      "https://example.com",
      "2019-08-24T14:15:22Z",
      "+31612345678",
    ]);
  });

  it("validity wins over realism", () => {
    const { params } = parametersOf({
      get: op({
        parameters: [
          idParam,
          { name: "email", in: "query", schema: { type: "string", maxLength: 4 } },
        ],
      }),
    });
    expect(params[1]?.example).toBe("stri");
  });
});
