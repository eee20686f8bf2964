import { writeFileSync } from "node:fs";
import { join } from "node:path";
import type {
  NewmanMeasurement,
  NewmanRequest,
  NewmanResult,
  NewmanVariant,
} from "./newman-protocol";
import { runChild } from "./spawn";
import { median } from "./stats";
import { syntheticSpec } from "./synthetic";

export interface VariantSummary {
  variant: NewmanVariant;
  runs: number;
  errors: string[];
  tokenTtlSeconds: number;
  requests: number;
  /** Requests Newman sent (median): chain scripts skip consumers whose producer failed. */
  sent: number;
  /** Median over runs of (Newman wall time / requests). */
  perRequestMs: number;
  minPerRequestMs: number;
  cpuPerRequestMs: number;
  /** Median Newman wall time of one run. */
  wallMs: number;
  assertions: number;
  failedAssertions: number;
  failures: string[];
  /** Token requests per run, as seen by the mock. */
  tokenRequests: number[];
  /** Scripted runs with more token requests than expiry windows, or any 401 answer. */
  tokenWindowViolations: number;
  maxTokenRequests?: number;
  /** 401 answers over all runs. */
  unauthorized: number;
}

export interface NewmanResults {
  operations: number;
  bare: VariantSummary;
  scripts: VariantSummary;
  shortTtl: VariantSummary;
  /** The real spec's collection (GitHub's) against a trivial loopback server. */
  real?: RealNewmanResults;
}

export interface RealNewmanResults {
  label: string;
  /** Requests per run: the collection's first ones, in run order. */
  limit: number;
  bare: VariantSummary;
  scripts: VariantSummary;
  /** The bare collection with one empty test script: the floor any scripted run pays. */
  floor: VariantSummary;
  /** The bare collection with an empty script wherever the generated one has a script. */
  layout: VariantSummary;
}

export interface RealNewmanSettings {
  label: string;
  specFile: string;
  tokenUrl: string;
  limit: number;
  reps: number;
  timeoutMs: number;
  progress(line: string): void;
}

export interface NewmanSettings {
  operations: number;
  reps: number;
  /** Token lifetime for the renewal check: several windows must fit into one run. */
  shortTtlSeconds: number;
  timeoutMs: number;
  workDir: string;
  progress(line: string): void;
}

const DEFAULT_TTL_SECONDS = 3599;

/**
 * The same generated collection run under Newman with and without specpost's scripts,
 * interleaved, each run in a fresh process with its own mock on an ephemeral port; then
 * one scripted run with short-lived tokens to check renewal.
 */
export async function benchmarkNewman(settings: NewmanSettings): Promise<NewmanResults> {
  const specFile = join(settings.workDir, `newman-synthetic-${settings.operations}.json`);
  writeFileSync(specFile, `${JSON.stringify(syntheticSpec(settings.operations), null, 2)}\n`);
  type Synthetic = Exclude<NewmanVariant, "floor" | "layout">;
  const runs: Record<Synthetic, NewmanResult[]> = {
    bare: [],
    scripts: [],
    "short-ttl": [],
  };
  const once = async (variant: Synthetic, tokenTtlSeconds: number, label: string) => {
    const outcome = await runVariant({ variant, specFile, tokenTtlSeconds }, settings.timeoutMs);
    runs[variant].push(outcome);
    settings.progress(`newman ${label} ${variant}: ${describe(outcome)}`);
  };
  for (let rep = 0; rep < settings.reps; rep++) {
    const order: Synthetic[] = rep % 2 === 0 ? ["bare", "scripts"] : ["scripts", "bare"];
    for (const variant of order)
      await once(variant, DEFAULT_TTL_SECONDS, `${rep + 1}/${settings.reps}`);
  }
  await once("short-ttl", settings.shortTtlSeconds, "1/1");
  return {
    operations: settings.operations,
    bare: summarise("bare", DEFAULT_TTL_SECONDS, runs.bare),
    scripts: summarise("scripts", DEFAULT_TTL_SECONDS, runs.scripts),
    shortTtl: summarise("short-ttl", settings.shortTtlSeconds, runs["short-ttl"]),
  };
}

