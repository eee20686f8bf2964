import { coverageOf } from "./coverage";
import type { CollectionReport, OperationCoverage, TokenRequests } from "./report";
import { totalsOf } from "./report";
import { slowestOf } from "./timing";

/**
 * One report out of the reports of a collection's shards: executions back in collection
 * order, totals recounted, coverage recomputed over every shard's requests (the documented
 * statuses are the same in each), token requests summed.
 */
export function mergeReports(reports: readonly CollectionReport[]): CollectionReport {
  const [first] = reports;
  if (!first) throw new Error("mergeReports needs at least one report");
  const executions = reports
    .flatMap((report) => report.executions)
    .map((execution, index) => ({ execution, index }))
    .sort(
      (a, b) => (a.execution.position ?? -1) - (b.execution.position ?? -1) || a.index - b.index,
    )
    .map(({ execution }) => execution);
  const operations = first.coverage.map((op: OperationCoverage) => ({
    key: op.key,
    method: "",
    path: "",
    responses: op.documented.map((status) => ({ status })),
  }));
  const starts = reports.map((report) => report.startedAt).sort();
  const unreachable = joined(reports.map((report) => report.unreachable));
  const runError = joined(reports.map((report) => report.runError));
  const tokenRequests = sumTokens(reports.map((report) => report.tokenRequests));
  return {
    name: first.name,
    title: first.title,
    target: first.target,
    baseUrl: first.baseUrl,
    startedAt: starts[0] ?? first.startedAt,
    // Shards run side by side: the merged run took as long as the longest.
    durationMs: Math.max(...reports.map((report) => report.durationMs)),
    executions,
    totals: totalsOf(executions),
    ...(tokenRequests && { tokenRequests }),
    coverage: coverageOf(operations, executions),
    slowest: slowestOf(executions),
    messages: [...new Set(reports.flatMap((report) => report.messages))],
    ...(unreachable && { unreachable }),
    ...(runError && { runError }),
  };
}

function joined(lines: readonly (string | undefined)[]): string | undefined {
  const present = [...new Set(lines.filter((line): line is string => Boolean(line)))];
  return present.length ? present.join("; ") : undefined;
}

function sumTokens(all: readonly (TokenRequests | undefined)[]): TokenRequests | undefined {
  const present = all.filter((t): t is TokenRequests => t !== undefined);
  const [first] = present;
  if (!first) return undefined;
  const issued = present.every((t) => t.issued !== undefined)
    ? present.reduce((n, t) => n + (t.issued ?? 0), 0)
    : undefined;
  return {
    count: present.reduce((n, t) => n + t.count, 0),
    ...(issued !== undefined && { issued }),
    source: first.source,
  };
}

/** Enough of a report's shape to merge it; anything else is named as not a report. */
export function isCollectionReport(value: unknown): value is CollectionReport {
  if (typeof value !== "object" || value === null) return false;
  const report = value as Partial<CollectionReport>;
  return (
    typeof report.name === "string" &&
    Array.isArray(report.executions) &&
    Array.isArray(report.coverage) &&
    typeof report.totals === "object"
  );
}
