import path from "node:path";
import {
  type ClientCredentials,
  type CredentialSource,
  DEFAULT_REPORT_DIR,
  DEFAULT_TIMEOUT_REQUEST_MS,
  type EnvVarOverride,
  isServerTarget,
  MAX_PARALLEL,
  MAX_TIMEOUT_REQUEST_MS,
  REPORTER_NAMES,
  type ReporterName,
  RUN_TARGETS,
  type RunContext,
  type RunTarget,
} from "./context";
import { parseShard } from "./shard";

export const RUN_USAGE = `usage: specpost run [COLLECTION...] [options]

Runs collections with Newman as a contract-test suite. COLLECTION is a file or a name
(collections/NAME.postman_collection.json); default: every collection in collections/.

options:
  --target mock|sandbox|production  mock (default) starts a mock per collection's spec on a
                                    free loopback port; sandbox/production use that environment
                                    file and credentials from SPECPOST_CLIENT_ID/SECRET or
                                    SPECPOST_<NAME>_CLIENT_ID/SECRET; server-NAME the environment
                                    generated for one of the spec's servers (same credentials)
  --env-var KEY=VALUE               override a variable (repeatable), e.g. baseUrl
  --reporters cli,junit,html,json   default: cli, plus junit,html when --report-dir is given or
                                    CI is set; json writes NAME.report.json, the report as data
  --report-dir DIR                  where JUnit and HTML reports go (default: reports)
  --delay-request MS                pause between requests
  --timeout-request MS              give up on a request after MS (default: 30000, at most 300000)
  --token-ttl SECONDS               mock target: lifetime of issued tokens
  --parallel N                      run each collection's folders on N Newman workers (one
                                    mock, one token per worker), one merged report
  --shard K/N                       run only the K-th of N parts (by folder, balanced by
                                    request count); adds the json reporter, which
                                    'specpost report merge DIR...' combines
  --progress-every SECONDS          without a TTY, a progress line at most this often
                                    (default: 10; 0: none); a TTY gets a live line
  --max-p95 MS                      fail an operation whose p95 response time is over MS
                                    (maxP95 in an operation's overrides sets its own)
  --stateless                       mock target: forget what POST/PUT/PATCH created (every
                                    answer is the operation's sample)
  --allow-outside-refs              let the spec's $refs name files outside its folder tree

exit codes: 0 all assertions passed, 1 failures, 2 usage or set-up error
`;

export type ResolveResult = { context: RunContext } | { error: string } | { help: true };

const VALUE_FLAGS = new Set([
  "--target",
  "--env-var",
  "--reporters",
  "--report-dir",
  "--delay-request",
  "--timeout-request",
  "--token-ttl",
  "--parallel",
  "--shard",
  "--max-p95",
  "--progress-every",
]);

