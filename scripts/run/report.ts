import type { RunTarget } from "./context";

/**
 * The redacted result of running one collection: the only thing reporters see. Every string
 * in it has been through the run's redactor.
 */
export interface AssertionReport {
  name: string;
  status: "passed" | "failed" | "skipped";
  /** Why it failed. */
  message?: string;
}

export interface ExecutionReport {
  name: string;
  /** Folders from the collection root, e.g. ["Users"]. */
  folders: string[];
  method: string;
  url: string;
  /** `GET /userlist` when the request hit an operation of the spec. */
  operation?: string;
  /** Position in the whole collection: puts shards and parallel parts back in order. */
  position?: number;
  status?: number;
  statusText?: string;
  responseTimeMs?: number;
  assertions: AssertionReport[];
  /** The request never got an answer (connection refused, timeout, ...). */
  requestError?: string;
  scriptErrors: string[];
  /** Start of the response body, kept only when something about this request failed. */
  responseExcerpt?: string;
}

export interface OperationCoverage {
  /** `GET /userlist` */
  key: string;
  /** Statuses seen, ascending. Empty when no request reached the operation. */
  statuses: number[];
  /** Statuses the spec documents, as written (`200`, `4XX`, `default`). */
  documented: string[];
  /** Documented statuses no response of the run matched. */
  untested: string[];
  /** Requests that got an answer, and their response time percentiles. */
  requests: number;
  p50Ms?: number;
  p95Ms?: number;
}

/** One of the slowest requests of a run. */
export interface SlowRequest {
  request: string;
  operation?: string;
  responseTimeMs: number;
}

export interface TokenRequests {
  /** Calls to the token endpoint, failed ones included (the Auth checks send one on purpose). */
  count: number;
  /** Tokens the endpoint issued: known on the mock target only. */
  issued?: number;
  /** mock: the mock's own count; collection-variable: the token script's counter; observed: requests seen going to the token URL. */
  source: "mock" | "collection-variable" | "observed";
}

export interface CollectionReport {
  /** File name of the collection without suffix. */
  name: string;
  /** Spec title. */
  title: string;
  target: RunTarget;
  baseUrl: string;
  startedAt: string;
  durationMs: number;
  executions: ExecutionReport[];
  totals: {
    requests: number;
    /** Items that sent nothing (the token script skips requests after a token failure). */
    skippedRequests: number;
    requestErrors: number;
    assertions: number;
    passed: number;
    failed: number;
    skipped: number;
    scriptErrors: number;
  };
  tokenRequests?: TokenRequests;
  coverage: OperationCoverage[];
  /** The slowest requests, slowest first. */
  slowest: SlowRequest[];
  /** Warnings and errors the collection's scripts logged, and run-level problems. In order. */
  messages: string[];
  /** Set when the target could not be reached at all: one line saying which URL and why. */
  unreachable?: string;
  /** Newman stopped the run early (the collection could not be run as a whole). */
  runError?: string;
}

export function totalsOf(executions: readonly ExecutionReport[]): CollectionReport["totals"] {
  const all = executions.flatMap((e) => e.assertions);
  return {
    requests: executions.filter((e) => e.method).length,
    skippedRequests: executions.filter((e) => !e.method).length,
    requestErrors: executions.filter((e) => e.requestError).length,
    assertions: all.length,
    passed: all.filter((a) => a.status === "passed").length,
    failed: all.filter((a) => a.status === "failed").length,
    skipped: all.filter((a) => a.status === "skipped").length,
    scriptErrors: executions.reduce((n, e) => n + e.scriptErrors.length, 0),
  };
}

/** A failing line as reporters list it. */
export interface FailureLine {
  request: string;
  what: string;
  message: string;
}

export function failuresOf(report: CollectionReport): FailureLine[] {
  const out: FailureLine[] = [];
  for (const execution of report.executions) {
    const request = [...execution.folders, execution.name].join(" / ");
    if (execution.requestError) {
      out.push({ request, what: "request", message: execution.requestError });
    }
    for (const message of execution.scriptErrors) out.push({ request, what: "script", message });
    for (const assertion of execution.assertions) {
      if (assertion.status === "failed") {
        out.push({ request, what: assertion.name, message: assertion.message ?? "" });
      }
    }
  }
  return out;
}

export function reportPassed(report: CollectionReport): boolean {
  const { failed, requestErrors, scriptErrors } = report.totals;
  return (
    failed === 0 &&
    requestErrors === 0 &&
    scriptErrors === 0 &&
    !report.unreachable &&
    !report.runError
  );
}
