/**
 * `bare`: no scripts, no auth, a pre-fetched token in a header (the baseline).
 * `scripts`: the generated collection (token pre-request + contract tests), default TTL.
 * `short-ttl`: the generated collection against a mock whose tokens expire during the run,
 * to show the token script renews once per expiry window, no more and no less.
 * `floor`: the bare collection plus ONE empty collection-level test script: what any script at
 * all costs a request in Newman's sandbox, the least a collection with tests on every request
 * can cost (real specs only).
 * `layout`: the bare collection plus an empty script wherever the generated collection has one
 * (each request's own pre-request script, the collection-level ones): the least THIS design of
 * scripts can cost, whatever they do (real specs only).
 */
export type NewmanVariant = "bare" | "scripts" | "short-ttl" | "floor" | "layout";

export interface NewmanRequest {
  variant: NewmanVariant;
  /** Absolute path of the spec the collection is generated from. */
  specFile: string;
  tokenTtlSeconds: number;
  /**
   * A real spec (GitHub's): generated with this token URL, its first `limit` requests run
   * against a trivial loopback server (newman-loopback.ts) instead of specpost's mock.
   */
  real?: { tokenUrl: string; limit: number };
}

export interface NewmanMeasurement {
  ok: true;
  variant: NewmanVariant;
  /** Requests in the collection run (script-sent token requests not included). */
  requests: number;
  /** Requests Newman actually sent: fewer when chain scripts skip a consumer. */
  sent: number;
  /** newman.run from start to callback. */
  wallMs: number;
  perRequestMs: number;
  /** CPU time of the whole process (Newman, its sandbox and the mock) per request. */
  cpuPerRequestMs: number;
  assertions: number;
  failedAssertions: number;
  /** The first few failure messages, to tell a spec/mock/generator bug from a slow run. */
  failures: string[];
  /** Token requests the mock saw during the run (the bare variant's pre-fetch excluded). */
  tokenRequests: number;
  tokenTtlSeconds: number;
  /** Most token requests a once-per-window script makes in a run this long (scripted variants). */
  maxTokenRequests?: number;
  /** API answers the mock gave with 401: a request went out with a missing or expired token. */
  unauthorized: number;
  maxRssKb: number;
}

export interface NewmanFailure {
  ok: false;
  variant: NewmanVariant;
  error: string;
}

export type NewmanResult = NewmanMeasurement | NewmanFailure;
