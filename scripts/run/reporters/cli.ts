import { type CollectionReport, failuresOf, reportPassed, type TokenRequests } from "../report";

/** More would push the totals off a terminal screen; the HTML report has them all. */
const MAX_FAILURES = 15;

/**
 * The one-screen summary of a collection run: totals, token requests, which operations and
 * statuses the run touched, and the failures with request, assertion and message.
 */
export function renderCliSummary(report: CollectionReport, htmlReport?: string): string {
  const lines: string[] = [];
  const { totals } = report;
  lines.push(`${report.title} (${report.name}) on ${report.target} ${report.baseUrl}`);
  lines.push(
    `  requests    ${totals.requests} sent${totals.requestErrors ? `, ${totals.requestErrors} without an answer` : ""}${totals.skippedRequests ? `, ${totals.skippedRequests} skipped` : ""} in ${seconds(report.durationMs)}`,
  );
  lines.push(
    `  assertions  ${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ""} (${totals.assertions} total)`,
  );
  if (totals.scriptErrors)
    lines.push(`  scripts     ${totals.scriptErrors} error${totals.scriptErrors === 1 ? "" : "s"}`);
  if (report.tokenRequests) lines.push(`  tokens      ${tokenLine(report.tokenRequests)}`);

  const covered = report.coverage.filter((op) => op.statuses.length > 0).length;
  lines.push(`  operations  ${covered} of ${report.coverage.length} covered`);
  const width = Math.max(0, ...report.coverage.map((op) => op.key.length));
  for (const op of report.coverage) {
    const statuses = op.statuses.length ? op.statuses.join(" ") : "not reached";
    lines.push(`    ${op.key.padEnd(width)}  ${statuses}`);
  }

  if (report.unreachable) lines.push(`  ${report.unreachable}`);
  if (report.runError) lines.push(`  ${report.runError}`);
  for (const message of report.messages) lines.push(`  ${message}`);

  const failures = failuresOf(report);
  if (failures.length > 0) {
    lines.push(`  failures (${failures.length}):`);
    failures.slice(0, MAX_FAILURES).forEach((failure, index) => {
      lines.push(`    ${index + 1}. ${failure.request} › ${failure.what}`);
      if (failure.message) lines.push(`       ${oneLine(failure.message)}`);
    });
    if (failures.length > MAX_FAILURES) {
      const where = htmlReport ? ` (all in ${htmlReport})` : " (--reporters html lists them all)";
      lines.push(`    ... and ${failures.length - MAX_FAILURES} more${where}`);
    }
  }
  lines.push(`  result      ${reportPassed(report) ? "PASS" : "FAIL"}`);
  return `${lines.join("\n")}\n`;
}

function tokenLine({ count, issued, source }: TokenRequests): string {
  const calls = `${count} token request${count === 1 ? "" : "s"}`;
  if (source === "mock") {
    // The Auth checks call the endpoint with wrong credentials on purpose: issued is the figure
    // that says whether the token was cached.
    return `${issued ?? 0} issued (${calls} in all, counted by the mock)`;
  }
  return `${calls} (${source === "observed" ? "seen going to tokenUrl" : "counted by the token script"})`;
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)}s`;
}

function oneLine(text: string): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > 300 ? `${flat.slice(0, 300)}…` : flat;
}
