/**
 * Faults a test injects into the mock. Mutation faults change successful API answers so that
 * the generated contract assertions have something to catch; all of them apply until replaced.
 */
export interface MockFaults {
  /** The next N token requests get HTTP 500 with the gateway's error body. */
  tokenFailures?: number;
  /** Delay every token and API answer by this many milliseconds. */
  latencyMs?: number;
  /** Successful answers carry a body that violates the response schema. */
  invalidBody?: boolean;
  /** Successful answers use a status the operation does not document (418 when possible). */
  undocumentedStatus?: boolean;
  /** Successful answers are labelled with a content type the operation does not document. */
  wrongContentType?: boolean;
  /** Every token is refused with the gateway's 401 fault, even one the mock just issued. */
  rejectTokens?: boolean;
}

export interface MockOptions {
  /** Default 127.0.0.1: the mock is for this machine only. */
  host?: string;
  /** Default 0: an ephemeral port. */
  port?: number;
  /** Lifetime of issued tokens; default 3599 (KPN). */
  tokenTtlSeconds?: number;
  faults?: MockFaults;
  /** A request (headers and body) not received within this is answered 408; default 30 s. */
  requestTimeoutMs?: number;
  /** Every answer is the operation's sample: nothing created is remembered (`--stateless`). */
  stateless?: boolean;
  /** Called with each warning as it arises (answers are prepared on first request). */
  onWarning?: (warning: string) => void;
  /** Milliseconds since the epoch; tests replace it to expire tokens without waiting. */
  now?: () => number;
}

export interface MockStats {
  /** Every call to the token endpoint, failed ones included. */
  tokenRequests: number;
  tokensIssued: number;
  /** Requests routed to each operation, keyed `GET /userlist`, every operation listed in spec order. */
  requests: Record<string, number>;
  /** Statuses answered per operation key, e.g. `{"GET /userlist": {"200": 3, "401": 1}}`. */
  statuses: Record<string, Record<string, number>>;
}

export interface StateInfo {
  /** Items answered from what the run created. */
  served: number;
  /** Item requests (`GET /projects/prj_1`) with an id the mock never issued, where a create exists. */
  unknownIds: string[];
}

export interface MockServer {
  /** `http://127.0.0.1:PORT` */
  origin: string;
  /** The origin plus the path of the spec's server URL: what the collection's `baseUrl` becomes. */
  baseUrl: string;
  /** The token endpoint (origin + the spec's token path + its query), for client-credentials specs. */
  tokenUrl: string | undefined;
  /**
   * Operations whose answer could not be made to match its schema, one line each (spec bugs).
   * Grows while the mock runs: an operation's answer is prepared on its first request.
   */
  warnings: string[];
  stats(): MockStats;
  faults(): MockFaults;
  /** Replaces the active faults (`{}` clears them) and restarts the token failure count. */
  setFaults(faults: MockFaults): void;
  resetStats(): void;
  /** What the stateful mock served from created items, and item ids it never issued. */
  state(): StateInfo;
  close(): Promise<void>;
}
