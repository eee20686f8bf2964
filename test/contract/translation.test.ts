import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { OpenApiDocument, SpecVersion } from "../../scripts/load/types";
import type { OasSchema } from "../../scripts/model/types";
import { createSchemaRegistry } from "../../scripts/schema/registry";
import { clientCredentials } from "../collection/fixture";
import { runNewman } from "../collection/newman-run";
import { apiModel, fixtureCollection, operation, ref } from "./fixture";
import { failed, passedNames } from "./newman";
import { json, startServer, type TestServer } from "./server";

// The contract script over the real registry's translations: what OpenAPI 3.0 and 3.1 say
// about recursion, nullability, integer widths and type arrays must hold under Ajv 6.

const document30 = {
  openapi: "3.0.3",
  info: { title: "Translation 3.0", version: "1" },
  paths: {},
  components: {
    schemas: {
      TreeNode: {
        type: "object",
        required: ["name"],
        properties: {
          name: { type: "string" },
          children: { type: "array", items: { $ref: "#/components/schemas/TreeNode" } },
          parent: { allOf: [{ $ref: "#/components/schemas/TreeNode" }], nullable: true },
        },
      },
      Measurement: {
        type: "object",
        required: ["id", "count", "note", "secret"],
        properties: {
          id: { type: "integer", format: "int64" },
          count: { type: "integer", format: "int32" },
          ratio: { type: "number", format: "double" },
          note: { type: "string", nullable: true },
          kind: { type: "string", enum: ["steps", "weight"], nullable: true },
          data: { type: "string", format: "byte" },
          // Required, but a response never carries a write-only property.
          secret: { type: "string", writeOnly: true },
          vendor: { type: "string", format: "x-kpn-id" },
        },
      },
    },
  },
};

const document31 = {
  openapi: "3.1.0",
  info: { title: "Translation 3.1", version: "1" },
  paths: {},
  components: {
    schemas: {
      Reading: {
        type: "object",
        required: ["value", "unit", "kind"],
        properties: {
          value: { type: ["number", "null"] },
          unit: { const: "mmol/L" },
          kind: { $ref: "#/components/schemas/Kind", description: "3.1 allows siblings" },
          at: { type: ["string", "integer"], format: "int64" },
        },
      },
      Kind: { type: "string", enum: ["glucose", "weight"] },
    },
  },
};

interface Case {
  name: string;
  body: unknown;
  /** Failed assertion name → message; empty when the body conforms. */
  want: Record<string, string>;
}

const TREE = "GET /tree → 200 matches schema TreeNode";
const MEASUREMENT = "GET /measurement → 200 matches schema Measurement";
const READING = "GET /reading → 200 matches schema Reading";

const cases30: Array<Case & { path: string }> = [
  {
    name: "a deep tree with a null parent",
    path: "/tree",
    body: {
      name: "r",
      parent: null,
      children: [{ name: "a", children: [{ name: "b", parent: { name: "r" } }] }],
    },
    want: {},
  },
  {
    name: "a tree broken three levels down",
    path: "/tree",
    body: { name: "r", children: [{ name: "a", children: [{ name: "b", children: [{}] }] }] },
    want: {
      [TREE]:
        "body does not match schema TreeNode: body.children[0].children[0].children[0] should have required property 'name'",
    },
  },
  {
    name: "a nullable $ref given a number",
    path: "/tree",
    body: { name: "r", parent: 5 },
    want: { [TREE]: "body does not match schema TreeNode: body.parent should be object or null" },
  },
  {
    name: "a nullable $ref given a broken object",
    path: "/tree",
    body: { name: "r", parent: { name: 7 } },
    want: { [TREE]: "body does not match schema TreeNode: body.parent.name should be string" },
  },
  {
    name: "int64 past 2^53, nulls, base64 and an unknown vendor format",
    path: "/measurement",
    // As JSON text: 2^53 + 1 is not a JavaScript number, but it is valid int64 JSON.
    body: '{"id":9007199254740993,"count":12,"ratio":0.5,"note":null,"kind":null,"data":"aGk=","vendor":"any"}',
    want: {},
  },
  {
    name: "wrong types, an int32 overflow, a bad enum and bad base64",
    path: "/measurement",
    body: { id: 1.5, count: 2 ** 31, note: 5, kind: "sleep", data: "not base64!" },
    want: {
      [MEASUREMENT]:
        "body does not match schema Measurement: body.id should be integer; body.count should be <= 2147483647; " +
        "body.note should be string or null (and 2 more)",
    },
  },
];

const cases31: Array<Case & { path: string }> = [
  {
    name: "type arrays, const and a $ref with siblings",
    path: "/reading",
    body: { value: null, unit: "mmol/L", kind: "glucose", at: "2026-11-22" },
    want: {},
  },
  {
    name: "a type array, const and an enum behind a $ref violated",
    path: "/reading",
    body: { value: "high", unit: "mg/dL", kind: "sleep", at: true },
    want: {
      [READING]:
        'body does not match schema Reading: body.value should be number or null; body.unit should be "mmol/L"; ' +
        'body.kind should be one of "glucose", "weight" (and 1 more)',
    },
  },
];

function translationModel(document: object, version: SpecVersion, paths: Record<string, string>) {
  const registry = createSchemaRegistry(document as OpenApiDocument, version);
  const operations = Object.entries(paths).map(([path, schema]) =>
    // Unsecured: only the body checks are under test here.
    operation(
      "get",
      path,
      [{ status: "200", content: { "application/json": ref(schema) as OasSchema } }],
      { secured: false },
    ),
  );
  return { registry, model: apiModel(operations, clientCredentials("http://127.0.0.1/token")) };
}

let server: TestServer;
let body: unknown;
beforeAll(async () => {
  server = await startServer(() => json(200, body));
});
afterAll(() => server.close());

async function check(
  document: object,
  version: SpecVersion,
  path: string,
  schema: string,
  value: unknown,
) {
  body = value;
  const { model, registry } = translationModel(document, version, { [path]: schema });
  const collection = fixtureCollection(model, registry, { baseUrl: server.url });
  collection.item = collection.item.filter((item) => item.name !== "Auth checks");
  const run = await runNewman(collection);
  expect(run.scriptErrors).toEqual([]);
  return run;
}

const schemaOf: Record<string, string> = {
  "/tree": "TreeNode",
  "/measurement": "Measurement",
  "/reading": "Reading",
};

describe("translated schemas under the contract script", () => {
  it.each(cases30)("OpenAPI 3.0: $name", async ({ path, body: value, want }) => {
    const run = await check(document30, "3.0", path, schemaOf[path] as string, value);
    expect(failed(run)).toEqual(want);
    expect(passedNames(run).length + Object.keys(want).length).toBe(3);
  });

  it.each(cases31)("OpenAPI 3.1: $name", async ({ path, body: value, want }) => {
    const run = await check(document31, "3.1", path, schemaOf[path] as string, value);
    expect(failed(run)).toEqual(want);
    expect(passedNames(run).length + Object.keys(want).length).toBe(3);
  });
});
