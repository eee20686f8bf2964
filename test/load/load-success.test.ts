import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { loadSpec } from "../../scripts/load/load";
import { resolveInternalRef } from "../../scripts/load/pointer";
import { allRefs, cwd, firstError, fixtures } from "./helpers";

async function load(file: string, dir = cwd) {
  const result = await loadSpec(file, { cwd: dir });
  if (!result.spec) throw new Error(`expected a spec, got ${JSON.stringify(result.problems)}`);
  return { spec: result.spec, problems: result.problems };
}

describe("multi-file spec", () => {
  const file = `${fixtures}/multi/openapi.yaml`;

  it("bundles external schema and parameter files into internal refs that resolve", async () => {
    const { spec, problems } = await load(file);
    expect(problems).toEqual([]);
    const refs = allRefs(spec.document);
    expect(refs.length).toBeGreaterThan(0);
    for (const ref of refs) {
      expect(ref).toMatch(/^#\//);
      expect(resolveInternalRef(spec.document, ref), ref).toBeDefined();
    }
    const get = spec.document.paths?.["/pets"]?.get;
    expect(get?.parameters?.[0]).toMatchObject({ name: "limit", in: "query" });
    expect(spec.document.components?.schemas?.Pet).toMatchObject({ required: ["id", "name"] });
  });

  it("locates bundled content in the file it came from", async () => {
    const { spec } = await load(file);
    expect(spec.locate("#/components/schemas/Pet/properties/name")).toEqual({
      file: `${fixtures}/multi/schemas/pet.yaml`,
      pointer: "#/properties/name",
      line: 6,
      column: 3,
    });
    expect(spec.locate("#/paths/~1pets/get/parameters/0/schema")).toEqual({
      file: `${fixtures}/multi/parameters/limit.json`,
      pointer: "#/schema",
      line: 4,
      column: 3,
    });
  });
});

describe("locate()", () => {
  it.each([
    ["an existing pointer", "#/components/schemas/Node/properties/children", 22, 9],
    ["a missing child: its nearest existing parent", "#/paths/~1tree/get/nope/deeper", 7, 5],
    ["nothing that exists: line 1", "#/nope", 1, 1],
    ["not a pointer at all: line 1", "Node", 1, 1],
  ])("%s", async (_name, pointer, line, column) => {
    const { spec } = await load(`${fixtures}/circular.yaml`);
    expect(spec.locate(pointer)).toMatchObject({ file: `${fixtures}/circular.yaml`, line, column });
  });

  it("names a file outside cwd by its absolute path", async () => {
    const dir = join(cwd, fixtures, "multi");
    const result = await loadSpec("../unresolved-ref.yaml", { cwd: dir });
    expect(firstError(result.problems).file).toBe(resolve(dir, "../unresolved-ref.yaml"));
  });

  it("names a file inside cwd relative to it, even when given absolute", async () => {
    const result = await loadSpec(resolve(cwd, fixtures, "unresolved-ref.yaml"), { cwd });
    expect(firstError(result.problems).file).toBe(`${fixtures}/unresolved-ref.yaml`);
  });
});

describe("circular schemas", () => {
  it("keeps them as refs instead of expanding them", async () => {
    const { spec, problems } = await load(`${fixtures}/circular.yaml`);
    expect(problems).toEqual([]);
    const at = (pointer: string) => resolveInternalRef(spec.document, pointer);
    expect(at("#/components/schemas/Node/properties/children/items")).toEqual({
      $ref: "#/components/schemas/Node",
    });
    expect(at("#/components/schemas/Partner/properties/node")).toEqual({
      $ref: "#/components/schemas/Node",
    });
    // A dereferenced cycle could not be serialised.
    expect(() => JSON.stringify(spec.document)).not.toThrow();
  });

  it("bundles a cycle across files into internal refs", async () => {
    const { spec, problems } = await load(`${fixtures}/cycle/openapi.yaml`);
    expect(problems).toEqual([]);
    const refs = allRefs(spec.document);
    expect(refs).toHaveLength(1);
    expect(resolveInternalRef(spec.document, refs[0] ?? "")).toMatchObject({
      properties: { employer: { properties: { employees: { type: "array" } } } },
    });
    expect(() => JSON.stringify(spec.document)).not.toThrow();
  });
});

describe("Swagger 2.0", () => {
  const file = `${fixtures}/swagger2.yaml`;

  it("is converted to OpenAPI 3.0 and remembers it was 2.0", async () => {
    const { spec, problems } = await load(file);
    expect(problems).toEqual([]);
    expect(spec.version).toBe("2.0");
    expect(spec.document.openapi).toMatch(/^3\.0\./);
    expect(spec.document.servers).toEqual([{ url: "https://api.example.com/v1" }]);
    expect(spec.document.components?.securitySchemes?.oauth).toMatchObject({
      type: "oauth2",
      flows: { clientCredentials: { tokenUrl: "https://auth.example.com/token" } },
    });
    expect(spec.document.paths?.["/pets"]?.post?.requestBody).toBeDefined();
    expect(allRefs(spec.document)).toContain("#/components/schemas/Pet");
  });

  it.each([
    ["#/components/schemas/Pet/properties/name", 43, 7],
    ["#/components/securitySchemes/oauth", 9, 3],
    ["#/paths/~1pets/get/responses/200/content/application~1json/schema/items", 26, 13],
    ["#/paths/~1pets/post/requestBody/content/application~1json/schema", 34, 11],
  ])("locates %s in the 2.0 source", async (pointer, line, column) => {
    const { spec } = await load(file);
    expect(spec.locate(pointer)).toMatchObject({ file, line, column });
  });

  it("turns what the conversion loses into located warnings, not document noise", async () => {
    const lossy = `${fixtures}/swagger2-lossy.yaml`;
    const { spec, problems } = await load(lossy);
    expect(problems).toMatchObject([
      { code: "conversion-failed", severity: "warning", file: lossy, line: 9, column: 11 },
    ]);
    expect(problems[0]?.message).toContain("collectionFormat:tsv");
    expect(JSON.stringify(spec.document)).not.toContain("x-s2o-warning");
  });
});

describe("OpenAPI 3.1 and later", () => {
  it("loads a 3.1 spec as 3.1", async () => {
    const { spec, problems } = await load(`${fixtures}/openapi31.yaml`);
    expect(problems).toEqual([]);
    expect(spec.version).toBe("3.1");
    expect(spec.document.openapi).toBe("3.1.0");
  });

  it("accepts a 3.1 spec with only webhooks, with a no-operations warning", async () => {
    const { spec, problems } = await load(`${fixtures}/webhooks-only.yaml`);
    expect(spec.version).toBe("3.1");
    expect(problems.map((p) => [p.code, p.severity])).toEqual([["no-operations", "warning"]]);
  });

  it("loads 3.2 as 3.1 with a warning at the openapi field", async () => {
    const { spec, problems } = await load(`${fixtures}/openapi32.yaml`);
    expect(spec.version).toBe("3.1");
    expect(problems).toMatchObject([
      {
        code: "unsupported-version",
        severity: "warning",
        line: 1,
        column: 1,
        pointer: "#/openapi",
      },
    ]);
  });
});

it("reads JSON from a file with an unknown extension", async () => {
  const { spec } = await load(`${fixtures}/sniffed-json.spec`);
  expect(spec.version).toBe("3.0");
});
