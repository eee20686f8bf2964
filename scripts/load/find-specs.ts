import { readdir } from "node:fs/promises";
import { join } from "node:path";

const SPEC_FILE = /\.(ya?ml|json)$/i;
// `<name>.overrides.yaml` sits beside a spec and holds the user's additions to it (issue 5).
const OVERRIDES_FILE = /\.overrides\./i;
// `<name>.arazzo.yaml` holds workflows over a spec (issue 10), not a spec of its own.
const ARAZZO_FILE = /\.arazzo\./i;

/**
 * Spec files directly inside `dir`, sorted. Not recursive: subfolders hold the fragments that
 * specs `$ref`, which are not specs of their own.
 */
export async function findSpecs(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  return entries
    .filter(
      (e) =>
        e.isFile() &&
        SPEC_FILE.test(e.name) &&
        !OVERRIDES_FILE.test(e.name) &&
        !ARAZZO_FILE.test(e.name),
    )
    .map((e) => join(dir, e.name))
    .sort();
}
