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

  lines.push(...coverageLines(report));
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

/** Operations × statuses (seen, and documented but never exercised), times, slowest requests. */
function coverageLines(report: CollectionReport): string[] {
  const lines: string[] = [];
  const covered = report.coverage.filter((op) => op.statuses.length > 0).length;
  const untested = report.coverage.reduce((n, op) => n + op.untested.length, 0);
  lines.push(
    `  operations  ${covered} of ${report.coverage.length} covered${untested ? `, ${untested} documented status${untested === 1 ? "" : "es"} never exercised` : ""}`,
  );
  const width = Math.max(0, ...report.coverage.map((op) => op.key.length));
  const seen = report.coverage.map((op) =>
    op.statuses.length ? op.statuses.join(" ") : "not reached",
  );
  const untestedText = report.coverage.map((op) =>
    op.untested.length ? `untested ${op.untested.join(" ")}` : "",
  );
  const seenWidth = Math.max(0, ...seen.map((text) => text.length));
  const untestedWidth = Math.max(0, ...untestedText.map((text) => text.length));
  report.coverage.forEach((op, index) => {
    const times = op.p95Ms !== undefined ? `p50 ${op.p50Ms} ms  p95 ${op.p95Ms} ms` : "";
    const columns = [
      `${op.key.padEnd(width)}  ${(seen[index] ?? "").padEnd(seenWidth)}`,
      ...(untestedWidth ? [(untestedText[index] ?? "").padEnd(untestedWidth)] : []),
      times,
    ];
    lines.push(`    ${columns.join("  ")}`.trimEnd());
  });
  (report.slowest ?? []).forEach((slow, index) => {
    const label = index === 0 ? "  slowest     " : "              ";
    const op = slow.operation ? ` (${slow.operation})` : "";
    lines.push(`${label}${String(slow.responseTimeMs).padStart(5)} ms  ${slow.request}${op}`);
  });
  return lines;
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
