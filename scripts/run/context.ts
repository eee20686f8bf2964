import type { ShardSpec } from "./shard";

/**
 * Everything a run needs, resolved once by the `run` command (arguments and environment
 * variables) and passed down. Nothing under scripts/run reads process.env or argv.
 */
/** `server-<name>`: the environment generated for one of the spec's servers. */
export type RunTarget = "mock" | "sandbox" | "production" | `server-${string}`;
export const RUN_TARGETS: readonly RunTarget[] = ["mock", "sandbox", "production"];
export const isServerTarget = (name: string): name is `server-${string}` =>
  /^server-[a-z0-9][a-z0-9-]*$/.test(name);

/** json: the redacted report as data, which `specpost report merge` combines across shards. */
export type ReporterName = "cli" | "junit" | "html" | "json";
export const REPORTER_NAMES: readonly ReporterName[] = ["cli", "junit", "html", "json"];

export interface ClientCredentials {
  clientId?: string;
  clientSecret?: string;
}

/** Credentials as found in the environment; which pair a collection uses is decided per run. */
export interface CredentialSource {
  /** `SPECPOST_CLIENT_ID` / `SPECPOST_CLIENT_SECRET`. */
  shared: ClientCredentials;
  /** `SPECPOST_<NAME>_CLIENT_ID` / `..._SECRET`, keyed by NAME (upper snake case). */
  perCollection: Record<string, ClientCredentials>;
}

export interface EnvVarOverride {
  key: string;
  value: string;
}

/** Hooks for the mock target (tests use them; the CLI leaves them unset). */
export interface MockRunOptions {
  tokenTtlSeconds?: number;
  /** `--stateless`: the mock keeps nothing the run created. */
  stateless?: boolean;
}

export interface RunContext {
  /** Project root: `collections/`, `environments/` and `specs/` are looked up here. */
  cwd: string;
  /** Collection files or names as given; empty means every collections/*.postman_collection.json. */
  collections: string[];
  target: RunTarget;
  /** `--env-var key=value`, applied last, in order given. */
  envVars: EnvVarOverride[];
  reporters: ReporterName[];
  /** Absolute directory for JUnit and HTML reports. */
  reportDir: string;
  /** Pause between requests (Newman's delayRequest). */
  delayRequestMs: number;
  /** Per-request timeout, so an unanswered real target cannot hang CI forever. */
  timeoutRequestMs: number;
  credentials: CredentialSource;
  mock: MockRunOptions;
  /** Newman workers per collection (`--parallel N`); 1 runs Newman in-process. */
  parallel: number;
  /** `--shard K/N`: run only the K-th of N parts of each collection. */
  shard?: ShardSpec;
  /** Without a TTY, a progress line at most this often (0: none). */
  progressEveryMs: number;
  /** `--max-p95 MS`: an operation whose p95 response time is over this fails. */
  maxP95Ms?: number;
  /** `--allow-outside-refs`: the spec's `$ref`s may leave its folder tree (as for generate). */
  allowOutsideRefs?: true;
}

export const MAX_PARALLEL = 16;

export const DEFAULT_REPORT_DIR = "reports";
export const DEFAULT_TIMEOUT_REQUEST_MS = 30_000;
/** The longest a run waits for one answer (5 minutes). */
export const MAX_TIMEOUT_REQUEST_MS = 300_000;

/** `elcies-health-data-aggregator` → `ELCIES_HEALTH_DATA_AGGREGATOR` (names the credential variables). */
export function credentialEnvName(collectionName: string): string {
  return collectionName
    .replace(/([a-z0-9])([A-Z])/g, "$1_$2")
    .replace(/[^A-Za-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "")
    .toUpperCase();
}

/**
 * A collection's own pair wins as a whole as soon as either of its variables is set: mixing
 * one application's id with another's secret only buys a confusing 401.
 */
export function credentialsFor(
  source: CredentialSource,
  collectionName: string,
): ClientCredentials {
  const own = source.perCollection[credentialEnvName(collectionName)];
  if (own && (own.clientId !== undefined || own.clientSecret !== undefined)) return own;
  return source.shared;
}
