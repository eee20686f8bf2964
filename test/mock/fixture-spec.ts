/** An inline OpenAPI 3.0 document exercising what the mock must get right. */
export const shopSpec = {
  openapi: "3.0.3",
  info: { title: "Shop", version: "1.0.0" },
  servers: [{ url: "https://api.example.com/shop/v1" }],
  security: [{ oauth2: [] }],
  paths: {
    "/items": {
      get: {
        operationId: "listItems",
        parameters: [
          { name: "limit", in: "query", schema: { type: "integer", minimum: 1, maximum: 100 } },
          { name: "colour", in: "query", schema: { type: "string", enum: ["red", "blue"] } },
          {
            name: "X-Trace",
            in: "header",
            required: false,
            schema: { type: "string", pattern: "^[a-f0-9]{8}$" },
          },
        ],
        responses: {
          "200": {
            description: "The items (no example: generated).",
            headers: {
              "X-Rate-Limit": { required: true, schema: { type: "integer", minimum: 1 } },
              "X-Optional": { schema: { type: "string" } },
            },
            content: { "application/json": { schema: { $ref: "#/components/schemas/ItemList" } } },
          },
          "400": {
            description: "Bad",
            content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } },
          },
        },
      },
      post: {
        operationId: "createItem",
        requestBody: {
          required: true,
          content: {
            "application/json": { schema: { $ref: "#/components/schemas/ItemCreate" } },
            "application/x-www-form-urlencoded": {
              schema: { $ref: "#/components/schemas/ItemCreate" },
            },
          },
        },
        responses: {
          "201": {
            description: "Created",
            content: { "application/json": { schema: { $ref: "#/components/schemas/Item" } } },
          },
          "4XX": {
            description: "Client error",
            content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } },
          },
        },
      },
    },
    "/items/{id}": {
      parameters: [
        {
          name: "id",
          in: "path",
          required: true,
          schema: { type: "integer", format: "int64", minimum: 1 },
        },
      ],
      get: {
        operationId: "getItem",
        responses: {
          "200": {
            description: "One item, with an example.",
            content: {
              "application/json": {
                schema: { $ref: "#/components/schemas/Item" },
                example: {
                  id: 7,
                  code: "ABC-1234",
                  price: null,
                  createdAt: "2026-01-02T03:04:05Z",
                  owner: null,
                },
              },
            },
          },
          "404": { description: "Not found" },
        },
      },
      delete: { operationId: "deleteItem", responses: { "204": { description: "Deleted" } } },
    },
    "/health": {
      get: {
        operationId: "health",
        security: [],
        responses: {
          "200": {
            description: "Up",
            content: { "text/plain": { schema: { type: "string", enum: ["ok"] } } },
          },
        },
      },
    },
    "/strict": {
      get: {
        operationId: "strictShape",
        responses: {
          default: {
            description: "Everything, only a default response",
            content: {
              "application/problem+json": { schema: { $ref: "#/components/schemas/Strict" } },
            },
          },
        },
      },
    },
  },
  components: {
    securitySchemes: {
      oauth2: {
        type: "oauth2",
        flows: {
          clientCredentials: {
            tokenUrl: "https://auth.example.com/oauth/token?grant_type=client_credentials",
            scopes: {},
          },
        },
      },
    },
    schemas: {
      ItemList: { type: "array", minItems: 2, items: { $ref: "#/components/schemas/Item" } },
      Item: {
        type: "object",
        required: ["id", "code", "price", "createdAt", "owner"],
        properties: {
          id: { type: "integer", format: "int64", minimum: 1, readOnly: true },
          code: { type: "string", pattern: "^[A-Z]{3}-[0-9]{4}$" },
          price: { type: "number", nullable: true, exclusiveMinimum: true, minimum: 0 },
          createdAt: { type: "string", format: "date-time" },
          email: { type: "string", format: "email" },
          owner: { nullable: true, allOf: [{ $ref: "#/components/schemas/Owner" }] },
          secret: { type: "string", writeOnly: true },
        },
      },
      ItemCreate: {
        type: "object",
        required: ["code"],
        additionalProperties: false,
        properties: {
          code: { type: "string", pattern: "^[A-Z]{3}-[0-9]{4}$" },
          quantity: { type: "integer", minimum: 1 },
        },
      },
      Owner: {
        type: "object",
        required: ["name"],
        properties: { name: { type: "string", minLength: 3 } },
      },
      Strict: {
        type: "object",
        required: ["kind", "count"],
        additionalProperties: false,
        properties: {
          kind: { type: "string", enum: ["strict"] },
          count: { type: "integer", multipleOf: 5, minimum: 10 },
        },
      },
      Error: { type: "object", properties: { message: { type: "string" } } },
    },
  },
};

export const SHOP_BASE_PATH = "/shop/v1";
