import { describe, expect, it } from "vitest";
import { type Case, check, run } from "./case";

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
