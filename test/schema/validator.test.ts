import { describe, expect, it } from "vitest";
import type { OpenApiDocument, SpecVersion } from "../../scripts/load/types";
import type { OasSchema } from "../../scripts/model/types";
import { createSchemaRegistry } from "../../scripts/schema/registry";
import type { SchemaMode } from "../../scripts/schema/types";
import { createSchemaValidator } from "../../scripts/schema/validator";
import { compileLikeNewman } from "./ajv6";

const documentWith = (version: SpecVersion, schemas: Record<string, unknown>) =>
  ({
    openapi: version === "3.1" ? "3.1.0" : "3.0.3",
    info: { title: "t", version: "1" },
    paths: {},
    components: { schemas },
  }) as unknown as OpenApiDocument;

const components = {
  Pet: {
    type: "object",
    required: ["id", "name", "secret"],
    properties: {
      id: { type: "integer", readOnly: true },
      name: { type: "string", nullable: true },
      secret: { type: "string", writeOnly: true },
      site: { type: "string", format: "uri" },
    },
  },
  Id: { oneOf: [{ type: "integer" }, { type: "string" }] },
};

// The core's verdict is the contract check's verdict (same translation, same Ajv 6), for
// values a contract test sees and for the requests the mock judges.
describe("schema core", () => {
  const document = documentWith("3.0", components);
  const validator = createSchemaValidator(document, "3.0");
  const registry = createSchemaRegistry(document, "3.0");
  const pet = { $ref: "#/components/schemas/Pet" };

  it.each<[string, SchemaMode, unknown, boolean]>([
    ["a request without the readOnly id", "request", { name: "Rex", secret: "s" }, true],
    ["a response without the writeOnly secret", "response", { id: 1, name: "Rex" }, true],
    ["a response without the id", "response", { name: "Rex" }, false],
    ["a 3.0 nullable name", "response", { id: 1, name: null }, true],
    ["a site that is not a URI", "response", { id: 1, name: "Rex", site: "not a uri" }, false],
  ])("%s: as Newman's contract check says", (_name, mode, value, valid) => {
    expect(validator.check(pet, value, mode).valid).toBe(valid);
    const newman = compileLikeNewman(registry.translate(pet, mode), registry.definitions());
    expect(newman(value)).toBe(valid);
  });

  it("names the first issue where it is", () => {
    expect(validator.firstError({ name: "Rex" }, pet, "response")).toBe(
      "value must have property 'id'",
    );
    expect(validator.firstError({ id: 1, name: "R", site: "x" }, pet, "response", "example")).toBe(
      'example.site must match format "uri"',
    );
  });

  it("reads text as the schema's types only where the text itself does not fit", () => {
    const id = { $ref: "#/components/schemas/Id" };
    // Coercing "1" would match both branches and fail "exactly one" (GitHub's workflow_id).
    expect(validator.check(id, "1", "request", { coerce: true })).toMatchObject({ valid: true });
    const limit: OasSchema = { type: "integer", maximum: 10 };
    expect(validator.check(limit, "7", "request", { coerce: true }).valid).toBe(true);
    expect(validator.check(limit, "70", "request", { coerce: true }).issues).toEqual([
      { path: "", message: "must be <= 10" },
    ]);
  });
});
