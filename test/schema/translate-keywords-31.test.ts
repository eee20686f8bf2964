import { describe, it } from "vitest";
import { type Case, check } from "./case";

const v31: [string, Case][] = [
  [
    "3.1 type arrays pass through",
    {
      version: "3.1",
      given: { type: ["string", "null"] },
      want: { type: ["string", "null"] },
      valid: ["a", null],
      invalid: [1],
    },
  ],
  [
    "3.1 const passes through",
    { version: "3.1", given: { const: "x" }, want: { const: "x" }, valid: ["x"], invalid: ["y"] },
  ],
  [
    "3.1 examples pass through",
    {
      version: "3.1",
      given: { type: "string", examples: ["a", "b"] },
      want: { type: "string", examples: ["a", "b"] },
    },
  ],
  [
    "3.1 prefixItems becomes an items array, items becomes additionalItems",
    {
      version: "3.1",
      given: {
        type: "array",
        prefixItems: [{ type: "string" }, { type: "integer" }],
        items: false,
      },
      want: {
        type: "array",
        items: [{ type: "string" }, { type: "integer" }],
        additionalItems: false,
      },
      valid: [["a", 1]],
      invalid: [
        [1, "a"],
        ["a", 1, 2],
      ],
    },
  ],
  [
    "3.1 prefixItems without items leaves extra items free",
    {
      version: "3.1",
      given: { prefixItems: [{ type: "string" }] },
      want: { items: [{ type: "string" }] },
      valid: [["a", 1]],
    },
  ],
  [
    "3.1 dependentRequired becomes dependencies",
    {
      version: "3.1",
      given: { type: "object", dependentRequired: { card: ["billing"] } },
      want: { type: "object", dependencies: { card: ["billing"] } },
      valid: [{ card: 1, billing: 2 }, {}],
      invalid: [{ card: 1 }],
    },
  ],
  [
    "3.1 dependentSchemas becomes dependencies",
    {
      version: "3.1",
      given: { dependentSchemas: { card: { required: ["billing"] } } },
      want: { dependencies: { card: { required: ["billing"] } } },
      invalid: [{ card: 1 }],
    },
  ],
  [
    "3.1 $defs are dropped; a ref into them becomes its own definition",
    {
      version: "3.1",
      given: { $ref: "#/components/schemas/Box/$defs/Size" },
      components: {
        Box: {
          type: "object",
          $defs: { Size: { type: "integer" } },
          properties: { size: { $ref: "#/components/schemas/Box/$defs/Size" } },
        },
      },
      want: { $ref: "#/definitions/Box._defs.Size" },
      valid: [3],
      invalid: ["3"],
    },
  ],
  [
    "3.1 unevaluatedProperties without applicators is additionalProperties; unevaluatedItems is dropped",
    {
      version: "3.1",
      given: {
        type: "object",
        unevaluatedProperties: false,
        properties: { a: { type: "array", unevaluatedItems: false } },
      },
      want: { type: "object", properties: { a: { type: "array" } }, additionalProperties: false },
      valid: [{ a: [] }],
      invalid: [{ a: [], b: 1 }],
    },
  ],
  [
    "3.1 unevaluatedProperties over allOf: the members' properties are known here",
    {
      version: "3.1",
      given: {
        allOf: [{ $ref: "#/components/schemas/Base" }, { properties: { b: { type: "string" } } }],
        unevaluatedProperties: { type: "integer" },
      },
      components: {
        Base: { type: "object", properties: { a: {} }, patternProperties: { "^x-": {} } },
      },
      want: {
        allOf: [{ $ref: "#/definitions/Base" }, { properties: { b: { type: "string" } } }],
        properties: { a: {}, b: {} },
        patternProperties: { "^x-": {} },
        additionalProperties: { type: "integer" },
      },
      valid: [{ a: "any", b: "x", "x-y": "z", c: 1 }],
      invalid: [{ c: "not an integer" }],
    },
  ],
  [
    "3.1 unevaluatedProperties beside $ref counts the target's properties",
    {
      version: "3.1",
      given: { $ref: "#/components/schemas/Base", unevaluatedProperties: false },
      components: { Base: { type: "object", properties: { a: {} } } },
      want: {
        allOf: [{ $ref: "#/definitions/Base" }],
        properties: { a: {} },
        additionalProperties: false,
      },
      valid: [{ a: 1 }],
      invalid: [{ a: 1, b: 2 }],
    },
  ],
  [
    "3.1 unevaluatedProperties after additionalProperties has nothing left to judge",
    {
      version: "3.1",
      given: { additionalProperties: { type: "string" }, unevaluatedProperties: false },
      want: { additionalProperties: { type: "string" } },
      valid: [{ a: "x" }],
    },
  ],
  [
    "3.1 $ref with constraining siblings becomes allOf",
    {
      version: "3.1",
      given: { $ref: "#/components/schemas/Pet", required: ["id"] },
      components: { Pet: { type: "object" } },
      want: { allOf: [{ $ref: "#/definitions/Pet" }, { required: ["id"] }] },
      invalid: [{}],
    },
  ],
  [
    "3.1 $ref with only a description stays a plain ref",
    {
      version: "3.1",
      given: { $ref: "#/components/schemas/Pet", description: "the pet" },
      components: { Pet: { type: "object" } },
      want: { $ref: "#/definitions/Pet" },
    },
  ],
  [
    "3.0 ignores $ref siblings",
    {
      given: { $ref: "#/components/schemas/Pet", required: ["id"] },
      components: { Pet: { type: "object" } },
      want: { $ref: "#/definitions/Pet" },
      valid: [{}],
    },
  ],
  [
    "$schema and $id are dropped (Ajv 6 would try to load a 2020-12 meta-schema)",
    {
      version: "3.1",
      given: {
        $schema: "https://json-schema.org/draft/2020-12/schema",
        $id: "https://x/y",
        type: "string",
      },
      want: { type: "string" },
    },
  ],
];

describe("translate: OpenAPI 3.1 keywords", () => {
  it.each(v31)("%s", (_name, c) => check(c));
});
