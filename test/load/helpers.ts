import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Problem } from "../../scripts/problems";

export const fixtures = "test/fixtures/specs/loader";
export const cwd = process.cwd();

/** The first error, reduced to what a user sees: file:line:col and the code. */
export function firstError(problems: readonly Problem[]) {
  const error = problems.find((p) => p.severity === "error");
  if (!error) throw new Error(`expected an error, got ${JSON.stringify(problems)}`);
  return error;
}

/** Writes inline spec texts to a fresh temp folder; returns it and a cleanup. */
export function tempSpecs(files: Record<string, string>): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), "specpost-loader-"));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Every `$ref` string in a document. */
export function allRefs(value: unknown, found: string[] = []): string[] {
  if (typeof value !== "object" || value === null) return found;
  for (const [key, child] of Object.entries(value)) {
    if (key === "$ref" && typeof child === "string") found.push(child);
    else allRefs(child, found);
  }
  return found;
}
