import type { Problem } from "../problems";

// Light on imports: `generate` loads this in the main thread, before its signal handlers,
// and the pipeline only in its worker.

/** Problems about the spec's data: what the contract tests will trip over. */
export const DATA_CODES: ReadonlySet<string> = new Set([
  "invalid-example",
  "unsatisfiable-schema",
  "example-over-budget",
]);

/**
 * What `generate` says instead of the list: one line per spec with such problems (a big spec
 * has hundreds; `specpost lint` prints them all).
 */
export function dataSummary(file: string, problems: readonly Problem[]): string | undefined {
  const count = problems.filter((p) => DATA_CODES.has(p.code)).length;
  if (count === 0) return undefined;
  return `${file}: ${count} example problem(s) (examples that break their schemas, schemas no value satisfies); see \`specpost lint ${file}\``;
}
