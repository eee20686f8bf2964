import { describe, expect, it } from "vitest";
import type { OasSchema } from "../../scripts/model/types";
import { createSchemaRegistry } from "../../scripts/schema/registry";
import type { SchemaMode } from "../../scripts/schema/types";
import type { OpenApiDocument, SpecVersion } from "../../scripts/spec/types";
import { compileLikeNewman } from "./ajv6";

interface Case {
  given: unknown;
  mode?: SchemaMode;
  version?: SpecVersion;
  /** components/schemas of the document the registry reads. */
  components?: Record<string, unknown>;
  want: unknown;
  /** Instances Ajv 6 (as Newman runs it) must accept / reject after translation. */
  valid?: unknown[];
  invalid?: unknown[];
}

const INT32_MIN = -(2 ** 31);
const INT32_MAX = 2 ** 31 - 1;

function documentWith(version: SpecVersion, components: Record<string, unknown> = {}) {
  return {
    openapi: version === "3.1" ? "3.1.0" : "3.0.3",
    info: { title: "t", version: "1" },
    paths: {},
    components: { schemas: components },
  } as unknown as OpenApiDocument;
}

function run(c: Case) {
  const registry = createSchemaRegistry(documentWith(c.version ?? "3.0", c.components), c.version ?? "3.0");
  const got = registry.translate(c.given as OasSchema, c.mode ?? "response");
  return { registry, got };
}

function check(c: Case): void {
  const { registry, got } = run(c);
  expect(got).toEqual(c.want);
  const validate = compileLikeNewman(got, registry.definitions());
  for (const value of c.valid ?? []) expect(validate(value), `accepts ${JSON.stringify(value)}`).toBe(true);
  for (const value of c.invalid ?? []) expect(validate(value), `rejects ${JSON.stringify(value)}`).toBe(false);
}

const nullable: [string, Case][] = [
  [
    "3.0 nullable with a type adds null to the type",
    { given: { type: "string", nullable: true }, want: { type: ["string", "null"] }, valid: ["a", null], invalid: [1] },
  ],
  [
    "3.0 nullable with an enum adds null to the enum too",
    {
      given: { type: "string", enum: ["a", "b"], nullable: true },
      want: { type: ["string", "null"], enum: ["a", "b", null] },
      valid: ["a", null],
      invalid: ["c"],
    },
  ],
  [
    "3.0 nullable beside allOf becomes anyOf with {type: null}",
    {
      given: { nullable: true, allOf: [{ type: "object", required: ["a"] }] },
      want: { anyOf: [{ allOf: [{ type: "object", required: ["a"] }] }, { type: "null" }] },
      valid: [null, { a: 1 }],
      invalid: [{}, 1],
    },
  ],
  [
    "3.0 nullable with a type and oneOf still wraps (the type alone would not admit null)",
    {
      given: { type: "object", nullable: true, oneOf: [{ required: ["a"] }, { required: ["b"] }] },
      want: { anyOf: [{ type: "object", oneOf: [{ required: ["a"] }, { required: ["b"] }] }, { type: "null" }] },
      valid: [null, { a: 1 }],
      invalid: [{ a: 1, b: 2 }],
    },
  ],
  [
    "3.0 nullable beside a $ref wraps the ref in anyOf",
    {
      given: { $ref: "#/components/schemas/Pet", nullable: true },
      components: { Pet: { type: "object", required: ["name"] } },
      want: { anyOf: [{ $ref: "#/definitions/Pet" }, { type: "null" }] },
      valid: [null, { name: "x" }],
      invalid: [{}, "x"],
    },
  ],
  [
    "3.0 nullable without type or applicators needs nothing: no keyword rejects null",
    { given: { nullable: true, properties: { a: { type: "string" } } }, want: { properties: { a: { type: "string" } } }, valid: [null] },
  ],
  ["3.0 nullable: false changes nothing", { given: { type: "integer", nullable: false }, want: { type: "integer" }, invalid: [null] }],
  [
    "3.1 ignores nullable (type arrays say it there)",
    { version: "3.1", given: { type: "string", nullable: true }, want: { type: "string" }, invalid: [null] },
  ],
  [
    "a property that is not nullable rejects null",
    {
      given: { type: "object", properties: { a: { type: "string" }, b: { type: "string", nullable: true } } },
      want: { type: "object", properties: { a: { type: "string" }, b: { type: ["string", "null"] } } },
      valid: [{ a: "x", b: null }],
      invalid: [{ a: null }],
    },
  ],
];

