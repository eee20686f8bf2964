import type { RunTarget } from "./context";
import { coverageOf, type OperationRef, operationMatcher } from "./coverage";
import type { RecordedRequestError, RecordedRun } from "./recorded";
import {
  type AssertionReport,
  type CollectionReport,
  type ExecutionReport,
  type TokenRequests,
  totalsOf,
} from "./report";
import { countSchemes, type SchemePlan } from "./schemes";
import { collectSecrets, makeRedactor, type Redact, redactDeep } from "./secrets";
import { applyP95Limits, type P95Limits, slowestOf } from "./timing";

export interface SummaryInput {
  name: string;
  title: string;
  target: RunTarget;
  /** The base URL and token URL the run used (after overrides). */
  baseUrl: string;
  tokenUrl?: string;
  operations: readonly OperationRef[];
  /** Secrets the run was given (client secret, secret-looking --env-var values). */
  knownSecrets: readonly string[];
  /** The per-request timeout the run used, to say "timed out after N s". */
  timeoutRequestMs?: number;
  /** The mock's own counts, when the target is the mock. */
  mockTokens?: { requests: number; issued: number };
  /** Item id → position in the whole collection (see ExecutionReport.position). */
  itemOrder?: ReadonlyMap<string, number>;
  limits?: P95Limits;
  /** Which schemes each item carries (see schemes.ts): the run's "schemes" line. */
  schemes?: SchemePlan;
}

/** Token scripts count their fetches here, so real targets get a figure too. */
export const TOKEN_COUNTER_VARIABLE = "specpost_token_requests";
/** token-renew.js counts the requests it sent again after a 401 here. */
export const RESENT_VARIABLE = "specpost_token_resent";
/** Errors that mean nothing answered at all, as opposed to a bad answer. */
const UNREACHABLE_CODES = new Set([
  "ECONNREFUSED",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ETIMEDOUT",
  "ESOCKETTIMEDOUT",
  "ECONNRESET",
]);
/** What the HTTP client says when the timeout ran out; Newman passes them on as they are. */
const TIMEOUT_CODES = new Set(["ETIMEDOUT", "ESOCKETTIMEDOUT"]);
const EXCERPT_LENGTH = 500;
const MAX_MESSAGES = 20;

/**
 * Turns a recorded run into the report reporters see. Redaction happens here, once, over
 * everything: nothing of the raw run reaches a reporter.
 */
export function summarizeRun(
  run: RecordedRun,
  input: SummaryInput,
): { report: CollectionReport; redact: Redact } {
  const redact = makeRedactor(collectSecrets(run, input.knownSecrets));
  const match = operationMatcher(input.baseUrl, input.operations);

  const executions: ExecutionReport[] = run.executions.map((execution) => {
    const assertions: AssertionReport[] = execution.assertions.map((assertion) => ({
      name: assertion.name,
      status: assertion.error !== undefined ? "failed" : assertion.skipped ? "skipped" : "passed",
      ...(assertion.error !== undefined && { message: assertion.error }),
    }));
    const troubled =
      execution.requestError !== undefined ||
      execution.scriptErrors.length > 0 ||
      assertions.some((a) => a.status === "failed");
    const operation = execution.method ? match(execution.method, execution.url) : undefined;
    const { response } = execution;
    const position = execution.id === undefined ? undefined : input.itemOrder?.get(execution.id);
    const schemes =
      execution.id === undefined ? undefined : input.schemes?.byItem.get(execution.id);
    return {
      name: execution.name,
      ...(position !== undefined && { position }),
      folders: execution.folders,
      method: execution.method,
      url: execution.url,
      ...(operation && { operation }),
      ...(response && {
        status: response.code,
        statusText: response.status,
        responseTimeMs: response.responseTimeMs,
      }),
      assertions,
      ...(execution.requestError && {
        requestError: describeError(execution.requestError, input.timeoutRequestMs),
      }),
      scriptErrors: execution.scriptErrors.map((e) => `${e.event} script: ${e.message}`),
      ...(schemes && schemes.length > 0 && { schemes }),
      // Redacted before it is cut, so a secret across the cut cannot leave half of itself.
      ...(troubled && response?.body && { responseExcerpt: excerpt(redact(response.body)) }),
    };
  });

  const coverage = coverageOf(input.operations, executions);
  const added = applyP95Limits(executions, coverage, input.limits ?? {});
  const all = executions.flatMap((e) => e.assertions);
  const messages = run.console.map((entry) => `${entry.level}: ${entry.message}`);
  // Each send is an execution of its own: the refused one carries a skipped line, not a failure.
  const resent = Number(run.collectionVariables[RESENT_VARIABLE]) || 0;
  if (resent > 0) {
    messages.push(
      `${resent} request${resent === 1 ? "" : "s"} sent again after a 401 with a token valid by its clock (token renewed; the refused answer is not judged)`,
    );
  }
  if (run.stats.assertions !== all.length - added) {
    // Our count comes from Newman's events; a mismatch means the recorder missed some.
    messages.push(`Newman counted ${run.stats.assertions} assertions, this report ${all.length}`);
  }
  const unreachable = unreachableMessage(run, input);
  const tokenRequests = countTokenRequests(run, input);
  const schemes = input.schemes ? usedSchemes(input.schemes.catalog, executions) : [];

  const report: CollectionReport = {
    name: input.name,
    title: input.title,
    target: input.target,
    baseUrl: input.baseUrl,
    startedAt: new Date(run.startedAt).toISOString(),
    durationMs: run.durationMs,
    executions,
    totals: totalsOf(executions),
    ...(tokenRequests && { tokenRequests }),
    ...(schemes.length > 0 && { schemes }),
    coverage,
    slowest: slowestOf(executions),
    messages:
      messages.length > MAX_MESSAGES
        ? [...messages.slice(0, MAX_MESSAGES), `... and ${messages.length - MAX_MESSAGES} more`]
        : messages,
    ...(unreachable && { unreachable }),
    ...(run.runError && { runError: `Newman stopped the run: ${run.runError}` }),
  };
  return { report: redactDeep(report, redact), redact };
}

