import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { writeFiles } from "../../../scripts/collection/write";
import { generate } from "../../../scripts/pipeline";

export const REPO_ROOT = path.resolve(import.meta.dirname, "../../..");
export const ELCIES = "elcies-health-data-aggregator";

/**
 * Generates the ELCIES collection and environments from specs/ into a temporary folder
 * with the generator's own library, so the runner is tested on what the generator makes
 * today (the committed copy is held to it by `generate --check`).
 */
export async function generateElcies(): Promise<{ collectionFile: string; remove(): void }> {
  const outDir = mkdtempSync(path.join(tmpdir(), "specpost-elcies-"));
  const result = await generate({
    cwd: REPO_ROOT,
    specs: [path.join(REPO_ROOT, "specs", `${ELCIES}.yaml`)],
    outDir,
    model: {},
  });
  const problems = result.specs
    .flatMap((spec) => spec.problems)
    .filter((p) => p.severity === "error");
  if (problems.length > 0) throw new Error(`generate failed: ${problems[0]?.message}`);
  await writeFiles(result.specs.flatMap((spec) => spec.files));
  return {
    collectionFile: path.join(outDir, "collections", `${ELCIES}.postman_collection.json`),
    remove: () => rmSync(outDir, { recursive: true, force: true }),
  };
}