const numbers: [string, Case][] = [
  [
    "3.0 exclusiveMinimum: true moves the minimum into exclusiveMinimum",
    { given: { type: "number", minimum: 0, exclusiveMinimum: true }, want: { type: "number", exclusiveMinimum: 0 }, valid: [0.1], invalid: [0] },
  ],
  [
    "3.0 exclusiveMaximum: true moves the maximum into exclusiveMaximum",
    { given: { type: "number", maximum: 10, exclusiveMaximum: true }, want: { type: "number", exclusiveMaximum: 10 }, valid: [9.9], invalid: [10] },
  ],
  [
    "3.0 exclusiveMinimum: false keeps an inclusive minimum",
    { given: { type: "number", minimum: 0, exclusiveMinimum: false }, want: { type: "number", minimum: 0 }, valid: [0] },
  ],
  ["3.0 exclusiveMinimum: true without minimum is dropped", { given: { type: "number", exclusiveMinimum: true }, want: { type: "number" } }],
  [
    "3.1 numeric exclusive bounds pass through",
    {
      version: "3.1",
      given: { type: "number", exclusiveMinimum: 1, exclusiveMaximum: 5 },
      want: { type: "number", exclusiveMinimum: 1, exclusiveMaximum: 5 },
      valid: [2],
      invalid: [1, 5],
    },
  ],
  [
    "a bound that is not a number is dropped (Ajv 6 would throw on the schema)",
    { given: { type: "integer", maximum: "100", minLength: -1, multipleOf: 0 }, want: { type: "integer" } },
  ],
];

const formats: [string, Case][] = [
  ...[
    "date",
    "time",
    "date-time",
    "uri",
    "uri-reference",
    "uri-template",
    "url",
    "email",
    "hostname",
    "ipv4",
    "ipv6",
    "regex",
    "uuid",
    "json-pointer",
    "relative-json-pointer",
  ].map((format): [string, Case] => [
    `format ${format} is kept (Ajv 6 knows it)`,
    { given: { type: "string", format }, want: { type: "string", format } },
  ]),
  [
    "format date-time rejects a date",
    { given: { type: "string", format: "date-time" }, want: { type: "string", format: "date-time" }, valid: ["2024-01-02T03:04:05Z"], invalid: ["2024-01-02"] },
  ],
  [
    "int32 becomes 32-bit bounds",
    {
      given: { type: "integer", format: "int32" },
      want: { type: "integer", minimum: INT32_MIN, maximum: INT32_MAX },
      valid: [INT32_MAX, INT32_MIN],
      invalid: [2 ** 31, -(2 ** 31) - 1],
    },
  ],
  [
    "int32 keeps tighter bounds of the schema",
    { given: { type: "integer", format: "int32", minimum: 1, maximum: 10 }, want: { type: "integer", minimum: 1, maximum: 10 } },
  ],
  ...["int64", "float", "double", "binary", "password", "duration", "x-custom"].map((format): [string, Case] => [
    `format ${format} is dropped (Ajv 6 would throw on it)`,
    { given: { type: "string", format }, want: { type: "string" }, valid: ["anything"] },
  ]),
  [
    "format byte becomes a base64 pattern",
    { given: { type: "string", format: "byte" }, want: { type: "string", pattern: "^[A-Za-z0-9+/_-]*={0,2}$" }, valid: ["aGVsbG8=", ""], invalid: ["not base64!"] },
  ],
  [
    "format byte leaves a pattern of the schema alone",
    { given: { type: "string", format: "byte", pattern: "^a+$" }, want: { type: "string", pattern: "^a+$" } },
  ],
];

const v31: [string, Case][] = [
  [
    "3.1 type arrays pass through",
    { version: "3.1", given: { type: ["string", "null"] }, want: { type: ["string", "null"] }, valid: ["a", null], invalid: [1] },
  ],
  ["3.1 const passes through", { version: "3.1", given: { const: "x" }, want: { const: "x" }, valid: ["x"], invalid: ["y"] }],
  ["3.1 examples pass through", { version: "3.1", given: { type: "string", examples: ["a", "b"] }, want: { type: "string", examples: ["a", "b"] } }],
  [
    "3.1 prefixItems becomes an items array, items becomes additionalItems",
    {
      version: "3.1",
      given: { type: "array", prefixItems: [{ type: "string" }, { type: "integer" }], items: false },
      want: { type: "array", items: [{ type: "string" }, { type: "integer" }], additionalItems: false },
      valid: [["a", 1]],
      invalid: [[1, "a"], ["a", 1, 2]],
    },
  ],
  [
    "3.1 prefixItems without items leaves extra items free",
    { version: "3.1", given: { prefixItems: [{ type: "string" }] }, want: { items: [{ type: "string" }] }, valid: [["a", 1]] },
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
      components: { Box: { type: "object", $defs: { Size: { type: "integer" } }, properties: { size: { $ref: "#/components/schemas/Box/$defs/Size" } } } },
      want: { $ref: "#/definitions/Box._defs.Size" },
      valid: [3],
      invalid: ["3"],
    },
  ],
  [
    "3.1 unevaluatedProperties and unevaluatedItems are dropped",
    {
      version: "3.1",
      given: { type: "object", unevaluatedProperties: false, properties: { a: { type: "array", unevaluatedItems: false } } },
      want: { type: "object", properties: { a: { type: "array" } } },
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
    { given: { $ref: "#/components/schemas/Pet", required: ["id"] }, components: { Pet: { type: "object" } }, want: { $ref: "#/definitions/Pet" }, valid: [{}] },
  ],
  [
    "$schema and $id are dropped (Ajv 6 would try to load a 2020-12 meta-schema)",
    {
      version: "3.1",
      given: { $schema: "https://json-schema.org/draft/2020-12/schema", $id: "https://x/y", type: "string" },
      want: { type: "string" },
    },
  ],
];