/** Schemes some executed or skipped item carried; the rest of the collection is another shard's. */
export function usedSchemes(
  catalog: SchemePlan["catalog"],
  executions: readonly ExecutionReport[],
): NonNullable<CollectionReport["schemes"]> {
  return countSchemes(catalog, executions).filter((s) => s.sent + s.skipped > 0);
}

function timedOut(code: string, timeoutMs: number | undefined): string {
  const seconds = timeoutMs === undefined ? undefined : Math.round(timeoutMs / 100) / 10;
  return seconds === undefined
    ? `no answer: timed out (${code})`
    : `no answer: timed out after ${seconds} s (${code}; --timeout-request sets the limit)`;
}

function describeError(error: RecordedRequestError, timeoutMs: number | undefined): string {
  if (error.code && TIMEOUT_CODES.has(error.code)) return timedOut(error.code, timeoutMs);
  return error.code && !error.message.includes(error.code)
    ? `${error.message} (${error.code})`
    : error.message;
}

function excerpt(body: string): string {
  const flat = body.replace(/\s+/g, " ").trim();
  return flat.length > EXCERPT_LENGTH ? `${flat.slice(0, EXCERPT_LENGTH)}…` : flat;
}

function countTokenRequests(run: RecordedRun, input: SummaryInput): TokenRequests | undefined {
  if (input.mockTokens) {
    return { count: input.mockTokens.requests, issued: input.mockTokens.issued, source: "mock" };
  }
  const counter =
    run.collectionVariables[TOKEN_COUNTER_VARIABLE] ?? run.environment[TOKEN_COUNTER_VARIABLE];
  if (counter !== undefined && /^\d+$/.test(counter.trim())) {
    return { count: Number(counter), source: "collection-variable" };
  }
  if (!input.tokenUrl) return undefined;
  const tokenEndpoint = withoutQuery(input.tokenUrl);
  const count = [...run.scriptRequests, ...run.executions].filter(
    (sent) => withoutQuery(sent.url) === tokenEndpoint,
  ).length;
  return { count, source: "observed" };
}

/**
 * One line when an origin never answered: connection-level errors and not a single response
 * from that origin. A token endpoint that is down is named as such, since every later 401
 * is only its echo.
 */
function unreachableMessage(run: RecordedRun, input: SummaryInput): string | undefined {
  const answered = new Set<string>();
  for (const sent of [...run.executions, ...run.scriptRequests]) {
    if (sent.response) answered.add(originOf(sent.url));
  }
  const failures = [
    ...run.scriptRequests.map((sent) => ({ url: sent.url, error: sent.error })),
    ...run.executions.map((sent) => ({ url: sent.url, error: sent.requestError })),
  ];
  const lines = new Map<string, string>();
  for (const { url, error } of failures) {
    const origin = originOf(url);
    if (!error?.code || !UNREACHABLE_CODES.has(error.code)) continue;
    if (answered.has(origin) || lines.has(origin)) continue;
    const isToken =
      input.tokenUrl !== undefined && withoutQuery(url) === withoutQuery(input.tokenUrl);
    const variable = isToken ? "tokenUrl" : "baseUrl";
    const what = isToken ? "token endpoint" : "API";
    lines.set(
      origin,
      TIMEOUT_CODES.has(error.code)
        ? `the ${what} at ${withoutQuery(url)} did not answer: ${timedOut(error.code, input.timeoutRequestMs).slice("no answer: ".length)}`
        : `cannot reach the ${what} at ${withoutQuery(url)}: ${error.code} (check ${variable}, or override it with --env-var ${variable}=URL)`,
    );
  }
  return lines.size > 0 ? [...lines.values()].join("; ") : undefined;
}

function originOf(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return url;
  }
}

function withoutQuery(url: string): string {
  return url.split(/[?#]/)[0] ?? url;
}
