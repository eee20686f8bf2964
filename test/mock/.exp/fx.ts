const oauth = {
  securitySchemes: {
    oauth2: { type: "oauth2", flows: { clientCredentials: { tokenUrl: "/token", scopes: {} } } },
  },
};

/** A recursive schema (a tree) and a nullable $ref: sampler and validators must terminate. */
export const recursive = {
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

export const v31 = {
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
