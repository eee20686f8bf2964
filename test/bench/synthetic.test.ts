import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import OpenApiSchemaValidator from "openapi-schema-validator";
import type { OpenAPIV3 } from "openapi-types";
import { afterAll, describe, expect, it } from "vitest";
import { syntheticSpec } from "../../scripts/bench/synthetic";
import { loadSpec } from "../../scripts/load/load";
import { buildModel } from "../../scripts/model/build";

const METHODS = new Set(["get", "put", "post", "delete", "options", "head", "patch", "trace"]);

function operationsOf(document: OpenAPIV3.Document): OpenAPIV3.OperationObject[] {
  return Object.values(document.paths).flatMap((item) =>
    Object.entries(item ?? {})
      .filter(([method]) => METHODS.has(method))
      .map(([, operation]) => operation as OpenAPIV3.OperationObject),
  );
}

function refsOf(node: unknown, found: string[] = []): string[] {
  if (Array.isArray(node)) for (const child of node) refsOf(child, found);
  else if (node !== null && typeof node === "object") {
    for (const [key, value] of Object.entries(node)) {
      if (key === "$ref" && typeof value === "string") found.push(value);
      else refsOf(value, found);
    }
  }
  return found;
}

function resolves(document: OpenAPIV3.Document, ref: string): boolean {
  if (!ref.startsWith("#/")) return false;
  let node: unknown = document;
  for (const segment of ref.slice(2).split("/")) {
    if (node === null || typeof node !== "object") return false;
    node = (node as Record<string, unknown>)[segment.replaceAll("~1", "/").replaceAll("~0", "~")];
  }
  return node !== undefined;
}

// openapi-schema-validator ships as CommonJS with a default export; its OpenAPI 3.0 JSON
// Schema checks the synthetic document as any OpenAPI 3.0 tool would.
const Validator = ((OpenApiSchemaValidator as unknown as { default?: unknown }).default ??
  OpenApiSchemaValidator) as typeof OpenApiSchemaValidator;
const schemaValidator = new Validator({ version: 3 });

describe("syntheticSpec", () => {
  it.each([1, 4, 5, 7, 100, 1000])("has exactly %i operations and a valid document", (size) => {
    const document = syntheticSpec(size);
    const operations = operationsOf(document);
    expect(operations).toHaveLength(size);
    const ids = operations.map((operation) => operation.operationId);
    expect(new Set(ids).size).toBe(size);
    const unresolved = refsOf(document).filter((ref) => !resolves(document, ref));
    expect(unresolved).toEqual([]);
    expect(schemaValidator.validate(document as never).errors).toEqual([]);
  });

  it("is the same document every time", () => {
    expect(JSON.stringify(syntheticSpec(250))).toBe(JSON.stringify(syntheticSpec(250)));
  });

  it("refuses a size that is not a positive whole number", () => {
    expect(() => syntheticSpec(0)).toThrow(RangeError);
    expect(() => syntheticSpec(2.5)).toThrow(RangeError);
  });

  describe("through specpost's own loader and model", () => {
    const dir = mkdtempSync(join(tmpdir(), "specpost-synthetic-"));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it("loads without problems as a client-credentials API with every operation", async () => {
      const file = join(dir, "synthetic.json");
      writeFileSync(file, JSON.stringify(syntheticSpec(100)));
      const loaded = await loadSpec(file, { cwd: dir });
      expect(loaded.problems).toEqual([]);
      if (!loaded.spec) throw new Error("no spec");
      const built = buildModel(loaded.spec);
      expect(built.problems.filter((p) => p.severity === "error")).toEqual([]);
      expect(built.model?.operations).toHaveLength(100);
      expect(built.model?.auth).toMatchObject({
        kind: "client-credentials",
        tokenUrl: "https://auth.example.com/oauth2/token",
      });
    });
  });
});
