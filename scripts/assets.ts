import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

// Postman scripts are plain .js files read at run time. This module runs either from
// scripts/assets.ts (tsx) or from inside dist/specpost.mjs (the bundle), so its own URL
// differs by mode; the project root (nearest folder with package.json) is the same in both.
let root: string | undefined;

function projectRoot(): string {
  if (root !== undefined) return root;
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, "package.json"))) {
    const parent = dirname(dir);
    if (parent === dir)
      throw new Error(`specpost: no package.json above ${fileURLToPath(import.meta.url)}`);
    dir = parent;
  }
  root = dir;
  return root;
}

/** A file under scripts/ (e.g. "postman/contract.js") as lines, without a trailing empty line. */
export function scriptAssetLines(path: string): string[] {
  const text = readFileSync(join(projectRoot(), "scripts", path), "utf8");
  const lines = text.replace(/\r\n/g, "\n").split("\n");
  if (lines.at(-1) === "") lines.pop();
  return lines;
}
