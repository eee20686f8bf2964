import type { CaseResult } from "./generation";
import type { NewmanResults, RealNewmanResults } from "./newman-bench";

/** One target from issue 4 beside the figure that shows it. `met` undefined: not measured. */
export interface TargetCheck {
  target: string;
  figure: string;
  met?: boolean;
}

const fmtMs = (ms: number) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${Math.round(ms)} ms`);
const fmtMb = (mb: number) => `${Math.round(mb)} MB`;
const fmtRatio = (ratio: number) => `${ratio.toFixed(2)}×`;
const measured = (value: number) => Number.isFinite(value);

export function checkTargets(cases: CaseResult[], newman?: NewmanResults): TargetCheck[] {
  const checks: TargetCheck[] = [];
  const byId = new Map(cases.map((result) => [result.case.id, result]));

  const github = byId.get("github");
  if (github) {
    checks.push(
      wallTarget("GitHub", github, 0.15),
      rssTarget("GitHub", github, 200),
      bytesTarget("GitHub", github, 2 / 3, "≤ 2/3 of"),
    );
  }
  const graph = byId.get("graph");
  if (graph) {
    checks.push(
      wallTarget("Graph v1.0", graph, 0.15),
      rssTarget("Graph v1.0", graph, 500),
      bytesTarget("Graph v1.0", graph, 1, "≤"),
      requestsTarget("Graph v1.0", graph),
    );
  }

  const big = byId.get("synthetic-10000")?.specpost;
  if (big) {
    checks.push(
      {
        target: "10,000 synthetic operations in ≤ 3 s (median)",
        figure: fmtMs(big.medianMs),
        met: measured(big.medianMs) ? big.medianMs <= 3000 : undefined,
      },
      {
        target: "10,000 synthetic operations in ≤ 400 MB peak RSS",
        figure: fmtMb(big.peakRssMb),
        met: measured(big.peakRssMb) ? big.peakRssMb <= 400 : undefined,
      },
    );
  }

  // Linear growth: the cost of each extra operation must not rise with size. Fixed start-up
  // cost cancels out of the marginal figures, which a plain ms/operation would hide; the
  // fastest runs are used because a difference of medians amplifies a busy machine's noise.
  const small = byId.get("synthetic-100")?.specpost;
  const middle = byId.get("synthetic-1000")?.specpost;
  if (small && middle && big) {
    const low = (middle.minMs - small.minMs) / 900;
    const high = (big.minMs - middle.minMs) / 9000;
    checks.push({
      target: "Cost linear in operations (marginal ms/op 1k→10k ≤ 1.5 × 100→1k, fastest runs)",
      figure: `${low.toFixed(3)} → ${high.toFixed(3)} ms/op`,
      met: measured(low) && measured(high) ? high <= 1.5 * Math.max(low, 0.001) : undefined,
    });
  }

  if (newman) {
    const ratio = newman.scripts.perRequestMs / newman.bare.perRequestMs;
    const cpuRatio = newman.scripts.cpuPerRequestMs / newman.bare.cpuPerRequestMs;
    checks.push(
      {
        target: "Newman: generated scripts add ≤ 30% per request",
        figure: `${fmtRatio(ratio)} (${newman.scripts.perRequestMs.toFixed(2)} vs ${newman.bare.perRequestMs.toFixed(2)} ms; CPU ${fmtRatio(cpuRatio)})`,
        met: measured(ratio) ? ratio <= 1.3 : undefined,
      },
      ...(newman.real ? [realTarget(newman.real)] : []),
      {
        target: "Exactly one token request per expiry window",
        figure: tokenFigure(newman),
        met:
          newman.scripts.runs > 0 && newman.shortTtl.runs > 0
            ? newman.scripts.tokenWindowViolations === 0 &&
              newman.scripts.tokenRequests.every((count) => count === 1) &&
              newman.shortTtl.tokenWindowViolations === 0
            : undefined,
      },
    );
  }
  return checks;
}

function realTarget(real: RealNewmanResults): TargetCheck {
  const ratio = real.scripts.perRequestMs / real.bare.perRequestMs;
  const floor = real.floor.perRequestMs / real.bare.perRequestMs;
  const layout = real.layout.perRequestMs / real.bare.perRequestMs;
  return {
    target: `Newman on ${real.label}'s collection: generated scripts ≤ 1.3× bare (same requests, interleaved)`,
    figure: `${fmtRatio(ratio)} (${real.scripts.perRequestMs.toFixed(2)} vs ${real.bare.perRequestMs.toFixed(2)} ms, ${real.scripts.sent}/${real.scripts.requests} sent; one empty script alone: ${fmtRatio(floor)}; the generated layout with every script empty: ${fmtRatio(layout)})`,
    met: measured(ratio) ? ratio <= 1.3 : undefined,
  };
}

function wallTarget(name: string, result: CaseResult, ratio: number): TargetCheck {
  const { specpost: ours, o2p: theirs } = result;
  const time = ours.medianMs / theirs.medianMs;
  return {
    target: `${name}: wall time ≤ ${ratio}× openapi-to-postmanv2's (median, same run)`,
    figure: `${fmtRatio(time)} (${fmtMs(ours.medianMs)} vs ${fmtMs(theirs.medianMs)})`,
    met: measured(time) ? time <= ratio : undefined,
  };
}

function rssTarget(name: string, result: CaseResult, limitMb: number): TargetCheck {
  const peak = result.specpost.peakRssMb;
  return {
    target: `${name}: peak RSS ≤ ${limitMb} MB`,
    figure: fmtMb(peak),
    met: measured(peak) ? peak <= limitMb : undefined,
  };
}

function bytesTarget(name: string, result: CaseResult, ratio: number, words: string): TargetCheck {
  const { specpost: ours, o2p: theirs } = result;
  const bytes = ours.bytes / theirs.bytes;
  return {
    target: `${name}: output ${words} openapi-to-postmanv2's bytes`,
    figure: `${fmtRatio(bytes)} (${mb(ours.bytes)} vs ${mb(theirs.bytes)})`,
    met: measured(bytes) ? bytes <= ratio : undefined,
  };
}

/** "With every contract test": one request (with its contract test) per operation. */
function requestsTarget(name: string, result: CaseResult): TargetCheck {
  const { requests } = result.specpost;
  const operations = result.case.operations;
  return {
    target: `${name}: a request for every operation (each carries its contract test)`,
    figure: `${requests} requests for ${operations} operations`,
    met: result.specpost.runs > 0 ? requests >= operations : undefined,
  };
}

function tokenFigure(newman: NewmanResults): string {
  const { scripts, shortTtl } = newman;
  const long = `${scripts.tokenRequests.join(", ") || "—"} per run (TTL ${scripts.tokenTtlSeconds} s)`;
  const windows = shortTtl.maxTokenRequests ?? "—";
  const short = `${shortTtl.tokenRequests.join(", ") || "—"} with TTL ${shortTtl.tokenTtlSeconds} s over ${(shortTtl.wallMs / 1000).toFixed(1)} s (≤ ${windows} windows, ${shortTtl.unauthorized} answered 401)`;
  return `${long}; ${short}`;
}

function mb(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