/**
 * A real spec's generated collection (its first `limit` requests) under Newman with and without
 * the generated scripts, interleaved, each run in a fresh process against a trivial loopback
 * server: what the scripts cost on a collection the size teams bring, not a synthetic one.
 */
export async function benchmarkNewmanReal(
  settings: RealNewmanSettings,
): Promise<RealNewmanResults> {
  const runs: Record<"bare" | "scripts" | "floor" | "layout", NewmanResult[]> = {
    bare: [],
    scripts: [],
    floor: [],
    layout: [],
  };
  for (let rep = 0; rep < settings.reps; rep++) {
    const order =
      rep % 2 === 0
        ? (["bare", "floor", "layout", "scripts"] as const)
        : (["scripts", "layout", "floor", "bare"] as const);
    for (const variant of order) {
      const request: NewmanRequest = {
        variant,
        specFile: settings.specFile,
        tokenTtlSeconds: DEFAULT_TTL_SECONDS,
        real: { tokenUrl: settings.tokenUrl, limit: settings.limit },
      };
      const outcome = await runVariant(request, settings.timeoutMs);
      runs[variant].push(outcome);
      const label = `${settings.label} ${rep + 1}/${settings.reps} ${variant}`;
      settings.progress(`newman ${label}: ${describe(outcome)}`);
    }
  }
  return {
    label: settings.label,
    limit: settings.limit,
    bare: summarise("bare", DEFAULT_TTL_SECONDS, runs.bare),
    scripts: summarise("scripts", DEFAULT_TTL_SECONDS, runs.scripts),
    floor: summarise("floor", DEFAULT_TTL_SECONDS, runs.floor),
    layout: summarise("layout", DEFAULT_TTL_SECONDS, runs.layout),
  };
}

/** One variant's run in a fresh process; a failed child names its variant. */
async function runVariant(request: NewmanRequest, timeoutMs: number): Promise<NewmanResult> {
  const result = await runChild<NewmanResult>({
    module: "./newman-child.mjs",
    input: request,
    timeoutMs,
  });
  return result.ok ? result : { ...result, variant: request.variant };
}

function describe(outcome: NewmanResult): string {
  if (!outcome.ok) return `failed: ${outcome.error}`;
  return `${outcome.perRequestMs.toFixed(2)} ms/request, ${outcome.sent}/${outcome.requests} sent, ${outcome.failedAssertions} failed, ${outcome.tokenRequests} token request(s)`;
}

function summarise(
  variant: NewmanVariant,
  tokenTtlSeconds: number,
  results: NewmanResult[],
): VariantSummary {
  const good = results.filter((run): run is NewmanMeasurement => run.ok);
  const perRequest = good.map((run) => run.perRequestMs);
  const outside = (run: NewmanMeasurement) =>
    run.unauthorized > 0 ||
    (run.maxTokenRequests !== undefined && run.tokenRequests > run.maxTokenRequests);
  return {
    variant,
    runs: good.length,
    errors: results.flatMap((run) => (run.ok ? [] : [run.error])),
    tokenTtlSeconds,
    requests: median(good.map((run) => run.requests)),
    sent: median(good.map((run) => run.sent)),
    perRequestMs: median(perRequest),
    minPerRequestMs: perRequest.length > 0 ? Math.min(...perRequest) : Number.NaN,
    cpuPerRequestMs: median(good.map((run) => run.cpuPerRequestMs)),
    wallMs: median(good.map((run) => run.wallMs)),
    assertions: median(good.map((run) => run.assertions)),
    failedAssertions: Math.max(0, ...good.map((run) => run.failedAssertions)),
    failures: [...new Set(good.flatMap((run) => run.failures))].slice(0, 5),
    tokenRequests: good.map((run) => run.tokenRequests),
    tokenWindowViolations: good.filter(outside).length,
    maxTokenRequests: good.at(-1)?.maxTokenRequests,
    unauthorized: good.reduce((sum, run) => sum + run.unauthorized, 0),
  };
}
