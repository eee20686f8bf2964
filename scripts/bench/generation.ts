import type { GenerationCase } from "./cases";
import type { GenerationMeasurement, GenerationRequest, GenerationResult, Tool } from "./protocol";
import { runChild } from "./spawn";
import { max, median, min } from "./stats";

export interface ToolSummary {
  tool: Tool;
  /** Successful runs. */
  runs: number;
  /** One message per failed run (crash, timeout, conversion error). */
  errors: string[];
  minMs: number;
  medianMs: number;
  medianCpuMs: number;
  /** Highest per-run peak RSS, MiB: the conservative figure. */
  peakRssMb: number;
  /** Median output bytes (openapi-to-postmanv2's random ids make sizes wobble slightly). */
  bytes: number;
  requests: number;
  /** specpost only: median milliseconds per pipeline stage. */
  stages?: Record<string, number>;
}

export interface CaseResult {
  case: GenerationCase;
  specpost: ToolSummary;
  o2p: ToolSummary;
}

export interface GenerationSettings {
  reps: number;
  heavyReps: number;
  timeoutMs: number;
  progress(line: string): void;
}

const CHILD_MODULE: Record<Tool, string> = {
  specpost: "./child-specpost.mjs",
  "openapi-to-postmanv2": "./child-o2p.cjs",
};

/** One conversion in a fresh process. `execArgv` and `env` let the profiler reuse it. */
export function measureOnce(
  tool: Tool,
  request: GenerationRequest,
  timeoutMs: number,
  execArgv: string[] = [],
  env: Record<string, string> = {},
): Promise<GenerationResult> {
  return runChild<GenerationResult>({
    module: CHILD_MODULE[tool],
    input: request,
    execArgv,
    env,
    timeoutMs,
  });
}

/**
 * Each case: both tools, interleaved (the order flips every repetition so neither always
 * runs on a machine the other just warmed or heated), every run in a fresh process.
 */
export async function benchmarkGeneration(
  cases: GenerationCase[],
  settings: GenerationSettings,
): Promise<CaseResult[]> {
  const results: CaseResult[] = [];
  for (const bench of cases) {
    const reps = bench.heavy ? settings.heavyReps : settings.reps;
    const runs: Record<Tool, GenerationResult[]> = { specpost: [], "openapi-to-postmanv2": [] };
    for (let rep = 0; rep < reps; rep++) {
      const order: Tool[] =
        rep % 2 === 0 ? ["specpost", "openapi-to-postmanv2"] : ["openapi-to-postmanv2", "specpost"];
      for (const tool of order) {
        const request: GenerationRequest = { tool, file: bench.file, tokenUrl: bench.tokenUrl };
        const result = await measureOnce(tool, request, settings.timeoutMs);
        runs[tool].push(result);
        settings.progress(
          `${bench.id} ${rep + 1}/${reps} ${tool}: ${
            result.ok
              ? `${Math.round(result.wallMs)} ms, ${Math.round(result.maxRssKb / 1024)} MB`
              : `failed: ${result.error}`
          }`,
        );
      }
    }
    results.push({
      case: bench,
      specpost: summarise("specpost", runs.specpost),
      o2p: summarise("openapi-to-postmanv2", runs["openapi-to-postmanv2"]),
    });
  }
  return results;
}

function summarise(tool: Tool, results: GenerationResult[]): ToolSummary {
  const good = results.filter((result): result is GenerationMeasurement => result.ok);
  const errors = results.flatMap((result) => (result.ok ? [] : [result.error]));
  const walls = good.map((run) => run.wallMs);
  const summary: ToolSummary = {
    tool,
    runs: good.length,
    errors,
    minMs: min(walls),
    medianMs: median(walls),
    medianCpuMs: median(good.map((run) => run.cpuMs)),
    peakRssMb: max(good.map((run) => run.maxRssKb)) / 1024,
    bytes: median(good.map((run) => run.bytes)),
    requests: median(good.map((run) => run.requests)),
  };
  const staged = good.filter((run) => run.stages);
  if (staged.length > 0) {
    const names = Object.keys(staged[0]?.stages ?? {});
    summary.stages = Object.fromEntries(
      names.map((name) => [name, median(staged.map((run) => run.stages?.[name] ?? 0))]),
    );
  }
  return summary;
}
