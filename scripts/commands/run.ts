import { RUN_USAGE, resolveRunContext } from "../run/args";
import type { RunDeps } from "../run/deps";
import { rel } from "../run/discover";
import { renderCliSummary } from "../run/reporters/cli";
import { reportFileName, writeReports } from "../run/reporters/write";
import { runCollections } from "../run/runner";
import type { Io } from "./io";
import { progressDisplay } from "./progress";

/**
 * `specpost run`: resolves arguments and environment once, runs every collection with
 * Newman in-process, prints a summary per collection and writes JUnit/HTML reports.
 * Exit 0 all passed, 1 failures, 2 usage or set-up errors.
 */
export async function runCommand(args: string[], io: Io, deps?: RunDeps): Promise<number> {
  const resolved = resolveRunContext(args, io.env, io.cwd);
  if ("help" in resolved) {
    io.stdout(RUN_USAGE);
    return 0;
  }
  if ("error" in resolved) {
    io.stderr(`specpost run: ${resolved.error}. Run 'specpost run --help' for the options.\n`);
    return 2;
  }
  const ctx = resolved.context;
  const wantsCli = ctx.reporters.includes("cli");
  const writeErrors: string[] = [];
  const progress = progressDisplay(io, wantsCli ? ctx.progressEveryMs : 0);

  const outcome = await runCollections(ctx, deps, {
    onProgress: (update) => progress.update(update),
    onResult(result) {
      progress.end();
      let files: string[] = [];
      try {
        files = writeReports(result, ctx.reporters, ctx.reportDir);
      } catch (error) {
        writeErrors.push(
          `specpost run: cannot write reports to ${rel(ctx.cwd, ctx.reportDir)}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
        );
      }
      const html = ctx.reporters.includes("html")
        ? rel(ctx.cwd, `${ctx.reportDir}/${reportFileName(result.report.name, "html")}`)
        : undefined;
      if (wantsCli) io.stdout(result.redact(`${renderCliSummary(result.report, html)}\n`));
      if (files.length > 0) {
        io.stdout(
          result.redact(`  reports     ${files.map((f) => rel(ctx.cwd, f)).join(", ")}\n\n`),
        );
      }
    },
  });

  progress.end();
  // Spec problems keep their `file:line:col` first so editors and CI annotate them.
  for (const error of outcome.errors) {
    io.stderr(/^\S+:\d+:\d+ /.test(error) ? `${error}\n` : `specpost run: ${error}\n`);
  }
  for (const error of writeErrors) io.stderr(`${error}\n`);
  if (outcome.results.length > 1 && wantsCli) {
    const failed = outcome.results.filter((r) => !r.passed).map((r) => r.report.name);
    io.stdout(
      failed.length
        ? `${failed.length} of ${outcome.results.length} collections failed: ${failed.join(", ")}\n`
        : `all ${outcome.results.length} collections passed\n`,
    );
  }
  return writeErrors.length > 0 ? 2 : outcome.exitCode;
}
