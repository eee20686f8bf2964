import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { expect, it } from "vitest";
import { generate } from "../../scripts/pipeline";
import { formatProblem, hasErrors } from "../../scripts/problems";
import { collectionSchemaErrors } from "./postman-schema";

// Real-world specs of every version: each converts to a collection Postman can import, or
// fails with located errors. A crash inside the conversion surfaces as conversion-failed.

const ROOT = fileURLToPath(new URL("../../node_modules/@readme/oas-examples/", import.meta.url));

function specFiles(): string[] {
  const files: string[] = [];
  for (const version of ["2.0", "3.0", "3.1"]) {
    for (const format of ["json", "yaml"]) {
      const dir = join(ROOT, version, format);
      for (const name of readdirSync(dir).sort()) {
        if (statSync(join(dir, name)).isFile()) files.push(join(version, format, name));
      }
    }
  }
  return files;
}

it("converts every @readme/oas-examples spec or reports located errors", async () => {
  const files = specFiles();
  expect(files.length).toBeGreaterThan(100);
  const trouble: string[] = [];
  let converted = 0;
  for (const file of files) {
    // One at a time: the JSON and YAML copies share names, hence output paths.
    const [spec] = (await generate({ cwd: ROOT, specs: [file], outDir: "/nonexistent", model: {} }))
      .specs;
    if (!spec) throw new Error(`no outcome for ${file}`);
    if (hasErrors(spec.problems)) {
      for (const p of spec.problems.filter((p) => p.severity === "error")) {
        if (p.code === "conversion-failed" || p.line === undefined || p.file === "") {
          trouble.push(formatProblem(p));
        }
      }
      expect(spec.files, spec.file).toEqual([]);
      continue;
    }
    const collection = JSON.parse(spec.files[0]?.content ?? "null");
    for (const error of collectionSchemaErrors(collection)) trouble.push(`${spec.file}: ${error}`);
    converted += 1;
  }
  expect(trouble).toEqual([]);
  // 3 of 119 have nothing to convert (webhooks only, no paths) as of @readme/oas-examples 8.2.
  expect(converted).toBeGreaterThanOrEqual(110);
}, 240_000);
