// Whether dist/ holds a build at least as new as every source under scripts/, so bin/ can
// use it and a developer editing sources never runs a stale bundle (they get tsx instead).
// Plain JS: it runs before any loader is registered, and must cost a few stat calls only.
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

export const ROOT = fileURLToPath(new URL("../..", import.meta.url));
export const DIST = join(ROOT, "dist");
const SOURCES = join(ROOT, "scripts");
const SOURCE_FILE = /\.(?:[cm]?[jt]s|json)$/;

/** The newest mtime (ms) of scripts/ — source files and folders, so a deleted file counts too. */
export function newestSource(dir = SOURCES) {
  let newest = statSync(dir).mtimeMs;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(path));
    else if (SOURCE_FILE.test(entry.name)) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

/**
 * The file URL of dist/<name> when it exists and is not older than any source, else
 * undefined. `SPECPOST_NO_BUNDLE=1` forces the tsx path (tests compare the two). The
 * folders are parameters for tests only.
 */
export function freshBuild(name, { dist = DIST, sources = SOURCES } = {}) {
  if (process.env.SPECPOST_NO_BUNDLE) return undefined;
  const file = join(dist, name);
  let built;
  try {
    built = statSync(file).mtimeMs;
  } catch {
    return undefined;
  }
  return built >= newestSource(sources) ? pathToFileURL(file).href : undefined;
}
