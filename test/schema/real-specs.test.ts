import { describe, expect, it } from "vitest";
import type { OasSchema } from "../../scripts/model/types";
import { createSchemaRegistry } from "../../scripts/schema/registry";
import type { Draft07Schema } from "../../scripts/schema/types";
import { compileLikeNewman, newmanAjv, type Validate } from "./ajv6";
import { createOracle } from "./oracle";
import { exampleSites, GITHUB, loadSpec, reachable, realSpecFiles, schemaSites } from "./sites";

/**
 * Every schema of the real specs in node_modules, translated as the generator does, must
 * compile in Ajv 6 as Newman builds it; and the translation must keep the spec's meaning:
 * examples that are valid in OpenAPI semantics (judged by Ajv 8 reading the original
 * schema, see oracle.ts) stay valid, and what the original rejects for its type or for
 * null is rejected too.
 */
describe.each(realSpecFiles())("real spec $file", ({ file, version }) => {
  const spec = loadSpec(file, version);
  const registry = createSchemaRegistry(spec.document, version, { file });
  const sites = schemaSites(spec.document);
  const translated = sites.map((site) =>
    registry.translate(site.schema as OasSchema, site.mode, site.pointer),
  );

  it("translates every schema to draft-07 that Ajv 6 compiles as Newman does", () => {
    const definitions = registry.definitions();
    // One schema reaching every translation and every definition: compiling it compiles them
    // all. Grouped, because Ajv 6 nests the code of each anyOf branch in the previous one.
    const branches = new Map<string, Draft07Schema>();
    for (const schema of translated) branches.set(JSON.stringify(schema), schema);
    for (const name of Object.keys(definitions))
      branches.set(name, { $ref: `#/definitions/${name}` });
    if (branches.size === 0) {
      expect(sites).toEqual([]);
      return;
    }
    const list = [...branches.values()];
    const groups: Draft07Schema[] = [];
    for (let i = 0; i < list.length; i += GROUP) groups.push({ anyOf: list.slice(i, i + GROUP) });
    expect(() => compileLikeNewman({ anyOf: groups }, definitions)).not.toThrow();
    if (file === GITHUB) {
      expect(sites.length).toBeGreaterThan(3000);
      expect(Object.keys(definitions).length).toBeGreaterThan(900);
    }
  });

  it("keeps valid examples valid and rejects wrong types and unexpected nulls", () => {
    const examples = exampleSites(spec.document, version);
    const oracle = createOracle(spec.document, version);
    const definitions = registry.definitions();
    const ajv = newmanAjv();
    const compiled = new Map<string, Validate>();
    const ours = (
      pointer: string,
      schema: unknown,
      mode: "request" | "response",
      data: unknown,
    ) => {
      const key = `${mode} ${pointer}`;
      let validate = compiled.get(key);
      if (validate === undefined) {
        const result: Draft07Schema = registry.translate(schema as OasSchema, mode, pointer);
        validate = compileLikeNewman(
          result,
          reachable(result, definitions) as Record<string, Draft07Schema>,
          ajv,
        );
        compiled.set(key, validate);
      }
      return validate(data);
    };

    const rejectedValid: string[] = [];
    const acceptedInvalid: string[] = [];
    let valid = 0;
    let mutations = 0;
    for (const site of examples) {
      if (oracle(site.pointer, site.example) !== true) continue;
      valid++;
      if (!ours(site.pointer, site.schema, site.mode, site.example)) rejectedValid.push(site.at);
      // Deliberately looser than a strict 3.0.3 reading: `nullable: true` beside an enum
      // admits null here although the enum does not list it (that is what specs mean).
      const lenientNull =
        isNode(site.schema) && site.schema.nullable === true && "enum" in site.schema;
      for (const wrong of lenientNull
        ? [wrongType(site.example)]
        : [wrongType(site.example), null]) {
        if (oracle(site.pointer, wrong) !== false) continue;
        mutations++;
        if (ours(site.pointer, site.schema, site.mode, wrong))
          acceptedInvalid.push(`${site.at} ← ${JSON.stringify(wrong)}`);
      }
    }
    expect(rejectedValid).toEqual([]);
    expect(acceptedInvalid).toEqual([]);
    if (file === GITHUB) {
      expect(valid).toBeGreaterThan(3000);
      expect(mutations).toBeGreaterThan(3000);
    }
  });
});

const GROUP = 100;

const isNode = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null;

/** A value of another JSON type than `value`. */
function wrongType(value: unknown): unknown {
  if (Array.isArray(value)) return { not: "an array" };
  switch (typeof value) {
    case "string":
      return 12345;
    case "number":
      return "12345";
    case "boolean":
      return "true";
    case "object":
      return value === null ? "null" : ["not an object"];
    default:
      return 0;
  }
}
