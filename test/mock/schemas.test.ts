import { Ajv2020 } from "ajv/dist/2020";
import { describe, expect, it } from "vitest";
import { bearer, mock, specValidator, token } from "./helpers";
import { inlineModel } from "./inline-model";

const oauth = {
  securitySchemes: {
    oauth2: { type: "oauth2", flows: { clientCredentials: { tokenUrl: "/token", scopes: {} } } },
  },
};

/** A recursive schema (a tree) and a nullable $ref: sampler and validators must terminate. */
const recursive = {
  openapi: "3.0.3",
  info: { title: "Trees", version: "1" },
  servers: [{ url: "/" }],
  security: [{ oauth2: [] }],
  paths: {
    "/tree": {
      get: {
        responses: {
          "200": {
            description: "A tree",
            content: { "application/json": { schema: { $ref: "#/components/schemas/Node" } } },
          },
        },
      },
      post: {
        requestBody: {
          required: true,
          content: { "application/json": { schema: { $ref: "#/components/schemas/Node" } } },
        },
        responses: { "204": { description: "Stored" } },
      },
    },
  },
  components: {
    ...oauth,
    schemas: {
      Node: {
        type: "object",
        required: ["name", "children"],
        properties: {
          name: { type: "string" },
          parent: { allOf: [{ $ref: "#/components/schemas/Node" }], nullable: true },
          children: { type: "array", items: { $ref: "#/components/schemas/Node" } },
        },
      },
    },
  },
};

const v31 = {
  openapi: "3.1.0",
  info: { title: "3.1", version: "1" },
  servers: [{ url: "https://api.example.com/v31" }],
  security: [{ oauth2: [] }],
  paths: {
    "/things/{kind}": {
      get: {
        parameters: [{ name: "kind", in: "path", required: true, schema: { const: "widget" } }],
        responses: {
          "200": {
            description: "A thing",
            content: { "application/json": { schema: { $ref: "#/components/schemas/Thing" } } },
          },
        },
      },
    },
  },
  components: {
    ...oauth,
    schemas: {
      Thing: {
        type: "object",
        required: ["kind", "label", "tags"],
        properties: {
          kind: { const: "widget" },
          label: { type: ["string", "null"], minLength: 2 },
          tags: { type: "array", prefixItems: [{ type: "integer" }], items: { type: "string" } },
          size: { type: "number", exclusiveMinimum: 0 },
        },
      },
    },
  },
};

describe("schemas that are hard to sample", () => {
  it("recursive schemas: answers validate, requests are checked, nothing loops", async () => {
    const server = await mock(inlineModel(recursive));
    expect(server.baseUrl).toBe(server.origin);
    expect(server.tokenUrl).toBe(`${server.origin}/token`);
    const auth = bearer(await token(server));
    const tree = await (await fetch(`${server.baseUrl}/tree`, { headers: auth })).json();
    expect(specValidator(recursive)("#/components/schemas/Node")(tree)).toBe(true);
    const post = (body: unknown) =>
      fetch(`${server.baseUrl}/tree`, {
        method: "POST",
        headers: { ...auth, "content-type": "application/json" },
        body: JSON.stringify(body),
      });
    expect(
      (await post({ name: "a", children: [{ name: "b", children: [], parent: null }] })).status,
    ).toBe(204);
    const bad = await post({ name: "a", children: [{ name: 1, children: [] }] });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { message: string }).message).toContain(
      "request body at /children/0/name must be string",
    );
  });

  it("OpenAPI 3.1: const, type arrays, prefixItems and numeric exclusiveMinimum", async () => {
    const server = await mock(inlineModel(v31));
    const auth = bearer(await token(server));
    const response = await fetch(`${server.baseUrl}/things/widget`, { headers: auth });
    expect(response.status).toBe(200);
    const ajv = new Ajv2020({ strict: false });
    ajv.addSchema(v31, "spec");
    const validate = ajv.compile({ $ref: "spec#/components/schemas/Thing" });
    const body = await response.json();
    expect(validate(body), JSON.stringify(validate.errors)).toBe(true);
    expect((await fetch(`${server.baseUrl}/things/gadget`, { headers: auth })).status).toBe(400);
  });
});

describe("odd server and token URLs", () => {
  it("serves under the path of a server URL whose host is an unresolved variable", async () => {
    const spec = { ...recursive, servers: [{ url: "https://{tenant}.example.com/v2" }] };
    const server = await mock(inlineModel(spec));
    expect(server.baseUrl).toBe(`${server.origin}/v2`);
    const auth = bearer(await token(server));
    expect((await fetch(`${server.baseUrl}/tree`, { headers: auth })).status).toBe(200);
  });

  it("answers 501 for an operation that documents only 1xx statuses, instead of hanging", async () => {
    const spec = {
      ...recursive,
      security: [],
      paths: { "/upgrade": { get: { responses: { "101": { description: "Switching" } } } } },
    };
    const server = await mock(inlineModel(spec));
    expect(server.warnings).toEqual([
      "GET /upgrade documents only informational (1xx) statuses, which cannot end an exchange.",
    ]);
    expect((await fetch(`${server.baseUrl}/upgrade`)).status).toBe(501);
  });
});
