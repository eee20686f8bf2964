import { parseArgs } from "node:util";
import { loadModel } from "../pipeline";
import { formatProblem, type Problem } from "../problems";
import type { Io } from "./io";

const USAGE = `usage: specpost lint SPEC... [--strict]

  SPEC       OpenAPI 3.0/3.1 or Swagger 2.0 file(s), YAML or JSON
  --strict   exit 1 on warnings too (examples that break their schemas, unsatisfiable schemas)

Prints every problem of the spec at its own file:line:col; exits 1 when there are errors.
`;

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

/** `specpost lint`: the spec checked before the tests, so CI can gate the spec itself. */
export async function lintCommand(args: string[], io: Io): Promise<number> {
  let values: { strict?: boolean; help?: boolean };
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: { strict: { type: "boolean" }, help: { type: "boolean", short: "h" } },
    }));
  } catch (error) {
    io.stderr(`specpost lint: ${(error as Error).message.split("\n")[0]}\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    io.stdout(USAGE);
    return 0;
  }
  if (positionals.length === 0) {
    io.stderr(`specpost lint: name a spec\n${USAGE}`);
    return 2;
  }
  const problems: Problem[] = [];
  for (const file of positionals) {
    const outcome = await loadModel(file, { cwd: io.cwd, model: {} });
    problems.push(...outcome.problems);
  }
  for (const p of problems) io.stdout(`${formatProblem(p)}\n`);
  const errors = problems.filter((p) => p.severity === "error").length;
  const warnings = problems.length - errors;
  const data = problems.filter((p) => DATA_CODES.has(p.code)).length;
  io.stdout(
    `specpost lint: ${errors} error(s), ${warnings} warning(s), ${data} about examples and schemas\n`,
  );
  return errors > 0 || (values.strict === true && warnings > 0) ? 1 : 0;
}
