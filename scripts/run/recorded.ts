/**
 * What one Newman run did, copied out of Newman's event stream into plain data.
 * Raw: it still holds secrets and tokens, so it never leaves scripts/run — reporters only
 * ever see the redacted CollectionReport built from it.
 */
export interface HeaderPair {
  key: string;
  value: string;
}

export interface RecordedResponse {
  code: number;
  status: string;
  headers: HeaderPair[];
  body: string;
  responseTimeMs: number;
}

export interface RecordedRequestError {
  message: string;
  /** Node's error code (ECONNREFUSED, ENOTFOUND, ...), when there is one. */
  code?: string;
}

export interface RecordedAssertion {
  name: string;
  skipped: boolean;
  /** Present when the assertion failed. */
  error?: string;
}

/** One request of the collection (an item), with what its scripts found. */
export interface RecordedExecution {
  name: string;
  /** The item's id: puts executions of parallel runs back in collection order. */
  id?: string;
  /** Folder names from the collection root down to the item. */
  folders: string[];
  method: string;
  url: string;
  requestHeaders: HeaderPair[];
  requestBody: string;
  response?: RecordedResponse;
  requestError?: RecordedRequestError;
  assertions: RecordedAssertion[];
  /** Errors thrown by the item's or the collection's pre-request and test scripts. */
  scriptErrors: { event: string; message: string }[];
}

/** A request a script sent with pm.sendRequest (the token fetch). */
export interface RecordedScriptRequest {
  method: string;
  url: string;
  requestHeaders: HeaderPair[];
  requestBody: string;
  response?: RecordedResponse;
  error?: RecordedRequestError;
}

export interface RecordedRun {
  executions: RecordedExecution[];
  scriptRequests: RecordedScriptRequest[];
  /** Script console output at warn/error level (the token script reports endpoint failures so). */
  console: { level: string; message: string }[];
  /** Collection variables and environment as the last script left them. */
  collectionVariables: Record<string, string>;
  environment: Record<string, string>;
  /** Newman's own counters, to cross-check ours. */
  stats: { assertions: number; failedAssertions: number };
  /**
   * Credentials seen in headers and bodies the recorder has already dropped (it keeps a
   * body only for a request that failed, so a long run's memory stays bounded).
   */
  secrets?: string[];
  /** A run-level error (the run stopped early). */
  runError?: string;
  startedAt: number;
  durationMs: number;
}
