import { describe, expect, it } from "vitest";
import type { OasSchema } from "../../scripts/model/types";
import { createSchemaRegistry } from "../../scripts/schema/registry";
import { compileLikeNewman } from "./ajv6";
import { documentOf, ref, registryOf } from "./registry-fixture";

describe("registry: shared definitions", () => {
  it("translates only what is reached, once, with sorted keys", () => {
    const registry = registryOf({
      Zoo: { type: "object", properties: { pets: { type: "array", items: ref("Pet") } } },
      Pet: { type: "object", properties: { owner: ref("Owner") } },
      Owner: { type: "string" },
      Unused: { type: "integer" },
    });
    expect(registry.translate(ref("Zoo"), "response")).toEqual({ $ref: "#/definitions/Zoo" });
    expect(registry.translate(ref("Pet"), "response")).toEqual({ $ref: "#/definitions/Pet" });
    const definitions = registry.definitions();
    expect(Object.keys(definitions)).toEqual(["Owner", "Pet", "Zoo"]);
    expect(definitions.Pet).toEqual({
      type: "object",
      properties: { owner: { $ref: "#/definitions/Owner" } },
    });
    expect(definitions.Pet).toBe(registry.definitions().Pet);
  });

  it("keeps recursive schemas as refs and validates deep instances", () => {
    const registry = registryOf({
      Node: {
        type: "object",
        required: ["value"],
        properties: { value: { type: "integer" }, children: { type: "array", items: ref("Node") } },
      },
      A: { type: "object", properties: { b: ref("B") } },
      B: { type: "object", properties: { a: ref("A"), n: { type: "integer" } } },
    });
    const node = registry.translate(ref("Node"), "response");
    const a = registry.translate(ref("A"), "response");
    const definitions = registry.definitions();
    expect(definitions.Node).toEqual({
      type: "object",
      required: ["value"],
      properties: {
        value: { type: "integer" },
        children: { type: "array", items: { $ref: "#/definitions/Node" } },
      },
    });
    const validNode = compileLikeNewman(node, definitions);
    expect(validNode({ value: 1, children: [{ value: 2, children: [{ value: 3 }] }] })).toBe(true);
    expect(validNode({ value: 1, children: [{ value: 2, children: [{}] }] })).toBe(false);
    const validA = compileLikeNewman(a, definitions);
    expect(validA({ b: { a: { b: { n: 1 } } } })).toBe(true);
    expect(validA({ b: { a: { b: { n: "1" } } } })).toBe(false);
  });

  it("turns an unresolvable ref into {} and reports where it is", () => {
    const registry = registryOf({ A: { type: "object", properties: { x: ref("Missing") } } });
    registry.translate(ref("A"), "response");
    expect(registry.definitions().A).toEqual({ type: "object", properties: { x: {} } });
    expect(registry.problems()).toEqual([
      expect.objectContaining({
        code: "unresolved-ref",
        severity: "warning",
        file: "api.yaml",
        pointer: "#/components/schemas/A/properties/x",
      }),
    ]);
  });

  it("turns a loop of plain refs into {} instead of overflowing Ajv's stack", () => {
    const registry = registryOf({ A: ref("B"), B: ref("A"), C: { items: ref("A") } });
    const c = registry.translate(ref("C"), "response");
    expect(registry.definitions()).toEqual({ C: { items: {} } });
    expect(compileLikeNewman(c, registry.definitions())([1])).toBe(true);
    expect(registry.problems().map((p) => p.code)).toEqual(["unsupported-schema"]);
  });

  it("follows an alias chain that ends in a schema", () => {
    const registry = registryOf({ A: ref("B"), B: { type: "integer" } });
    const a = registry.translate(ref("A"), "response");
    expect(registry.definitions()).toEqual({
      A: { $ref: "#/definitions/B" },
      B: { type: "integer" },
    });
    expect(compileLikeNewman(a, registry.definitions())("1")).toBe(false);
  });

  it("names refs into other places after their pointer", () => {
    const document = documentOf(
      { Pet: { type: "object", properties: { tag: { type: "string" } } } },
      {
        paths: {
          "/pets": {
            get: {
              responses: {
                "200": { content: { "application/json": { schema: { type: "array" } } } },
              },
            },
          },
        },
      },
    );
    const registry = createSchemaRegistry(document, "3.0");
    registry.translate(
      { $ref: "#/paths/~1pets/get/responses/200/content/application~1json/schema" },
      "response",
    );
    registry.translate({ $ref: "#/components/schemas/Pet/properties/tag" }, "response");
    expect(Object.keys(registry.definitions())).toEqual([
      "Pet.properties.tag",
      "paths._pets.get.responses.200.content.application_json.schema",
    ]);
  });

  it("sanitizes names to safe tokens and de-duplicates them the same way every time", () => {
    const components = {
      "a b": { type: "string" },
      a_b: { type: "integer" },
      "x/y": { type: "boolean" },
      é: { type: "null" },
    };
    const forward = registryOf(components);
    for (const name of Object.keys(components))
      forward.translate(ref(name.replace("/", "~1")), "response");
    const backward = registryOf(components);
    for (const name of Object.keys(components).reverse())
      backward.translate(ref(name.replace("/", "~1")), "response");
    expect(forward.definitions()).toEqual({
      _: { type: "null" },
      a_b: { type: "integer" },
      a_b_2: { type: "string" },
      x_y: { type: "boolean" },
    });
    expect(JSON.stringify(backward.definitions())).toBe(JSON.stringify(forward.definitions()));
    for (const name of Object.keys(forward.definitions()))
      expect(name).toMatch(/^[A-Za-z0-9_.-]+$/);
  });

  it("resolves %-encoded and ~-escaped refs to the same definition", () => {
    const registry = registryOf({ "a/b c": { type: "string" } });
    expect(registry.translate({ $ref: "#/components/schemas/a~1b%20c" }, "response")).toEqual({
      $ref: "#/definitions/a_b_c",
    });
    expect(registry.translate({ $ref: "#/components/schemas/a~1b c" }, "response")).toEqual({
      $ref: "#/definitions/a_b_c",
    });
    expect(Object.keys(registry.definitions())).toEqual(["a_b_c"]);
    expect(registry.nameOf({ $ref: "#/components/schemas/a~1b%20c" })).toBe("a/b c");
  });

  it("nameOf names component refs only", () => {
    const registry = registryOf({ UserList: { type: "array" } });
    expect(registry.nameOf(ref("UserList"))).toBe("UserList");
    expect(registry.nameOf({ type: "array", items: {} })).toBeUndefined();
    expect(registry.nameOf(ref("Missing"))).toBeUndefined();
    expect(registry.nameOf({ $ref: "#/components/schemas/UserList/items" })).toBeUndefined();
  });

  it("gives the same JSON for the same input", () => {
    const components = {
      B: {
        type: "object",
        required: ["id"],
        properties: { id: { type: "integer", readOnly: true }, a: ref("A") },
      },
      A: { type: "string", format: "int64", nullable: true },
    };
    const one = registryOf(components);
    const two = registryOf(components);
    for (const registry of [one, two]) {
      registry.translate(ref("B"), "request");
      registry.translate(ref("B"), "response");
    }
    expect(JSON.stringify(two.definitions())).toBe(JSON.stringify(one.definitions()));
  });
});

