import type { ExecutionReport, OperationCoverage, SlowRequest } from "./report";

/** How many of the slowest requests a summary lists. */
export const SLOWEST_COUNT = 5;

export function slowestOf(
  executions: readonly ExecutionReport[],
  count = SLOWEST_COUNT,
): SlowRequest[] {
  return executions
    .filter((e) => e.responseTimeMs !== undefined)
    .map((e, index) => ({ e, index }))
    .sort((a, b) => (b.e.responseTimeMs ?? 0) - (a.e.responseTimeMs ?? 0) || a.index - b.index)
    .slice(0, count)
    .map(({ e }) => ({
      request: [...e.folders, e.name].join(" / "),
      ...(e.operation && { operation: e.operation }),
      responseTimeMs: e.responseTimeMs ?? 0,
    }));
}

/** Response time limits: `--max-p95` for every operation, `maxP95` overrides per operation. */
export interface P95Limits {
  all?: number;
  perOperation?: Readonly<Record<string, number>>;
}

export function p95AssertionName(limitMs: number): string {
  return `p95 response time <= ${limitMs} ms`;
}

/**
 * An operation whose p95 is over its limit fails: one failed assertion on its last request
 * (so JUnit, HTML and the totals all count it like any other check). Returns how many it added.
 */
export function applyP95Limits(
  executions: ExecutionReport[],
  coverage: readonly OperationCoverage[],
  limits: P95Limits,
): number {
  let added = 0;
  for (const op of coverage) {
    const limit = limits.perOperation?.[op.key] ?? limits.all;
    if (limit === undefined || op.p95Ms === undefined || op.p95Ms <= limit) continue;
    const last = executions.findLast((e) => e.operation === op.key && e.status !== undefined);
    if (!last) continue;
    added++;
    last.assertions.push({
      name: p95AssertionName(limit),
      status: "failed",
      message: `${op.key}: p95 ${op.p95Ms} ms over ${op.requests} request${op.requests === 1 ? "" : "s"} is over the ${limit} ms limit`,
    });
  }
  return added;
}
