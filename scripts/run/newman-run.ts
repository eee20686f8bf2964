import type { EventEmitter } from "node:events";
import { format } from "node:util";
import newman from "newman";
import type { CollectionDefinition, VariableScopeDefinition } from "postman-collection";
import type {
  HeaderPair,
  RecordedExecution,
  RecordedRequestError,
  RecordedResponse,
  RecordedRun,
  RecordedScriptRequest,
} from "./recorded";
import { addSentSecrets } from "./secrets";

export interface NewmanInput {
  collection: CollectionDefinition;
  environment: VariableScopeDefinition;
  delayRequestMs: number;
  timeoutRequestMs: number;
  /** Base for file references in the collection (Newman refuses reads outside it). */
  workingDir: string;
}

/** One finished item, as progress sees it. */
export interface ItemDone {
  failed: boolean;
}

/** Bodies of failed requests are kept this long: the report shows 500 characters of them. */
const KEPT_BODY_LENGTH = 4_000;

/**
 * Runs Newman in-process with no reporter of its own (its JSON/HTML reporters write tokens
 * in plain text, newman#3070) and records what happened from its events. We keep our own
 * executions: Newman's summary lists an item twice when a script sent a request for it.
 */
export function runNewman(
  input: NewmanInput,
  onItem?: (done: ItemDone) => void,
): Promise<RecordedRun> {
  const secrets = new Set<string>();
  const record: RecordedRun = {
    executions: [],
    scriptRequests: [],
    console: [],
    collectionVariables: {},
    environment: {},
    stats: { assertions: 0, failedAssertions: 0 },
    secrets: [],
    startedAt: Date.now(),
    durationMs: 0,
  };
  const byRef = new Map<string, RecordedExecution>();
  const executionFor = (event: EventArgs): RecordedExecution | undefined => {
    const ref = event.cursor?.ref;
    if (!ref) return undefined;
    let execution = byRef.get(ref);
    if (!execution) {
      execution = emptyExecution(event.item);
      byRef.set(ref, execution);
      record.executions.push(execution);
    }
    return execution;
  };

  return new Promise((resolve) => {
    const emitter: EventEmitter = newman.run(
      {
        collection: input.collection,
        environment: input.environment,
        reporters: [],
        delayRequest: input.delayRequestMs,
        timeoutRequest: input.timeoutRequestMs,
        workingDir: input.workingDir,
      },
      (error, summary) => {
        const stats = summary?.run?.stats?.assertions;
        record.stats = { assertions: stats?.total ?? 0, failedAssertions: stats?.failed ?? 0 };
        if (error) record.runError = error.message;
        record.secrets = [...secrets];
        record.durationMs = Date.now() - record.startedAt;
        resolve(record);
      },
    );

    emitter.on("beforeItem", (_error: unknown, event: EventArgs) => {
      executionFor(event);
    });
    emitter.on("item", (_error: unknown, event: EventArgs) => {
      const ref = event.cursor?.ref;
      const execution = ref ? byRef.get(ref) : undefined;
      if (ref) byRef.delete(ref);
      if (execution) {
        const failed = isTroubled(execution);
        keepOnlyReported(execution, failed, secrets);
        onItem?.({ failed });
      }
      forgetNewmanExecutions(emitter);
    });
    emitter.on("request", (error: ErrorLike | null, event: EventArgs) => {
      const request = plainRequest(event.request);
      const response = event.response ? plainResponse(event.response) : undefined;
      const requestError = error ? plainError(error) : undefined;
      if (event.cursor?.scriptId) {
        const sent: RecordedScriptRequest = { ...request };
        if (response) sent.response = response;
        if (requestError) sent.error = requestError;
        keepOnlyReported(sent, false, secrets);
        record.scriptRequests.push(sent);
        return;
      }
      const execution = executionFor(event);
      if (!execution) return;
      Object.assign(execution, request);
      if (response) execution.response = response;
      if (requestError) execution.requestError = requestError;
    });
    emitter.on("assertion", (error: ErrorLike | null, event: AssertionArgs) => {
      executionFor(event)?.assertions.push({
        name: event.assertion ?? "",
        skipped: Boolean(event.skipped),
        ...(error && { error: error.message ?? String(error) }),
      });
    });
    emitter.on("script", (error: ErrorLike | null, event: ScriptArgs) => {
      const variables = event.execution?.collectionVariables;
      const environment = event.execution?.environment;
      if (variables) record.collectionVariables = scopeValues(variables);
      if (environment) record.environment = scopeValues(environment);
      if (error) {
        executionFor(event)?.scriptErrors.push({
          event: event.event?.listen ?? "script",
          message: `${error.name ?? "Error"}: ${error.message ?? String(error)}`,
        });
      }
    });
    emitter.on("console", (_error: unknown, event: ConsoleArgs) => {
      if (event.level !== "warn" && event.level !== "error") return;
      record.console.push({ level: event.level, message: format(...(event.messages ?? [])) });
    });
  });
}

