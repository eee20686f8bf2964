import { describe, expect, it } from "vitest";
import { createContext } from "../../scripts/model/context";
import { sampleSchema } from "../../scripts/model/sample/index";
import { doc, specOf } from "./helpers";
import { createOracle } from "./oracle";

/** Samples `schema` (as components.schemas.S, next to `others`) and asks Ajv whether it is valid. */
function sampleAndJudge(
  schema: unknown,
  version: "3.0" | "3.1" = "3.0",
  others: object = {},
  name?: string,
) {
  const document = doc(
    {},
    {
      openapi: version === "3.1" ? "3.1.0" : "3.0.3",
      components: { schemas: { S: schema, ...others } },
    },
  );
  const env = createContext(specOf(document), {}).schemas.request;
  const result = sampleSchema({ $ref: "#/components/schemas/S" }, env, document, { name });
  const again = sampleSchema({ $ref: "#/components/schemas/S" }, env, document, { name });
  return {
    ...result,
    again: again.value,
    ajv: createOracle(document, "request").check("#/components/schemas/S", result.value),
  };
}

const node = {
  type: "object",
  properties: { value: { type: "integer" }, next: { $ref: "#/components/schemas/Node" } },
};

const valid: {
  name: string;
  schema: unknown;
  version?: "3.0" | "3.1";
  others?: object;
  want?: unknown;
}[] = [
  // formats
  ...[
    "date-time",
    "date",
    "time",
    "email",
    "uuid",
    "uri",
    "hostname",
    "ipv4",
    "ipv6",
    "byte",
    "duration",
    "uri-reference",
    "json-pointer",
  ].map((format) => ({
    name: `format ${format}`,
    schema: { type: "string", format },
  })),
  {
    name: "format int32 bounds the range",
    schema: { type: "integer", format: "int32", minimum: -3000000000 },
    want: 0,
  },
  {
    name: "format int64",
    schema: { type: "integer", format: "int64", minimum: 3000000000 },
    want: 3000000000,
  },
  { name: "email with minLength", schema: { type: "string", format: "email", minLength: 30 } },
  { name: "uri with minLength", schema: { type: "string", format: "uri", minLength: 40 } },
  // enums, const, bounds
  { name: "enum", schema: { type: "string", enum: ["b", "a"] }, want: "b" },
  {
    name: "nullable enum with null first (3.0)",
    schema: { type: "string", nullable: true, enum: [null, "x"] },
    want: "x",
  },
  { name: "const (3.1)", schema: { const: "fixed" }, version: "3.1", want: "fixed" },
  { name: "minimum / maximum", schema: { type: "integer", minimum: 10, maximum: 20 }, want: 10 },
  {
    name: "exclusive bounds, 3.0 booleans",
    schema: {
      type: "integer",
      minimum: 1,
      exclusiveMinimum: true,
      maximum: 3,
      exclusiveMaximum: true,
    },
    want: 2,
  },
  {
    name: "exclusive bounds, 3.1 numbers",
    schema: { type: "number", exclusiveMinimum: 0, exclusiveMaximum: 1 },
    version: "3.1",
  },
  { name: "negative range only", schema: { type: "integer", maximum: -5 }, want: -5 },
  {
    name: "multipleOf with bounds",
    schema: { type: "integer", multipleOf: 7, minimum: 10, maximum: 20 },
    want: 14,
  },
  { name: "decimal multipleOf", schema: { type: "number", multipleOf: 0.01, minimum: 0.07 } },
  {
    name: "multipleOf 0.1 above 0.25",
    schema: { type: "number", multipleOf: 0.1, exclusiveMinimum: 0.25 },
    version: "3.1",
  },
  // strings
  { name: "minLength / maxLength", schema: { type: "string", minLength: 10, maxLength: 12 } },
  { name: "maxLength shorter than the placeholder", schema: { type: "string", maxLength: 2 } },
  ...[
    "^\\d{3}-\\d{4}$",
    "^[A-Z][a-z]+$",
    "^(?:\\+31|0)6\\d{8}$",
    "^[^@\\s]+@[^@\\s]+\\.[a-z]{2,}$",
    "^[a-f0-9]{24}$",
    "^\\p{L}+$",
    "^(foo|bar)(-[0-9]+)?$",
    "[0-9]{4}",
  ].map((pattern) => ({
    name: `pattern ${pattern}`,
    schema: { type: "string", pattern },
  })),
  {
    name: "pattern with minLength",
    schema: { type: "string", pattern: "^[a-z]+$", minLength: 20 },
  },
  // arrays and objects
  {
    name: "minItems + uniqueItems",
    schema: {
      type: "array",
      minItems: 3,
      uniqueItems: true,
      items: { type: "integer", minimum: 1 },
    },
  },
  {
    name: "uniqueItems over an enum",
    schema: {
      type: "array",
      minItems: 2,
      uniqueItems: true,
      items: { type: "string", enum: ["x", "y"] },
    },
  },
  {
    name: "unique strings with a format",
    schema: {
      type: "array",
      minItems: 3,
      uniqueItems: true,
      items: { type: "string", format: "uuid" },
    },
  },
  {
    name: "maxItems 0",
    schema: { type: "array", maxItems: 0, items: { type: "string" } },
    want: [],
  },
  {
    name: "required property only in additionalProperties",
    schema: {
      type: "object",
      required: ["x-extra"],
      additionalProperties: { type: "integer", minimum: 3 },
    },
  },
  {
    name: "minProperties",
    schema: { type: "object", minProperties: 3, properties: { a: { type: "string" } } },
  },
  {
    name: "maxProperties keeps required ones",
    schema: {
      type: "object",
      maxProperties: 1,
      required: ["b"],
      properties: { a: { type: "string" }, b: { type: "string" } },
    },
  },
  {
    name: "additionalProperties false",
    schema: { type: "object", additionalProperties: false, properties: { a: { type: "boolean" } } },
  },
  // combinators
  {
    name: "oneOf of objects that overlap",
    schema: { oneOf: [{ $ref: "#/components/schemas/Cat" }, { $ref: "#/components/schemas/Dog" }] },
    others: {
      Cat: {
        type: "object",
        required: ["kind"],
        properties: { kind: { type: "string" }, lives: { type: "integer" } },
      },
      Dog: {
        type: "object",
        required: ["kind"],
        properties: { kind: { type: "string" }, bark: { type: "boolean" } },
      },
    },
  },
  {
    name: "discriminator mapping sets the tag",
    schema: {
      oneOf: [{ $ref: "#/components/schemas/Cat" }],
      discriminator: { propertyName: "kind", mapping: { cat: "#/components/schemas/Cat" } },
    },
    others: {
      Cat: { type: "object", required: ["kind"], properties: { kind: { type: "string" } } },
    },
    want: { kind: "cat" },
  },
  {
    name: "oneOf of scalars",
    schema: {
      oneOf: [
        { type: "string", format: "email" },
        { type: "string", maxLength: 3 },
      ],
    },
  },
  { name: "anyOf", schema: { anyOf: [{ type: "integer", minimum: 100 }, { type: "string" }] } },
  {
    name: "allOf merges bounds",
    schema: {
      allOf: [
        { type: "integer", minimum: 5 },
        { maximum: 6, multipleOf: 3 },
      ],
    },
    want: 6,
  },
  {
    name: "allOf of objects",
    schema: {
      allOf: [
        { $ref: "#/components/schemas/Base" },
        { type: "object", required: ["b"], properties: { b: { type: "string", format: "date" } } },
      ],
    },
    others: { Base: { type: "object", required: ["a"], properties: { a: { type: "integer" } } } },
  },
  {
    name: "allOf members that each forbid extras",
    schema: {
      allOf: [
        { type: "object", additionalProperties: false, properties: { a: { type: "string" } } },
        { type: "object", additionalProperties: false, properties: { b: { type: "string" } } },
      ],
    },
    want: {},
  },
  { name: "not", schema: { type: "string", not: { enum: ["string", "example"] } } },
  // nullability and 3.1 types
  {
    name: "nullable string (3.0) is sampled as a string",
    schema: { type: "string", nullable: true },
  },
  {
    name: "type array (3.1) picks the non-null type",
    schema: { type: ["null", "integer"], minimum: 4 },
    version: "3.1",
    want: 4,
  },
  {
    name: "prefixItems (3.1)",
    schema: {
      type: "array",
      prefixItems: [{ type: "integer" }, { type: "string", format: "date" }],
      items: false,
    },
    version: "3.1",
  },
  {
    name: "$ref with siblings (3.1)",
    schema: { $ref: "#/components/schemas/Base", required: ["c"], properties: { c: { const: 1 } } },
    version: "3.1",
    others: { Base: { type: "object", required: ["a"], properties: { a: { type: "integer" } } } },
  },
  // recursion
  {
    name: "circular schema (optional self reference)",
    schema: { $ref: "#/components/schemas/Node" },
    others: { Node: node },
  },
  {
    name: "circular schema through arrays",
    schema: {
      type: "object",
      required: ["children"],
      properties: { children: { type: "array", items: { $ref: "#/components/schemas/S" } } },
    },
  },
];

