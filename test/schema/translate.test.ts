import { describe, it } from "vitest";
import { type Case, check } from "./case";

const INT32_MIN = -(2 ** 31);
const INT32_MAX = 2 ** 31 - 1;

const nullable: [string, Case][] = [
  [
    "3.0 nullable with a type adds null to the type",
    {
      given: { type: "string", nullable: true },
      want: { type: ["string", "null"] },
      valid: ["a", null],
      invalid: [1],
    },
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
      want: {
        anyOf: [
          { type: "object", oneOf: [{ required: ["a"] }, { required: ["b"] }] },
          { type: "null" },
        ],
      },
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
    {
      given: { nullable: true, properties: { a: { type: "string" } } },
      want: { properties: { a: { type: "string" } } },
      valid: [null],
    },
  ],
  [
    "3.0 nullable: false changes nothing",
    { given: { type: "integer", nullable: false }, want: { type: "integer" }, invalid: [null] },
  ],
  [
    "3.1 ignores nullable (type arrays say it there)",
    {
      version: "3.1",
      given: { type: "string", nullable: true },
      want: { type: "string" },
      invalid: [null],
    },
  ],
  [
    "a property that is not nullable rejects null",
    {
      given: {
        type: "object",
        properties: { a: { type: "string" }, b: { type: "string", nullable: true } },
      },
      want: {
        type: "object",
        properties: { a: { type: "string" }, b: { type: ["string", "null"] } },
      },
      valid: [{ a: "x", b: null }],
      invalid: [{ a: null }],
    },
  ],
];

const numbers: [string, Case][] = [
  [
    "3.0 exclusiveMinimum: true moves the minimum into exclusiveMinimum",
    {
      given: { type: "number", minimum: 0, exclusiveMinimum: true },
      want: { type: "number", exclusiveMinimum: 0 },
      valid: [0.1],
      invalid: [0],
    },
  ],
  [
    "3.0 exclusiveMaximum: true moves the maximum into exclusiveMaximum",
    {
      given: { type: "number", maximum: 10, exclusiveMaximum: true },
      want: { type: "number", exclusiveMaximum: 10 },
      valid: [9.9],
      invalid: [10],
    },
  ],
  [
    "3.0 exclusiveMinimum: false keeps an inclusive minimum",
    {
      given: { type: "number", minimum: 0, exclusiveMinimum: false },
      want: { type: "number", minimum: 0 },
      valid: [0],
    },
  ],
  [
    "3.0 exclusiveMinimum: true without minimum is dropped",
    { given: { type: "number", exclusiveMinimum: true }, want: { type: "number" } },
  ],
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
    {
      given: { type: "integer", maximum: "100", minLength: -1, multipleOf: 0 },
      want: { type: "integer" },
    },
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
    {
      given: { type: "string", format: "date-time" },
      want: { type: "string", format: "date-time" },
      valid: ["2024-01-02T03:04:05Z"],
      invalid: ["2024-01-02"],
    },
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
    {
      given: { type: "integer", format: "int32", minimum: 1, maximum: 10 },
      want: { type: "integer", minimum: 1, maximum: 10 },
    },
  ],
  ...["int64", "float", "double", "binary", "password", "duration", "x-custom"].map(
    (format): [string, Case] => [
      `format ${format} is dropped (Ajv 6 would throw on it)`,
      { given: { type: "string", format }, want: { type: "string" }, valid: ["anything"] },
    ],
  ),
  [
    "format byte becomes a base64 pattern",
    {
      given: { type: "string", format: "byte" },
      want: { type: "string", pattern: "^[A-Za-z0-9+/_-]*={0,2}$" },
      valid: ["aGVsbG8=", ""],
      invalid: ["not base64!"],
    },
  ],
  [
    "format byte leaves a pattern of the schema alone",
    {
      given: { type: "string", format: "byte", pattern: "^a+$" },
      want: { type: "string", pattern: "^a+$" },
    },
  ],
];

const cases: [string, [string, Case][]][] = [
  ["nullable", nullable],
  ["numeric bounds", numbers],
  ["formats", formats],
];

for (const [group, table] of cases) {
  describe(`translate: ${group}`, () => {
    it.each(table)("%s", (_name, c) => check(c));
  });
}
