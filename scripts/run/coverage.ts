import type { OperationCoverage } from "./report";

export interface OperationRef {
  /** `GET /users/{id}` */
  key: string;
  method: string;
  path: string;
  /** Documented responses, `status` as written (`200`, `4XX`, `default`). */
  responses?: readonly { status: string }[];
}

export type OperationMatcher = (method: string, url: string) => string | undefined;

/**
 * Maps a sent request back to the spec operation it hit: the URL's path below the base URL's
 * path, against each path template. Literal paths are tried before templated ones, so
 * `/users/me` wins over `/users/{id}`.
 */
export function operationMatcher(
  baseUrl: string,
  operations: readonly OperationRef[],
): OperationMatcher {
  const basePath = pathnameOf(baseUrl).replace(/\/+$/, "");
  const compiled = operations
    .map((operation) => ({
      key: operation.key,
      method: operation.method.toUpperCase(),
      params: (operation.path.match(/\{[^}]+\}/g) ?? []).length,
      pattern: new RegExp(
        `^${operation.path
          .replace(/\/+$/, "")
          .split(/\{[^}]+\}/)
          .map(escapeRegExp)
          .join("[^/]+")}/?$`,
      ),
    }))
    .sort((a, b) => a.params - b.params);
  return (method, url) => {
    let path = pathnameOf(url);
    if (basePath && path.startsWith(basePath)) path = path.slice(basePath.length) || "/";
    const upper = method.toUpperCase();
    return compiled.find((op) => op.method === upper && op.pattern.test(decodePath(path)))?.key;
  };
}

/** What coverage reads of a request the run sent. */
export interface CoverageHit {
  operation?: string;
  status?: number;
  responseTimeMs?: number;
}

/**
 * Operations in spec order: the statuses seen, the documented ones no response matched
 * (`2XX` matches any 2xx; `default` any status not documented on its own), and response
 * time percentiles over the requests that got an answer.
 */
export function coverageOf(
  operations: readonly OperationRef[],
  hits: readonly CoverageHit[],
): OperationCoverage[] {
  const seen = new Map<string, Set<number>>();
  const times = new Map<string, number[]>();
  for (const hit of hits) {
    if (!hit.operation || hit.status === undefined) continue;
    const statuses = seen.get(hit.operation) ?? new Set<number>();
    statuses.add(hit.status);
    seen.set(hit.operation, statuses);
    if (hit.responseTimeMs !== undefined) {
      times.set(hit.operation, [...(times.get(hit.operation) ?? []), hit.responseTimeMs]);
    }
  }
  return operations.map((operation) => {
    const statuses = [...(seen.get(operation.key) ?? [])].sort((a, b) => a - b);
    const documented = (operation.responses ?? []).map((response) => response.status);
    const sorted = (times.get(operation.key) ?? []).sort((a, b) => a - b);
    return {
      key: operation.key,
      statuses,
      documented,
      untested: documented.filter((status) => !exercised(status, documented, statuses)),
      requests: sorted.length,
      ...(sorted.length > 0 && { p50Ms: percentile(sorted, 50), p95Ms: percentile(sorted, 95) }),
    };
  });
}

function exercised(documented: string, all: readonly string[], seen: readonly number[]): boolean {
  if (documented === "default") {
    return seen.some((status) => !all.some((d) => d !== "default" && statusMatches(d, status)));
  }
  return seen.some((status) => statusMatches(documented, status));
}

function statusMatches(documented: string, status: number): boolean {
  if (/^[1-5]xx$/i.test(documented)) return Math.floor(status / 100) === Number(documented[0]);
  return Number(documented) === status;
}

/** Nearest-rank percentile of ascending values (p95 of 20 values is the 19th). */
export function percentile(sorted: readonly number[], p: number): number {
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[Math.min(sorted.length, rank) - 1] ?? 0;
}

function pathnameOf(url: string): string {
  try {
    return new URL(url).pathname;
  } catch {
    return url.split("?")[0] ?? "";
  }
}

function decodePath(path: string): string {
  try {
    return decodeURI(path);
  } catch {
    return path;
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