/** Parses `run` arguments and the environment into a RunContext; the only place either is read. */
export function resolveRunContext(
  args: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
  cwd: string,
): ResolveResult {
  const collections: string[] = [];
  const envVars: EnvVarOverride[] = [];
  const values = new Map<string, string>();
  let stateless = false;
  let allowOutsideRefs = false;

  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (arg === "-h" || arg === "--help") return { help: true };
    if (arg === "--stateless") {
      stateless = true;
      continue;
    }
    if (!arg.startsWith("--")) {
      collections.push(arg);
      continue;
    }
    if (arg === "--allow-outside-refs") {
      allowOutsideRefs = true;
      continue;
    }
    const eq = arg.indexOf("=");
    const flag = eq === -1 ? arg : arg.slice(0, eq);
    if (!VALUE_FLAGS.has(flag)) return { error: `unknown option '${flag}'` };
    let value: string | undefined = eq === -1 ? args[++i] : arg.slice(eq + 1);
    if (value === undefined || (eq === -1 && value.startsWith("--"))) {
      return { error: `${flag} needs a value` };
    }
    if (flag === "--env-var") {
      const split = value.indexOf("=");
      if (split <= 0) return { error: `--env-var expects KEY=VALUE, got '${value}'` };
      envVars.push({ key: value.slice(0, split), value: value.slice(split + 1) });
      continue;
    }
    value = value.trim();
    values.set(flag, value);
  }

  const target = (values.get("--target") ?? "mock") as RunTarget;
  if (!RUN_TARGETS.includes(target) && !isServerTarget(target)) {
    return {
      error: `--target must be one of ${RUN_TARGETS.join(", ")} or server-NAME (an environment per server), got '${target}'`,
    };
  }

  const reportDirGiven = values.has("--report-dir");
  let reporters: ReporterName[];
  const reportersArg = values.get("--reporters");
  if (reportersArg !== undefined) {
    const names = reportersArg
      .split(",")
      .map((name) => name.trim())
      .filter(Boolean);
    const unknown = names.find((name) => !REPORTER_NAMES.includes(name as ReporterName));
    if (unknown !== undefined || names.length === 0) {
      return { error: `--reporters takes a list of ${REPORTER_NAMES.join(", ")}` };
    }
    reporters = REPORTER_NAMES.filter((name) => names.includes(name));
  } else {
    reporters = reportDirGiven || isCi(env) ? ["cli", "junit", "html"] : ["cli"];
  }
  const shardArg = values.get("--shard");
  const shard = shardArg === undefined ? undefined : parseShard(shardArg);
  if (shard === undefined && shardArg !== undefined) {
    return { error: `--shard expects K/N with 1 <= K <= N <= 256, got '${shardArg}'` };
  }
  if (shard && !reporters.includes("json")) reporters = [...reporters, "json"];
  const parallel = nonNegativeInt(values.get("--parallel"), 1);
  if (parallel === null || parallel < 1 || parallel > MAX_PARALLEL) {
    return { error: `--parallel must be a whole number from 1 to ${MAX_PARALLEL}` };
  }
  const progressEvery = nonNegativeInt(values.get("--progress-every"), 10);
  if (progressEvery === null) {
    return { error: "--progress-every must be a whole number of seconds" };
  }
  const maxP95 = nonNegativeInt(values.get("--max-p95"), undefined);
  if (maxP95 === null || maxP95 === 0) {
    return { error: "--max-p95 must be a positive whole number of milliseconds" };
  }

  const delay = nonNegativeInt(values.get("--delay-request"), 0);
  const timeout = nonNegativeInt(values.get("--timeout-request"), DEFAULT_TIMEOUT_REQUEST_MS);
  const ttl = nonNegativeInt(values.get("--token-ttl"), undefined);
  if (delay === null) return { error: "--delay-request must be a whole number of milliseconds" };
  if (timeout === null || timeout === 0 || (timeout ?? 0) > MAX_TIMEOUT_REQUEST_MS) {
    // 0 would be Newman's "wait for ever": a token endpoint that never answers would hang CI.
    return {
      error: `--timeout-request must be a whole number of milliseconds from 1 to ${MAX_TIMEOUT_REQUEST_MS}`,
    };
  }
  if (ttl === null || ttl === 0)
    return { error: "--token-ttl must be a positive number of seconds" };
  if (ttl !== undefined && target !== "mock") {
    return { error: "--token-ttl only applies to --target mock" };
  }
  if (stateless && target !== "mock") {
    return { error: "--stateless only applies to --target mock" };
  }

  return {
    context: {
      cwd,
      collections,
      target,
      envVars,
      reporters,
      reportDir: path.resolve(cwd, values.get("--report-dir") ?? DEFAULT_REPORT_DIR),
      delayRequestMs: delay ?? 0,
      timeoutRequestMs: timeout ?? DEFAULT_TIMEOUT_REQUEST_MS,
      credentials: credentialSource(env),
      mock: { ...(ttl !== undefined && { tokenTtlSeconds: ttl }), ...(stateless && { stateless }) },
      parallel,
      progressEveryMs: progressEvery * 1000,
      ...(shard && { shard }),
      ...(maxP95 !== undefined && { maxP95Ms: maxP95 }),
      ...(allowOutsideRefs && { allowOutsideRefs: true as const }),
    },
  };
}

/** `CI=true` (GitHub, GitLab, most others); `CI=false` or `0` opts out. */
function isCi(env: Readonly<Record<string, string | undefined>>): boolean {
  const ci = env.CI?.trim().toLowerCase();
  return ci !== undefined && ci !== "" && ci !== "false" && ci !== "0";
}

/** undefined when absent (→ fallback), null when present but not a whole number ≥ 0. */
function nonNegativeInt<T extends number | undefined>(
  raw: string | undefined,
  fallback: T,
): number | T | null {
  if (raw === undefined) return fallback;
  return /^\d+$/.test(raw) ? Number(raw) : null;
}

const PER_COLLECTION = /^SPECPOST_(.+)_CLIENT_(ID|SECRET)$/;

/** Empty variables count as unset: `SPECPOST_CLIENT_SECRET=` in a CI file is a forgotten value. */
function credentialSource(env: Readonly<Record<string, string | undefined>>): CredentialSource {
  const pick = (id: string | undefined, secret: string | undefined): ClientCredentials => ({
    ...(id ? { clientId: id } : {}),
    ...(secret ? { clientSecret: secret } : {}),
  });
  const perCollection: Record<string, ClientCredentials> = {};
  for (const key of Object.keys(env).sort()) {
    const match = PER_COLLECTION.exec(key);
    const value = env[key];
    if (!match || !value) continue;
    const name = match[1] as string;
    const entry = perCollection[name] ?? {};
    if (match[2] === "ID") entry.clientId = value;
    else entry.clientSecret = value;
    perCollection[name] = entry;
  }
  return {
    shared: pick(env.SPECPOST_CLIENT_ID, env.SPECPOST_CLIENT_SECRET),
    perCollection,
  };
}
