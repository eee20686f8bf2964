import { loadModel } from "../pipeline";
import { formatProblem, type Problem } from "../problems";
import { parseCommandArgs } from "./args";
import { DATA_CODES } from "./data-summary";
import type { Io } from "./io";

const USAGE = `usage: specpost lint SPEC... [--strict]

  SPEC       OpenAPI 3.0/3.1 or Swagger 2.0 file(s), YAML or JSON
  --strict   exit 1 on warnings too (examples that break their schemas, unsatisfiable schemas)

Prints every problem of the spec at its own file:line:col; exits 1 when there are errors.
`;

/** `specpost lint`: the spec checked before the tests, so CI can gate the spec itself. */
export async function lintCommand(args: string[], io: Io): Promise<number> {
  const parsed = parseCommandArgs({
    args,
    allowPositionals: true,
    options: { strict: { type: "boolean" }, help: { type: "boolean", short: "h" } },
  });
  if (!parsed.ok) {
    io.stderr(`specpost lint: ${parsed.message}\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
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
