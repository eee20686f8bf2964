import { readFileSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { loadSpec } from "../../scripts/load/load";
import { buildModel } from "../../scripts/model/build";
import { child } from "../../scripts/model/resolve";
import { checkExamples, corpusFiles, type ExampleCheck } from "./corpus";
import { specOf } from "./helpers";
import { createOracle } from "./oracle";

/**
 * Property: for every operation of every @readme/oas-examples spec, buildModel does not
 * throw, every generated parameter/body example validates (the schema core, i.e. what the
 * contract test checks, is the judge), and where none can be made the model says so. The
 * sampler's fast check never accepts what the core refuses, spec-given examples included.
 */
const all: ExampleCheck[] = [];

describe("oas-examples corpus", () => {
  it.each(corpusFiles(["2.0", "3.0", "3.1"]))("%s", async (file) => {
    const { spec, problems } = await loadSpec(file, { cwd: process.cwd() });
    if (!spec) {
      // Only a spec without operations (3.1 webhooks) may fail to load; then there is nothing to check.
      expect(problems.map((p) => p.code)).toContain("no-operations");
      return;
    }
    const { result, checks } = checkExamples(spec);
    all.push(...checks);
    // Deterministic: a second build gives the very same model and problems.
    const again = buildModel(spec, {});
    expect(JSON.stringify({ ...again.model, spec: undefined }), "same model twice").toBe(
      JSON.stringify({ ...result.model, spec: undefined }),
    );
    expect(again.problems).toEqual(result.problems);
    for (const c of checks) {
      if (c.ajv === "compile") continue;
      // The fast check only steers repairs; stricter than the contract is harmless, looser
      // would let repairs stop at values the contract test refuses.
      if (c.ours === undefined)
        expect
          .soft(c.ajv, `${c.pointer}: the fast check accepts what the core refuses`)
          .toBe(undefined);
      if (c.source === "generated" && c.ajv !== undefined)
        expect.soft(c.warned, `${c.pointer} is invalid but not reported`).toBe(true);
    }
  });

  afterAll(() => {
    const judged = all.filter((c) => c.ajv !== "compile");
    const generated = judged.filter((c) => c.source === "generated");
    const unsatisfied = generated.filter((c) => c.ajv !== undefined);
    console.info(
      `oas-examples: ${all.length} examples (${generated.length} generated, ${judged.length - generated.length} from the spec); ` +
        `${unsatisfied.length} generated could not be satisfied (all reported); ${all.length - judged.length} not judged (Ajv cannot compile the schema)`,
    );
    // Each one is a schema no value can satisfy: allOf [string, integer] ×2 (3.0 and 3.1),
    // a required self-reference, and oneOf of identical branches.
    expect(unsatisfied.length).toBeLessThanOrEqual(8);
  });
});

describe("GitHub REST API (1,223 operations)", () => {
  it("builds without dereferencing the whole document, and every generated example validates", () => {
    const file = "node_modules/@octokit/openapi/generated/api.github.com.json";
    const document = JSON.parse(readFileSync(file, "utf8")) as object;
    const started = performance.now();
    const { model, problems } = buildModel(specOf(document, file), {});
    const elapsed = performance.now() - started;
    expect(model?.operations).toHaveLength(1223);
    const examples = (model?.operations ?? []).flatMap((o) => [
      ...o.parameters.map((p) => ({
        pointer: p.contentType
          ? child(p.pointer, "content", p.contentType, "schema")
          : child(p.pointer, "schema"),
        value: p.example,
        source: p.exampleSource,
      })),
      ...(o.requestBody
        ? [
            {
              pointer: child(o.requestBody.pointer, "content", o.requestBody.contentType, "schema"),
              value: o.requestBody.example,
              source: o.requestBody.exampleSource,
            },
          ]
        : []),
    ]);
    const generated = examples.filter((e) => e.source === "generated");
    // None reported as impossible (our validator), and a deterministic sample confirmed by Ajv.
    expect(
      problems.filter(
        (p) => p.code === "invalid-example" && p.message.startsWith("Could not generate"),
      ),
    ).toEqual([]);
    const oracle = createOracle(document, "request");
    const judged = generated.filter((_, i) => i % 40 === 0);
    expect(
      judged
        .map((e) => [e.pointer, oracle.check(e.pointer, e.value)])
        .filter(([, error]) => error !== undefined),
    ).toEqual([]);
    console.info(
      `GitHub: buildModel ${elapsed.toFixed(0)} ms; ${examples.length} parameter/body examples, ${generated.length} generated, ${judged.length} re-checked by Ajv`,
    );
    // Generous for a shared 2-core machine; typically well under 2 s.
    expect(elapsed).toBeLessThan(15000);
  }, 120000);
});
