import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import type { RunContext, RunTarget } from "./context";

export const COLLECTION_SUFFIX = ".postman_collection.json";
const SPEC_EXTENSIONS = [".yaml", ".yml", ".json"];

/** The files one collection run needs, all absolute. */
export interface CollectionFiles {
  /** File name without `.postman_collection.json`: names the spec, environments and reports. */
  name: string;
  collectionFile: string;
  specFile: string;
  /** Absent only for the mock target, which can do without one. */
  environmentFile?: string;
}

export interface Discovery {
  files: CollectionFiles[];
  /** One line each, ready to print; any of them makes the run a set-up error. */
  errors: string[];
}

/**
 * Finds the collections to run and, for each, its spec and the environment file of the
 * target. `generate --out-dir DIR` writes DIR/collections and DIR/environments, so both are
 * looked up next to the collection's folder first; specs also in the project's specs/.
 */
export function discoverCollections(ctx: RunContext): Discovery {
  const errors: string[] = [];
  const collectionFiles = ctx.collections.length
    ? ctx.collections.map((given) => resolveGiven(ctx.cwd, given, errors))
    : listDefault(ctx.cwd, errors);

  const files: CollectionFiles[] = [];
  const seen = new Set<string>();
  for (const collectionFile of collectionFiles) {
    if (collectionFile === undefined || seen.has(collectionFile)) continue;
    seen.add(collectionFile);
    const found = filesFor(ctx, collectionFile, errors);
    if (found) files.push(found);
  }
  return { files, errors };
}

function listDefault(cwd: string, errors: string[]): string[] {
  const dir = path.join(cwd, "collections");
  const names = existsSync(dir)
    ? readdirSync(dir).filter((name) => name.endsWith(COLLECTION_SUFFIX))
    : [];
  if (names.length === 0) {
    errors.push(
      `no collections to run: ${rel(cwd, dir)}/ has no *${COLLECTION_SUFFIX} (run 'specpost generate' first)`,
    );
  }
  return names.sort().map((name) => path.join(dir, name));
}

/** A path to a collection file, or a bare name looked up in collections/. */
function resolveGiven(cwd: string, given: string, errors: string[]): string | undefined {
  const candidates = [path.resolve(cwd, given)];
  if (!given.includes("/") && !given.includes(path.sep)) {
    const name = given.endsWith(COLLECTION_SUFFIX) ? given : `${given}${COLLECTION_SUFFIX}`;
    candidates.push(path.join(cwd, "collections", name));
  }
  const found = candidates.find((file) => existsSync(file) && statSync(file).isFile());
  if (!found) {
    errors.push(
      `${given}: no such collection (looked for ${candidates.map((c) => rel(cwd, c)).join(", ")})`,
    );
    return undefined;
  }
  if (!found.endsWith(COLLECTION_SUFFIX)) {
    errors.push(`${rel(cwd, found)}: a collection file name must end in ${COLLECTION_SUFFIX}`);
    return undefined;
  }
  return found;
}

function filesFor(
  ctx: RunContext,
  collectionFile: string,
  errors: string[],
): CollectionFiles | undefined {
  const name = path.basename(collectionFile).slice(0, -COLLECTION_SUFFIX.length);
  const root = path.dirname(path.dirname(collectionFile));
  const specDirs = unique([path.join(root, "specs"), path.join(ctx.cwd, "specs")]);
  const specCandidates = specDirs.flatMap((dir) =>
    SPEC_EXTENSIONS.map((ext) => path.join(dir, `${name}${ext}`)),
  );
  const specFile = specCandidates.find((file) => existsSync(file));
  const envCandidates = unique([
    path.join(root, "environments"),
    path.join(ctx.cwd, "environments"),
  ]).map((dir) => path.join(dir, environmentFileName(name, ctx.target)));
  const environmentFile = envCandidates.find((file) => existsSync(file));

  let ok = true;
  if (!specFile) {
    errors.push(
      `${rel(ctx.cwd, collectionFile)}: its spec is missing (looked for ${specDirs
        .map((dir) => `${rel(ctx.cwd, dir)}/${name}.{yaml,yml,json}`)
        .join(", ")})`,
    );
    ok = false;
  }
  if (!environmentFile && ctx.target !== "mock") {
    errors.push(
      `${rel(ctx.cwd, collectionFile)}: no ${ctx.target} environment (looked for ${envCandidates
        .map((file) => rel(ctx.cwd, file))
        .join(", ")}; run 'specpost generate')`,
    );
    ok = false;
  }
  if (!ok || !specFile) return undefined;
  return { name, collectionFile, specFile, ...(environmentFile && { environmentFile }) };
}

export function environmentFileName(name: string, target: RunTarget): string {
  return `${name}.${target}.postman_environment.json`;
}

const unique = (items: string[]): string[] => [...new Set(items)];

/** Paths in messages: relative to the project when inside it. */
export function rel(cwd: string, file: string): string {
  const relative = path.relative(cwd, file);
  return relative && !relative.startsWith("..") && !path.isAbsolute(relative) ? relative : file;
}
