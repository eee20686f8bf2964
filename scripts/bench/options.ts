import { parseArgs } from "node:util";

export interface BenchOptions {
  /** Case ids to run, in table order. */
  cases: string[];
  reps: number;
  /** Repetitions for the slow cases (GitHub, Graph, 10,000 operations). */
  heavyReps: number;
  generation: boolean;
  newman: boolean;
  /** `specpost mock` on GitHub: time to listening, RSS, p95 latency. */
  mock: boolean;
  newmanOperations: number;
  newmanReps: number;
  /** Requests of GitHub's generated collection in the real-spec Newman run (0: skip it). */
  newmanGithubRequests: number;
  shortTtlSeconds: number;
  /** Markdown results file, or undefined to print only. */
  out?: string;
  timeoutMs: number;
  /** When set: no benchmark, one CPU profile of specpost per case into this folder. */
  profileDir?: string;
  quick: boolean;
}

export const ALL_CASES = [
  "github",
  "graph",
  "circular-dundas",
  "circular-small",
  "synthetic-100",
  "synthetic-1000",
  "synthetic-10000",
];
const QUICK_CASES = ["circular-small", "synthetic-100"];
export const DEFAULT_OUT = "scripts/bench/RESULTS.md";

export const USAGE = `usage: npm run bench -- [options]

  --quick              small smoke subset (2 cases, 1 repetition, 100-request Newman run);
                       prints only unless --out is given
  --cases a,b          cases to run (${ALL_CASES.join(", ")})
  --reps N             repetitions per case and tool (default 5)
  --heavy-reps N       repetitions for github, graph and synthetic-10000 (default 3);
                       graph reads ../shared/bench/microsoft-graph-v1.0.json and is skipped
                       with a note where that file is absent
  --no-generation      skip the generation benchmark
  --no-newman          skip the Newman benchmark
  --no-mock            skip the mock benchmark (specpost mock on GitHub: time to listening,
                       RSS, p95 latency; not part of --quick)
  --newman-ops N       requests in the Newman benchmark collection (default 1000)
  --newman-reps N      Newman runs per variant (default 2)
  --newman-github N    GitHub's collection in the Newman benchmark: its first N requests
                       against a trivial loopback server (default 300; quick 50; 0 skips)
  --short-ttl S        token lifetime of the renewal-check run (default 4; quick 1)
  --out FILE           Markdown results (default ${DEFAULT_OUT}; quick runs print only)
  --no-write           print only
  --timeout S          give up on one child process after S seconds (default 600)
  --profile DIR        instead of benchmarking: one --cpu-prof run of specpost per case
                       into DIR, then the hottest functions and stage times
`;

export class UsageError extends Error {}

export function parseOptions(argv: string[]): BenchOptions | "help" {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: {
      quick: { type: "boolean" },
      cases: { type: "string" },
      reps: { type: "string" },
      "heavy-reps": { type: "string" },
      "no-generation": { type: "boolean" },
      "no-newman": { type: "boolean" },
      "no-mock": { type: "boolean" },
      "newman-ops": { type: "string" },
      "newman-reps": { type: "string" },
      "newman-github": { type: "string" },
      "short-ttl": { type: "string" },
      out: { type: "string" },
      "no-write": { type: "boolean" },
      timeout: { type: "string" },
      profile: { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) return "help";
  const quick = values.quick ?? false;
  const cases = values.cases ? values.cases.split(",").map((id) => id.trim()) : undefined;
  for (const id of cases ?? []) {
    if (!ALL_CASES.includes(id)) {
      throw new UsageError(`unknown case '${id}'; cases are ${ALL_CASES.join(", ")}`);
    }
  }
  let out: string | undefined = values.out ?? (quick ? undefined : DEFAULT_OUT);
  if (values["no-write"]) out = undefined;
  return {
    cases: cases ?? (quick ? QUICK_CASES : ALL_CASES),
    reps: count(values.reps, "--reps", quick ? 1 : 5),
    heavyReps: count(values["heavy-reps"], "--heavy-reps", quick ? 1 : 3),
    generation: !values["no-generation"],
    newman: !values["no-newman"],
    // GitHub's spec is heavy: the quick smoke run leaves the mock out.
    mock: !values["no-mock"] && !quick,
    newmanOperations: count(values["newman-ops"], "--newman-ops", quick ? 100 : 1000),
    newmanReps: count(values["newman-reps"], "--newman-reps", quick ? 1 : 2),
    newmanGithubRequests: count(values["newman-github"], "--newman-github", quick ? 50 : 300, 0),
    shortTtlSeconds: count(values["short-ttl"], "--short-ttl", quick ? 1 : 4),
    out,
    timeoutMs: count(values.timeout, "--timeout", 600) * 1000,
    profileDir: values.profile,
    quick,
  };
}

function count(text: string | undefined, flag: string, fallback: number, least = 1): number {
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < least) {
    const what = least === 0 ? "a whole number" : "a positive whole number";
    throw new UsageError(`${flag} takes ${what}, got '${text}'`);
  }
  return value;
}
