import { dirname, extname, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import type { Problem } from "../problems";
import { type Finding, locateFinding } from "./finding";
import { classifyRef, collectRefs, type RefSite, whyUnresolved } from "./ref-sites";
import { displayPath, readSource, type Source } from "./source";

export interface RefCheck {
  problems: Problem[];
  /** Every external file reached from the root, in the order first referenced. */
  externals: Source[];
  /** Parsed files by absolute path, root included: the bundler reads from here, not the disk. */
  sources: Map<string, Source>;
  /** True when the root names any other file: only then is the bundler worth running. */
  hasExternal: boolean;
  /** The root file's `$ref`s, in document order (the depth check reuses them). */
  rootSites: RefSite[];
}

function filePath(from: Source, ref: string): string {
  if (/^file:/i.test(ref)) return fileURLToPath(ref);
  let decoded = ref;
  try {
    decoded = decodeURI(ref);
  } catch {
    // Not URI-encoded after all (a literal `%` in a file name).
  }
  return resolve(dirname(from.absolutePath), decoded);
}

/**
 * Checks every `$ref` in the root file and, transitively, in the local files it references,
 * before anything is bundled: each broken reference is reported at the `$ref` that names it,
 * which the bundler's first-error-wins exceptions cannot do.
 */
export interface RefOptions {
  /** Lets `$ref`s name files outside the root spec's folder tree (off: a spec from elsewhere
   * must not pull `/etc/passwd` or `~/.aws/credentials` into a collection). */
  allowOutside?: boolean;
}

const SPEC_EXTENSIONS = new Set([".json", ".yaml", ".yml"]);

function inside(folder: string, file: string): boolean {
  const rel = relative(folder, file);
  return rel !== "" && rel !== ".." && !rel.startsWith(`..${sep}`) && resolve(folder, rel) === file;
}

export async function checkRefs(
  root: Source,
  cwd: string,
  options: RefOptions = {},
): Promise<RefCheck> {
  const tree = dirname(root.absolutePath);
  const problems: Problem[] = [];
  const sources = new Map<string, Source>([[root.absolutePath, root]]);
  const failed = new Map<string, { ioCode: string | undefined }>();
  const externals: Source[] = [];
  const queue: Source[] = [root];
  let hasExternal = false;
  let rootSites: RefSite[] = [];

  const report = (source: Source, site: RefSite, finding: Omit<Finding, "segments" | "severity">) =>
    problems.push(
      locateFinding(
        { source, segments: [...site.segments, "$ref"] },
        { ...finding, severity: "error", segments: [] },
      ),
    );

  const open = async (path: string): Promise<Source | undefined> => {
    const known = sources.get(path);
    if (known || failed.has(path)) return known;
    const result = await readSource(path, displayPath(path, cwd));
    if (!result.ok) {
      failed.set(path, { ioCode: result.ioCode });
      if (result.problem.code !== "read-error") problems.push(result.problem);
      return undefined;
    }
    sources.set(path, result.source);
    externals.push(result.source);
    queue.push(result.source);
    return result.source;
  };

  for (let next = queue.shift(); next; next = queue.shift()) {
    const source = next;
    const checked = new Map<string, string | undefined>();
    const whyInternal = (fragment: string) => {
      if (!checked.has(fragment)) checked.set(fragment, whyUnresolved(source.data, fragment));
      return checked.get(fragment);
    };
    const sites = collectRefs(source.data, source.format === "yaml");
    if (source === root) rootSites = sites;
    for (const site of sites) {
      const target = classifyRef(site.ref);
      if (target.kind === "remote") {
        report(source, site, {
          code: "unresolved-ref",
          message: `$ref "${site.ref}" is a remote URL and specpost does not download references; save that file next to the spec and refer to it by a relative path.`,
        });
        continue;
      }
      if (target.kind === "internal") {
        const why = whyInternal(target.fragment);
        if (why) {
          report(source, site, {
            code: "unresolved-ref",
            message: `$ref "${site.ref}" does not resolve: ${why}; fix the reference or add what it points to.`,
          });
        }
        continue;
      }
      if (source === root) hasExternal = true;
      const path = filePath(source, target.path);
      const targetName = displayPath(path, cwd);
      if (!options.allowOutside && !inside(tree, path)) {
        report(source, site, {
          code: "ref-outside-folder",
          message: `$ref "${site.ref}" points to ${targetName}, outside the folder of the spec (${displayPath(tree, cwd)}); copy the file next to the spec, or pass --allow-outside-refs if you trust it.`,
        });
        continue;
      }
      if (!SPEC_EXTENSIONS.has(extname(path).toLowerCase())) {
        report(source, site, {
          code: "unresolved-ref",
          message: `$ref "${site.ref}" points to ${targetName}, which is not a .json, .yaml or .yml file; refer to a JSON or YAML file.`,
        });
        continue;
      }
      const targetSource = await open(path);
      if (!targetSource) {
        const ioCode = failed.get(path)?.ioCode;
        if (ioCode === "ENOENT" || ioCode === "ENOTDIR") {
          report(source, site, {
            code: "missing-file",
            message: `$ref "${site.ref}" points to ${targetName}, which does not exist (referenced from ${source.display}); fix the path, which is relative to the folder of ${source.display}.`,
          });
        } else if (ioCode !== undefined) {
          report(source, site, {
            code: "read-error",
            message: `$ref "${site.ref}": cannot read ${targetName} (${ioCode}), referenced from ${source.display}; make the file readable.`,
          });
        }
        // A file that failed to parse already has its own located syntax problem.
        continue;
      }
      if (targetSource.data === undefined) {
        report(source, site, {
          code: "unresolved-ref",
          message: `$ref "${site.ref}" points to ${targetName}, which is empty; put the referenced content in it.`,
        });
        continue;
      }
      if (typeof targetSource.data !== "object" || targetSource.data === null) {
        report(source, site, {
          code: "unresolved-ref",
          message: `$ref "${site.ref}" points to ${targetName}, which holds ${typeof targetSource.data === "string" ? "plain text" : `a ${typeof targetSource.data}`}, not a JSON or YAML object; refer to a file that holds one.`,
        });
        continue;
      }
      const why = target.fragment ? whyUnresolved(targetSource.data, target.fragment) : undefined;
      if (why) {
        report(source, site, {
          code: "unresolved-ref",
          message: `$ref "${site.ref}" does not resolve: in ${targetName}, ${why}; fix the reference or add what it points to.`,
        });
      }
    }
  }
  return { problems, externals, sources, hasExternal, rootSites };
}
