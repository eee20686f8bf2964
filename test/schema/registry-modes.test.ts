import { describe, expect, it } from "vitest";
import { compileLikeNewman } from "./ajv6";
import { ref, registryOf } from "./registry-fixture";

describe("registry: request and response definitions", () => {
  const components = {
    Pet: {
      type: "object",
      required: ["id", "name"],
      properties: {
        id: { type: "integer", readOnly: true },
        name: { type: "string" },
        owner: ref("Owner"),
      },
    },
    Owner: { type: "object", required: ["name"], properties: { name: { type: "string" } } },
    Page: { type: "object", properties: { items: { type: "array", items: ref("Pet") } } },
  };

  it("uses X for both modes when they translate the same, X.request when they differ", () => {
    const registry = registryOf(components);
    expect(registry.translate(ref("Owner"), "request")).toEqual({ $ref: "#/definitions/Owner" });
    expect(registry.translate(ref("Pet"), "request")).toEqual({
      $ref: "#/definitions/Pet.request",
    });
    expect(registry.translate(ref("Pet"), "response")).toEqual({ $ref: "#/definitions/Pet" });
    const definitions = registry.definitions();
    expect(Object.keys(definitions)).toEqual(["Owner", "Pet", "Pet.request"]);
    expect(definitions["Pet.request"]).toMatchObject({ required: ["name"] });
    expect(definitions.Pet).toMatchObject({ required: ["id", "name"] });
    const request = compileLikeNewman({ $ref: "#/definitions/Pet.request" }, definitions);
    expect(request({ name: "Rex" })).toBe(true);
    const response = compileLikeNewman({ $ref: "#/definitions/Pet" }, definitions);
    expect(response({ name: "Rex" })).toBe(false);
  });

  it("gives a request variant to schemas that only reach a differing one", () => {
    const registry = registryOf(components);
    expect(registry.translate(ref("Page"), "request")).toEqual({
      $ref: "#/definitions/Page.request",
    });
    expect(registry.definitions()["Page.request"]).toEqual({
      type: "object",
      properties: { items: { type: "array", items: { $ref: "#/definitions/Pet.request" } } },
    });
  });

  it("handles mode-dependent cycles without looping", () => {
    const registry = registryOf({
      Tree: {
        type: "object",
        required: ["id"],
        properties: {
          id: { type: "string", readOnly: true },
          kids: { type: "array", items: ref("Tree") },
        },
      },
    });
    registry.translate(ref("Tree"), "request");
    registry.translate(ref("Tree"), "response");
    const definitions = registry.definitions();
    expect(definitions["Tree.request"]).toEqual({
      type: "object",
      properties: {
        id: { type: "string", readOnly: true },
        kids: { type: "array", items: { $ref: "#/definitions/Tree.request" } },
      },
    });
    expect(
      compileLikeNewman(
        { $ref: "#/definitions/Tree.request" },
        definitions,
      )({ kids: [{ kids: [] }] }),
    ).toBe(true);
    expect(
      compileLikeNewman(
        { $ref: "#/definitions/Tree" },
        definitions,
      )({ id: "1", kids: [{ kids: [] }] }),
    ).toBe(false);
  });

  it("does not let a component named X.request clash with the request variant of X", () => {
    const registry = registryOf({
      X: { type: "object", required: ["id"], properties: { id: { readOnly: true } } },
      "X.request": { type: "string" },
    });
    expect(registry.translate(ref("X"), "request")).toEqual({ $ref: "#/definitions/X.request_2" });
    expect(registry.translate(ref("X.request"), "request")).toEqual({
      $ref: "#/definitions/X.request",
    });
  });
});