function isTroubled(execution: RecordedExecution): boolean {
  return (
    execution.requestError !== undefined ||
    execution.scriptErrors.length > 0 ||
    execution.assertions.some((a) => a.error !== undefined)
  );
}

/**
 * Drops what no report shows once an item is done: headers and bodies, after their
 * credentials were noted for redaction; a failed request keeps the start of its answer.
 */
function keepOnlyReported(
  sent: RecordedExecution | RecordedScriptRequest,
  failed: boolean,
  secrets: Set<string>,
): void {
  addSentSecrets(secrets, sent);
  sent.requestHeaders = [];
  sent.requestBody = "";
  if (sent.response) {
    sent.response.headers = [];
    sent.response.body = failed ? sent.response.body.slice(0, KEPT_BODY_LENGTH) : "";
  }
}

/**
 * Newman keeps every request and response of the run in its summary (newman#941) and has
 * no option against it; it only needs them for its own reporters, which we do not use.
 * Emptying the executions list and the response objects each one points at (its private
 * cache by cursor shares them) leaves a few small objects per request.
 */
function forgetNewmanExecutions(emitter: EventEmitter): void {
  const summary = (emitter as EventEmitter & { summary?: NewmanSummary }).summary;
  const executions = summary?.run?.executions;
  if (!executions) return;
  for (const execution of executions) {
    delete execution.request;
    delete execution.response;
  }
  executions.length = 0;
}

interface NewmanSummary {
  run?: { executions?: Array<{ request?: unknown; response?: unknown }> };
}

// Newman hands out postman-collection SDK objects; these are the parts we read.
interface ErrorLike {
  name?: string;
  message?: string;
  code?: string;
}
interface SdkList {
  all(): { key: string; value: unknown }[];
}
interface SdkRequest {
  method?: string;
  url?: { toString(): string };
  headers?: SdkList;
  body?: { toString(): string } | null;
}
interface SdkResponse {
  code?: number;
  status?: string;
  headers?: SdkList;
  responseTime?: number;
  text(): string | undefined;
}
interface SdkItem {
  name?: string;
  id?: string;
  parent?(): unknown;
}
interface EventArgs {
  cursor?: { ref?: string; scriptId?: string };
  item?: SdkItem;
  request?: SdkRequest;
  response?: SdkResponse;
}
interface AssertionArgs extends EventArgs {
  assertion?: string;
  skipped?: boolean;
}
interface ScriptArgs extends EventArgs {
  event?: { listen?: string };
  execution?: { collectionVariables?: unknown; environment?: unknown };
}
interface ConsoleArgs extends EventArgs {
  level?: string;
  messages?: unknown[];
}

function emptyExecution(item: SdkItem | undefined): RecordedExecution {
  return {
    name: item?.name ?? "",
    ...(item?.id && { id: item.id }),
    folders: folderPath(item),
    method: "",
    url: "",
    requestHeaders: [],
    requestBody: "",
    assertions: [],
    scriptErrors: [],
  };
}

/** Item → its folders, outermost first; the collection itself (no parent) is left out. */
function folderPath(item: SdkItem | undefined): string[] {
  const names: string[] = [];
  let node = item?.parent?.() as SdkItem | undefined;
  while (node && typeof node.parent === "function" && node.parent()) {
    names.unshift(node.name ?? "");
    node = node.parent() as SdkItem | undefined;
  }
  return names;
}

function pairs(list: SdkList | undefined): HeaderPair[] {
  return (list?.all() ?? []).map(({ key, value }) => ({ key, value: String(value ?? "") }));
}

function plainRequest(request: SdkRequest | undefined) {
  return {
    method: request?.method ?? "GET",
    url: request?.url?.toString() ?? "",
    requestHeaders: pairs(request?.headers),
    requestBody: request?.body ? String(request.body.toString()) : "",
  };
}

function plainResponse(response: SdkResponse): RecordedResponse {
  return {
    code: response.code ?? 0,
    status: response.status ?? "",
    headers: pairs(response.headers),
    body: response.text() ?? "",
    responseTimeMs: response.responseTime ?? 0,
  };
}

function plainError(error: ErrorLike): RecordedRequestError {
  return {
    message: error.message ?? String(error),
    ...(error.code && { code: error.code }),
  };
}

function scopeValues(scope: unknown): Record<string, string> {
  const values = (scope as { values?: SdkList }).values;
  const out: Record<string, string> = {};
  for (const { key, value } of values?.all() ?? []) {
    out[key] = typeof value === "string" ? value : JSON.stringify(value);
  }
  return out;
}
