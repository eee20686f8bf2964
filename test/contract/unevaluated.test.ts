import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildCollection } from "../../scripts/collection/build";
import type { PostmanCollection } from "../../scripts/collection/types";
import { loadSpec } from "../../scripts/load/load";
import { buildModel } from "../../scripts/model/build";
import { createSchemaRegistry } from "../../scripts/schema/registry";
import { runNewman } from "../collection/newman-run";
import { failed } from "./newman";
import { json, type Reply, startServer, type TestServer } from "./server";

// OpenAPI 3.1 `unevaluatedProperties: false` forbids what no applicator evaluated; the
// contract test used to drop it and accept the very property the spec forbids.
const SPEC = {
  openapi: "3.1.0",
  info: { title: "Unevaluated", version: "1" },
  servers: [{ url: "https://api.example.com" }],
  paths: {
    "/pet": {
      get: {
        responses: {
          "200": {
            description: "ok",
            content: { "application/json": { schema: { $ref: "#/components/schemas/Pet" } } },
          },
        },
      },
    },
  },
  components: {
    schemas: {
      Named: { type: "object", properties: { name: { type: "string" } }, required: ["name"] },
      Pet: {
        allOf: [{ $ref: "#/components/schemas/Named" }],
        properties: { age: { type: "integer" } },
        unevaluatedProperties: false,
      },
    },
  },
};

let dir: string;
let server: TestServer;
let reply: Reply = json(200, {});
let collection: PostmanCollection;
let problems: unknown[];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "specpost-unevaluated-"));
  await writeFile(join(dir, "api.json"), JSON.stringify(SPEC));
  const loaded = await loadSpec(join(dir, "api.json"), { cwd: dir });
  if (!loaded.spec) throw new Error("the spec does not load");
  const built = buildModel(loaded.spec);
  if (!built.model) throw new Error("the spec does not model");
  const registry = createSchemaRegistry(loaded.spec.document, loaded.spec.version);
  collection = buildCollection(built.model, registry);
  problems = registry.problems();
  server = await startServer(() => reply);
});
afterAll(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

async function runWith(body: unknown) {
  reply = json(200, body);
  const run = await runNewman(collection, { envVar: { baseUrl: server.url } });
  expect(run.scriptErrors).toEqual([]);
  return failed(run);
}

describe("3.1 unevaluatedProperties: false under Newman", () => {
  it("is translated, not dropped with a warning", () => {
    expect(problems).toEqual([]);
  });

  it("accepts the properties of the schema and of its allOf members", async () => {
    expect(await runWith({ name: "Rex", age: 3 })).toEqual({});
  });

  it("rejects a property nothing evaluates", async () => {
    expect(await runWith({ name: "Rex", age: 3, owner: "x" })).toEqual({
      "GET /pet → 200 matches schema Pet":
        "body does not match schema Pet: body should NOT have additional property 'owner'",
    });
  });
});
