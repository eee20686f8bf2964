import { describe, expect, it } from "vitest";
import { type Case, check, run } from "./case";

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

const readWrite: [string, Case][] = [
  [
    "response mode drops writeOnly properties from required",
    {
      given: {
        type: "object",
        required: ["id", "password"],
        properties: {
          id: { type: "integer", readOnly: true },
          password: { type: "string", writeOnly: true },
        },
      },
      mode: "response",
      want: {
        type: "object",
        required: ["id"],
        properties: {
          id: { type: "integer", readOnly: true },
          password: { type: "string", writeOnly: true },
        },
      },
      valid: [{ id: 1 }],
      invalid: [{ password: "x" }],
    },
  ],
  [
    "request mode drops readOnly properties from required",
    {
      given: {
        type: "object",
        required: ["id", "password"],
        properties: {
          id: { type: "integer", readOnly: true },
          password: { type: "string", writeOnly: true },
        },
      },
      mode: "request",
      want: {
        type: "object",
        required: ["password"],
        properties: {
          id: { type: "integer", readOnly: true },
          password: { type: "string", writeOnly: true },
        },
      },
      valid: [{ password: "x" }],
      invalid: [{ id: 1 }],
    },
  ],
  [
    "a required list emptied by the mode is left out",
    {
      given: { type: "object", required: ["id"], properties: { id: { readOnly: true } } },
      mode: "request",
      want: { type: "object", properties: { id: { readOnly: true } } },
    },
  ],
  [
    "readOnly on the referenced schema counts",
    {
      given: {
        type: "object",
        required: ["created"],
        properties: { created: { $ref: "#/components/schemas/Stamp" } },
      },
      components: { Stamp: { type: "string", readOnly: true } },
      mode: "request",
      want: { type: "object", properties: { created: { $ref: "#/definitions/Stamp" } } },
    },
  ],
  [
    "required in an allOf member finds its property in a sibling",
    {
      given: { allOf: [{ $ref: "#/components/schemas/Base" }, { required: ["id", "name"] }] },
      components: {
        Base: {
          type: "object",
          properties: { id: { type: "integer", readOnly: true }, name: { type: "string" } },
        },
      },
      mode: "request",
      want: { allOf: [{ $ref: "#/definitions/Base" }, { required: ["name"] }] },
      valid: [{ name: "x" }],
    },
  ],
];

const dropped: [string, Case][] = [
  [
    "OpenAPI-only keywords and x- extensions are dropped",
    {
      given: {
        type: "object",
        discriminator: { propertyName: "kind" },
        xml: { name: "pet" },
        externalDocs: { url: "https://x" },
        example: { kind: "cat" },
        deprecated: true,
        "x-internal": true,
      },
      want: { type: "object" },
    },
  ],
  [
    "oneOf with a discriminator becomes anyOf (overlapping members must not fail valid payloads)",
    {
      given: {
        oneOf: [{ type: "object" }, { type: "object", required: ["bark"] }],
        discriminator: { propertyName: "kind" },
      },
      want: { anyOf: [{ type: "object" }, { type: "object", required: ["bark"] }] },
      valid: [{ bark: true }],
    },
  ],
  [
    "type: file (Swagger 2.0) accepts anything",
    { given: { type: "file", format: "binary" }, want: {}, valid: ["x", 1] },
  ],
  ["an unknown type name is dropped", { given: { type: "int" }, want: {} }],
  [
    "a pattern JavaScript cannot compile is dropped",
    { given: { type: "string", pattern: "(?<!unclosed" }, want: { type: "string" } },
  ],
  [
    "a pattern that needs the u flag is dropped",
    { given: { type: "string", pattern: "^\\p{L}+$" }, want: { type: "string" }, valid: ["é"] },
  ],
  [
    "duplicate required names and enum values are removed (Ajv 6 rejects them)",
    {
      given: { type: "string", enum: ["a", "a", "b"], required: ["x", "x"] },
      want: { type: "string", enum: ["a", "b"], required: ["x"] },
    },
  ],
  ["an empty enum is dropped", { given: { type: "string", enum: [] }, want: { type: "string" } }],
  ["a boolean true schema becomes {}", { given: true, want: {} }],
  [
    "a boolean false schema becomes {not: {}}",
    { given: false, want: { not: {} }, invalid: [1, null] },
  ],
  [
    "boolean subschemas stay booleans",
    {
      version: "3.1",
      given: { type: "object", properties: { a: false }, additionalProperties: true },
      want: { type: "object", properties: { a: false }, additionalProperties: true },
      invalid: [{ a: 1 }],
    },
  ],
  [
    "annotations stay: title, description, default, readOnly",
    {
      given: { type: "string", title: "T", description: "D", default: "x", readOnly: true },
      want: { type: "string", title: "T", description: "D", default: "x", readOnly: true },
    },
  ],
];

const cases: [string, [string, Case][]][] = [
  ["OpenAPI 3.1 keywords", v31],
  ["readOnly / writeOnly", readWrite],
  ["dropped and repaired keywords", dropped],
];

for (const [group, table] of cases) {
  describe(`translate: ${group}`, () => {
    it.each(table)("%s", (_name, c) => check(c));
  });
}

describe("translate: problems", () => {
  it.each<[string, Case & { code: string; pointer: string }]>([
    [
      "unevaluatedProperties over anyOf",
      {
        version: "3.1",
        given: { $ref: "#/components/schemas/A" },
        components: {
          A: {
            anyOf: [{ properties: { a: {} } }, { properties: { b: {} } }],
            unevaluatedProperties: false,
          },
        },
        want: {},
        code: "unsupported-schema",
        pointer: "#/components/schemas/A/unevaluatedProperties",
      },
    ],
    [
      "an invalid pattern",
      {
        given: { $ref: "#/components/schemas/A" },
        components: { A: { properties: { p: { pattern: "[" } } } },
        want: {},
        code: "unsupported-schema",
        pointer: "#/components/schemas/A/properties/p/pattern",
      },
    ],
    [
      "an unresolvable $ref",
      {
        given: { $ref: "#/components/schemas/A" },
        components: { A: { items: { $ref: "#/components/schemas/Missing" } } },
        want: {},
        code: "unresolved-ref",
        pointer: "#/components/schemas/A/items",
      },
    ],
  ])("records %s with its pointer", (_name, c) => {
    const { registry } = run(c);
    registry.definitions();
    const problems = registry.problems?.() ?? [];
    expect(problems.map((p) => [p.code, p.severity, p.pointer])).toEqual([
      [c.code, "warning", c.pointer],
    ]);
  });
});
