import { describe, expect, it } from "vitest";
import type { OpenApiDocument } from "../../scripts/load/types";
import type { SchemaEnv } from "../../scripts/model/sample/env";
import { firstError } from "../../scripts/model/sample/validate";
import type { OasSchema } from "../../scripts/model/types";
import { isPlainSchema } from "../../scripts/schema/semantics";
import type { SchemaMode } from "../../scripts/schema/types";
import { createSchemaValidator } from "../../scripts/schema/validator";

// Plain schemas skip the compiled validator (model/context.ts): the sampler's fast check must
// then say exactly what the contract check would, for every value. Each schema meets values
// on both sides of each of its keywords.
const document = {
  openapi: "3.0.3",
  info: { title: "t", version: "1" },
  paths: {},
} as unknown as OpenApiDocument;
const core = createSchemaValidator(document, "3.0");
const env = (mode: SchemaMode): SchemaEnv => ({
  is31: false,
  mode,
  resolve: () => undefined,
});

const SCHEMAS: Array<Record<string, unknown>> = [
  { type: "string" },
  { type: "string", minLength: 2, maxLength: 3 },
  { type: "string", enum: ["a", "b c", "2"] },
  { type: "string", const: "x" },
  { type: "integer", minimum: 1, maximum: 10 },
  { type: "integer", enum: [1, 2] },
  { type: "number", minimum: 0.5, maximum: 1.5 },
  { type: "boolean" },
  { type: "array", items: { type: "string", enum: ["id", "name"] }, uniqueItems: true },
  { type: "array", items: { type: "integer" }, minItems: 1, maxItems: 2 },
  { type: "array", items: { type: "array", items: { type: "number" } } },
  { type: "string", description: "d", example: "e", default: "f", deprecated: true, "x-a": 1 },
];
const VALUES: unknown[] = [
  "",
  "a",
  "ab",
  "abcd",
  "b c",
  "2",
  "x",
  "id",
  1,
  2,
  0,
  11,
  0.5,
  1.5,
  2.5,
  1.0000001,
  true,
  null,
  {},
  [],
  ["id"],
  ["id", "name"],
  ["id", "id"],
  ["nope"],
  [1],
  [1, 2, 3],
  ["1"],
  [[1.5], []],
  [[1, "x"]],
  [null],
];

describe("plain schemas", () => {
  it.each(SCHEMAS.map((schema) => [JSON.stringify(schema), schema]))(
    "%s: the fast check and the contract check agree on every value",
    (_name, schema) => {
      expect(isPlainSchema(schema)).toBe(true);
      for (const mode of ["request", "response"] as const) {
        for (const value of VALUES) {
          const fast = firstError(value, schema, env(mode)) === undefined;
          const contract = core.check(schema as OasSchema, value, mode).valid;
          expect({ value, mode, fast }).toEqual({ value, mode, fast: contract });
        }
      }
    },
  );

  it.each([
    ["an object (required depends on the direction)", { type: "object", properties: {} }],
    ["a format (the engines read formats differently)", { type: "string", format: "date" }],
    ["a pattern", { type: "string", pattern: "^a" }],
    ["3.0 nullable", { type: "string", nullable: true }],
    ["a $ref", { $ref: "#/components/schemas/X" }],
    ["a combinator", { anyOf: [{ type: "string" }] }],
    ["exclusive bounds (3.0 booleans, 3.1 numbers)", { type: "integer", exclusiveMinimum: true }],
    ["multipleOf (float rounding)", { type: "number", multipleOf: 0.1 }],
    ["items that are not plain", { type: "array", items: { type: "string", format: "uuid" } }],
    ["several types", { type: ["string", "null"] }],
  ])("%s is not plain: the compiled validator judges it", (_name, schema) => {
    expect(isPlainSchema(schema)).toBe(false);
  });
});