describe("generated samples validate (judged by Ajv)", () => {
  it.each(valid)("$name", ({ schema, version, others, want }) => {
    const { value, error, again, ajv } = sampleAndJudge(schema, version, others);
    expect({ value, error, ajv }).toEqual({ value, error: undefined, ajv: undefined });
    expect(again).toEqual(value);
    if (want !== undefined) expect(value).toEqual(want);
  });
});

describe("samples that cannot be made valid are reported", () => {
  it.each([
    {
      name: "allOf of string and integer",
      schema: { allOf: [{ type: "string" }, { type: "integer" }] },
    },
    {
      name: "required self reference",
      schema: {
        type: "object",
        required: ["parent"],
        properties: { parent: { $ref: "#/components/schemas/S" } },
      },
    },
    {
      name: "oneOf of identical branches",
      schema: { oneOf: [{ type: "string" }, { type: "string" }] },
    },
    {
      name: "empty integer range",
      schema: { type: "integer", exclusiveMinimum: 1, exclusiveMaximum: 2 },
      version: "3.1" as const,
    },
  ])("$name", ({ schema, version }) => {
    const { error, ajv } = sampleAndJudge(schema, version);
    expect(error).toBeDefined();
    expect(ajv).toBeDefined();
  });
});

describe("realistic values", () => {
  it.each([
    { name: "email", want: "user@example.com" },
    { name: "homepageUrl", want: "https://example.com" },
    { name: "birthDate", want: "2019-08-24" },
    { name: "orderId", want: "1234" },
  ])("a string named $name", ({ name, want }) => {
    expect(sampleAndJudge({ type: "string" }, "3.0", {}, name).value).toBe(want);
  });

  it("object properties get realistic values by name, inside valid objects", () => {
    const schema = {
      type: "object",
      properties: {
        id: { type: "integer" },
        email: { type: "string" },
        name: { type: "string" },
        count: { type: "integer", minimum: 1 },
      },
    };
    expect(sampleAndJudge(schema).value).toEqual({
      id: 1,
      email: "user@example.com",
      name: "example",
      count: 1,
    });
  });
});
