import { readdirSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { loadSpec } from "../../scripts/load/load";
import { cwd } from "./helpers";

// Real-world shaped specs from ReadMe's example set: every one must load into an OpenAPI 3
// document, and anything reported must be located.
const base = "node_modules/@readme/oas-examples";
const files = ["2.0", "3.0", "3.1"].flatMap((version) =>
  ["json", "yaml"].flatMap((format) =>
    readdirSync(`${base}/${version}/${format}`)
      .filter((name) => /\.(json|yaml)$/.test(name))
      .sort()
      .map((name) => `${base}/${version}/${format}/${name}`),
  ),
);

const tally = { specs: 0, errors: 0, warnings: 0 };
afterAll(() => {
  console.log(
    `@readme/oas-examples: ${tally.specs}/${files.length} loaded, ${tally.errors} errors, ${tally.warnings} warnings`,
  );
});

describe(`@readme/oas-examples (${files.length} specs)`, () => {
  it.each(files)("%s", async (file) => {
    const result = await loadSpec(file, { cwd });
    for (const problem of result.problems) {
      expect(problem.line).toBeGreaterThanOrEqual(1);
      expect(problem.column).toBeGreaterThanOrEqual(1);
      tally[problem.severity === "error" ? "errors" : "warnings"]++;
    }
    expect(result.problems.filter((p) => p.severity === "error")).toEqual([]);
    expect(result.spec?.document.openapi).toMatch(/^3\.[01]\./);
    tally.specs++;
  });
});
