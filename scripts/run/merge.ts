import { coverageOf } from "./coverage";
import type { CollectionReport, OperationCoverage, SchemeUsage, TokenRequests } from "./report";
import { totalsOf } from "./report";
import { countSchemes } from "./schemes";
import { oncePerItem } from "./shard";
import { slowestOf } from "./timing";

/**
 * One report out of the reports of a collection's shards: executions back in collection
 * order, totals recounted, coverage recomputed over every shard's requests (the documented
 * statuses are the same in each), token requests summed.
 */
export function mergeReports(reports: readonly CollectionReport[]): CollectionReport {
  const [first] = reports;
  if (!first) throw new Error("mergeReports needs at least one report");
  const sorted = reports
    .flatMap((report) => report.executions)
    .map((execution, index) => ({ execution, index }))
    .sort(
      (a, b) => (a.execution.position ?? -1) - (b.execution.position ?? -1) || a.index - b.index,
    )
    .map(({ execution }) => execution);
  // Every shard runs the Cleanup folder (shard.ts): one line per Cleanup request, as unsharded.
  const executions = oncePerItem(
    sorted,
    (e) => e.position,
    (e) => Boolean(e.method),
  );
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
  const schemes = mergeSchemes(reports, executions);
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
    ...(schemes.length > 0 && { schemes }),
    coverage: coverageOf(operations, executions),
    slowest: slowestOf(executions),
    messages: [...new Set(reports.flatMap((report) => report.messages))],
    ...(unreachable && { unreachable }),
    ...(runError && { runError }),
  };
}

/**
 * Every shard's schemes, recounted over the merged executions; a report without per-request
 * scheme names (an older one) keeps its own counts, added up.
 */
function mergeSchemes(
  reports: readonly CollectionReport[],
  executions: CollectionReport["executions"],
): SchemeUsage[] {
  const catalog = new Map<string, SchemeUsage>();
  for (const report of reports) {
    for (const scheme of report.schemes ?? []) {
      const known = catalog.get(scheme.name);
      if (known) {
        known.sent += scheme.sent;
        known.skipped += scheme.skipped;
      } else catalog.set(scheme.name, { ...scheme });
    }
  }
  const all = [...catalog.values()];
  if (!executions.some((e) => e.schemes !== undefined)) return all;
  return countSchemes(all, executions).filter((s) => s.sent + s.skipped > 0);
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
