/**
 * JSON Schema (draft-07, checked with Ajv 8) of `specs/<name>.overrides.yaml`.
 *
 * ```yaml
 * order: [connectedservice, userlist]        # run these first, in this order
 * operations:
 *   connectedservice:                        # operationId, or "GET /connectedservice"
 *     examples:
 *       query: { ExternalUserId: "90001" }   # also path, header; body replaces the body
 *     set:
 *       callbackurl: $.callbackurl           # store a response value in {{callbackurl}}
 *     tests: |                               # JS appended to the item's test script
 *       pm.test("...", () => {});
 *     prerequest: { file: register.pre.js }  # or a .js file beside the overrides file
 *   "DELETE /spaces/{id}":
 *     disabled: true                         # leave the operation out of the collection
 *   "GET /gone":
 *     expect: [404]                          # the answer expected instead of a 2xx
 *     maxP95: 800                            # `specpost run`: fail when p95 is over 800 ms
 *   listReports:
 *     security: { use: 1, off: [PartnerKey] } # send the spec's 2nd alternative, without PartnerKey
 * chains:                                    # requests fed by earlier responses
 *   projectId:                               # the variable: add a chain or change the one named so
 *     from: createProject                    # the producer
 *     value: $response.body#/id              # or $response.header.Location
 *     to: [getProject, "GET /tasks query.projectId", "createTask body.$.projectId"]
 *   thingId: false                           # switch a chain off
 * inferChains: false                         # only the spec's links and the chains listed here
 * ```
 */

/** Postman variable names the overrides may create: plain identifiers, dots and dashes. */
export const VARIABLE_NAME = "^[A-Za-z_][A-Za-z0-9_.-]*$";

/** `$`, then `.name`, `[0]`, `['any name']` or `["any name"]` steps. */
export const BODY_PATH = `^\\$(?:\\.[A-Za-z_$][A-Za-z0-9_$-]*|\\[[0-9]+\\]|\\['[^']*'\\]|\\["[^"]*"\\])*$`;

const script = {
  type: ["string", "object"],
  properties: {
    file: { type: "string", minLength: 1, pattern: "\\.[cm]?js$" },
  },
  required: ["file"],
  additionalProperties: false,
} as const;

const values = { type: "object" } as const;

export const OPERATION_KEYS = [
  "disabled",
  "expect",
  "maxP95",
  "examples",
  "set",
  "prerequest",
  "tests",
  "security",
] as const;
export const EXAMPLE_KEYS = ["path", "query", "header", "body"] as const;
export const TOP_KEYS = ["order", "operations", "chains", "inferChains"] as const;
export const CHAIN_KEYS = ["from", "value", "to"] as const;

export const overridesSchema = {
  $schema: "http://json-schema.org/draft-07/schema#",
  type: "object",
  properties: {
    order: {
      type: "array",
      items: { type: "string", minLength: 1 },
    },
    inferChains: { type: "boolean" },
    chains: {
      type: "object",
      propertyNames: { pattern: VARIABLE_NAME },
      additionalProperties: {
        type: ["object", "boolean"],
        properties: {
          from: { type: "string", minLength: 1 },
          value: { type: "string", pattern: "^\\$response\\.(body#.*|header\\..+)$" },
          to: { type: "array", items: { type: "string", minLength: 1 } },
        },
        required: ["from", "value"],
        additionalProperties: false,
      },
    },
    operations: {
      type: "object",
      propertyNames: { minLength: 1 },
      additionalProperties: {
        type: "object",
        properties: {
          disabled: { type: "boolean" },
          expect: {
            type: "array",
            items: { type: "integer", minimum: 100, maximum: 599 },
            minItems: 1,
            maxItems: 20,
          },
          maxP95: { type: "integer", minimum: 1, maximum: 3_600_000 },
          examples: {
            type: "object",
            properties: { path: values, query: values, header: values, body: {} },
            additionalProperties: false,
          },
          set: {
            type: "object",
            propertyNames: { pattern: VARIABLE_NAME },
            additionalProperties: { type: "string", pattern: BODY_PATH },
          },
          prerequest: script,
          tests: script,
          security: {
            type: "object",
            properties: {
              use: { oneOf: [{ type: "integer", minimum: 0, maximum: 63 }, { const: "none" }] },
              off: { type: "array", items: { type: "string", minLength: 1 }, maxItems: 16 },
            },
            additionalProperties: false,
          },
        },
        additionalProperties: false,
      },
    },
  },
  additionalProperties: false,
} as const;