const readWrite: [string, Case][] = [
  [
    "response mode drops writeOnly properties from required",
    {
      given: { type: "object", required: ["id", "password"], properties: { id: { type: "integer", readOnly: true }, password: { type: "string", writeOnly: true } } },
      mode: "response",
      want: { type: "object", required: ["id"], properties: { id: { type: "integer", readOnly: true }, password: { type: "string", writeOnly: true } } },
      valid: [{ id: 1 }],
      invalid: [{ password: "x" }],
    },
  ],
  [
    "request mode drops readOnly properties from required",
    {
      given: { type: "object", required: ["id", "password"], properties: { id: { type: "integer", readOnly: true }, password: { type: "string", writeOnly: true } } },
      mode: "request",
      want: { type: "object", required: ["password"], properties: { id: { type: "integer", readOnly: true }, password: { type: "string", writeOnly: true } } },
      valid: [{ password: "x" }],
      invalid: [{ id: 1 }],
    },
  ],
  [
    "a required list emptied by the mode is left out",
    { given: { type: "object", required: ["id"], properties: { id: { readOnly: true } } }, mode: "request", want: { type: "object", properties: { id: { readOnly: true } } } },
  ],
  [
    "readOnly on the referenced schema counts",
    {
      given: { type: "object", required: ["created"], properties: { created: { $ref: "#/components/schemas/Stamp" } } },
      components: { Stamp: { type: "string", readOnly: true } },
      mode: "request",
      want: { type: "object", properties: { created: { $ref: "#/definitions/Stamp" } } },
    },
  ],
  [
    "required in an allOf member finds its property in a sibling",
    {
      given: { allOf: [{ $ref: "#/components/schemas/Base" }, { required: ["id", "name"] }] },
      components: { Base: { type: "object", properties: { id: { type: "integer", readOnly: true }, name: { type: "string" } } } },
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
      given: { oneOf: [{ type: "object" }, { type: "object", required: ["bark"] }], discriminator: { propertyName: "kind" } },
      want: { anyOf: [{ type: "object" }, { type: "object", required: ["bark"] }] },
      valid: [{ bark: true }],
    },
  ],
  ["type: file (Swagger 2.0) accepts anything", { given: { type: "file", format: "binary" }, want: {}, valid: ["x", 1] }],
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
    { given: { type: "string", enum: ["a", "a", "b"], required: ["x", "x"] }, want: { type: "string", enum: ["a", "b"], required: ["x"] } },
  ],
  ["an empty enum is dropped", { given: { type: "string", enum: [] }, want: { type: "string" } }],
  ["a boolean true schema becomes {}", { given: true, want: {} }],
  ["a boolean false schema becomes {not: {}}", { given: false, want: { not: {} }, invalid: [1, null] }],
  [
    "boolean subschemas stay booleans",
    { version: "3.1", given: { type: "object", properties: { a: false }, additionalProperties: true }, want: { type: "object", properties: { a: false }, additionalProperties: true }, invalid: [{ a: 1 }] },
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
  ["nullable", nullable],
  ["numeric bounds", numbers],
  ["formats", formats],
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
      "unevaluatedProperties",
      { version: "3.1", given: { $ref: "#/components/schemas/A" }, components: { A: { unevaluatedProperties: false } }, want: {}, code: "unsupported-schema", pointer: "#/components/schemas/A/unevaluatedProperties" },
    ],
    [
      "an invalid pattern",
      { given: { $ref: "#/components/schemas/A" }, components: { A: { properties: { p: { pattern: "[" } } } }, want: {}, code: "unsupported-schema", pointer: "#/components/schemas/A/properties/p/pattern" },
    ],
    [
      "an unresolvable $ref",
      { given: { $ref: "#/components/schemas/A" }, components: { A: { items: { $ref: "#/components/schemas/Missing" } } }, want: {}, code: "unresolved-ref", pointer: "#/components/schemas/A/items" },
    ],
  ])("records %s with its pointer", (_name, c) => {
    const { registry } = run(c);
    registry.definitions();
    const problems = registry.problems?.() ?? [];
    expect(problems.map((p) => [p.code, p.severity, p.pointer])).toEqual([[c.code, "warning", c.pointer]]);
  });
});