describe("registry: problems in inline schemas", () => {
  it("locates a schema handed over without its pointer", () => {
    const schema = { type: "object", properties: { code: { type: "string", pattern: "(" } } };
    const document = documentOf(
      {},
      {
        paths: {
          "/a": { get: { responses: { "200": { content: { "application/json": { schema } } } } } },
        },
      },
    );
    const registry = createSchemaRegistry(document, "3.0", { file: "api.yaml" });
    expect(registry.translate(schema as OasSchema, "response")).toEqual({
      type: "object",
      properties: { code: { type: "string" } },
    });
    expect(registry.problems()).toEqual([
      expect.objectContaining({
        code: "unsupported-schema",
        file: "api.yaml",
        pointer:
          "#/paths/~1a/get/responses/200/content/application~1json/schema/properties/code/pattern",
      }),
    ]);
  });

  it("leaves the pointer out for a schema that is not in the document", () => {
    const registry = registryOf({});
    registry.translate({ type: "string", pattern: "(" }, "response");
    expect(registry.problems()).toEqual([expect.objectContaining({ code: "unsupported-schema" })]);
    expect(registry.problems()[0]?.pointer).toBeUndefined();
  });

  it("uses the pointer the caller gives", () => {
    const registry = registryOf({});
    registry.translate(
      { $ref: "#/nowhere" },
      "request",
      "#/paths/~1a/post/requestBody/content/application~1json/schema",
    );
    expect(registry.problems().map((p) => p.pointer)).toEqual([
      "#/paths/~1a/post/requestBody/content/application~1json/schema",
    ]);
  });

  it("reports a problem found in both modes once", () => {
    const registry = registryOf({
      A: { type: "object", required: ["id"], properties: { id: { readOnly: true, pattern: "(" } } },
    });
    registry.translate(ref("A"), "request");
    registry.translate(ref("A"), "response");
    expect(registry.problems()).toHaveLength(1);
  });
});
