import { describe, expect, it } from "vitest";
import { expectValidSample, sampleAndJudge, type ValidSampleCase } from "./sample-judge";

/** Scalars: formats, numbers, strings. Arrays, objects and combinators: samples-structures.test.ts. */
const valid: ValidSampleCase[] = [
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
];

describe("generated samples validate (judged by Ajv)", () => {
  it.each(valid)("$name", expectValidSample);
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
