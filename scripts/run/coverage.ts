import type { OperationCoverage } from "./report";

export interface OperationRef {
  /** `GET /users/{id}` */
  key: string;
  method: string;
  path: string;
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

/** Operations in spec order with the statuses seen for each. */
export function coverageOf(
  operations: readonly OperationRef[],
  hits: readonly { operation?: string; status?: number }[],
): OperationCoverage[] {
  const seen = new Map<string, Set<number>>();
  for (const hit of hits) {
    if (!hit.operation || hit.status === undefined) continue;
    const statuses = seen.get(hit.operation) ?? new Set<number>();
    statuses.add(hit.status);
    seen.set(hit.operation, statuses);
  }
  return operations.map((operation) => ({
    key: operation.key,
    statuses: [...(seen.get(operation.key) ?? [])].sort((a, b) => a - b),
  }));
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
