import { describe, it } from "vitest";
import { expectValidSample, type ValidSampleCase } from "./sample-judge";

const node = {
  type: "object",
  properties: { value: { type: "integer" }, next: { $ref: "#/components/schemas/Node" } },
};

/** Arrays, objects, combinators, nullability and recursion. */
const valid: ValidSampleCase[] = [
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
  it.each(valid)("$name", expectValidSample);
});
