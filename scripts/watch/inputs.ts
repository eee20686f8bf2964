import { dirname, resolve } from "node:path";
import { checkRefs } from "../load/refs";
import { readSource } from "../load/source";
import { loadOverrides, overridesCandidates } from "../overrides";

/**
 * Every file a spec's generation reads, absolute: the spec, the local files its `$ref`s reach,
 * its overrides file and the scripts that file names. Read again after every run, because an
 * edit can add or drop a reference. A file that cannot be read still counts (it may appear).
 */
export async function specInputs(spec: string, cwd: string): Promise<string[]> {
  const absolute = resolve(cwd, spec);
  const inputs = new Set<string>([absolute]);
  const read = await readSource(absolute, spec);
  if (read.ok) {
    const refs = await checkRefs(read.source, cwd);
    for (const path of refs.sources.keys()) inputs.add(path);
  }
  for (const path of (await loadOverrides(absolute, cwd)).inputs) inputs.add(path);
  return [...inputs].sort();
}

/** Folders to watch for files that do not exist yet: a new overrides file beside each spec. */
export function specFolders(specs: readonly string[], cwd: string): string[] {
  const folders = new Set<string>();
  for (const spec of specs) {
    const absolute = resolve(cwd, spec);
    for (const candidate of overridesCandidates(absolute)) folders.add(dirname(candidate));
  }
  return [...folders].sort();
}
