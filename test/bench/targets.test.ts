import { describe, expect, it } from "vitest";
import type { GenerationCase } from "../../scripts/bench/cases";
import type { CaseResult, ToolSummary } from "../../scripts/bench/generation";
import { parseOptions } from "../../scripts/bench/options";
import { checkTargets } from "../../scripts/bench/targets";

function summary(
  tool: ToolSummary["tool"],
  ms: number,
  rssMb: number,
  bytes: number,
  requests: number,
) {
  const result: ToolSummary = {
    tool,
    runs: 1,
    errors: [],
    minMs: ms,
    medianMs: ms,
    medianCpuMs: ms,
    peakRssMb: rssMb,
    bytes,
    requests,
  };
  return result;
}

function graphResult(specpostMs: number, rssMb: number, bytes: number): CaseResult {
  const bench: GenerationCase = {
    id: "graph",
    label: "Microsoft Graph v1.0",
    file: "/shared/bench/microsoft-graph-v1.0.json",
    operations: 11422,
    heavy: true,
  };
  return {
    case: bench,
    specpost: summary("specpost", specpostMs, rssMb, bytes, 11422),
    o2p: summary("openapi-to-postmanv2", 33_100, 760, 44e6, 11422),
  };
}

describe("bench targets for Microsoft Graph", () => {
  it("judges wall time against 0.15× openapi-to-postmanv2's, RSS against 500 MB, bytes against o2p's", () => {
    const rows = checkTargets([graphResult(4_000, 480, 30e6)]).map((c) => [c.target, c.met]);
    expect(rows).toEqual([
      ["Graph v1.0: wall time ≤ 0.15× openapi-to-postmanv2's (median, same run)", true],
      ["Graph v1.0: peak RSS ≤ 500 MB", true],
      ["Graph v1.0: output ≤ openapi-to-postmanv2's bytes", true],
      ["Graph v1.0: a request for every operation (each carries its contract test)", true],
    ]);
  });

  it("marks the issue's figures (79.5 s, 2.67 GB, 311 MB) as missed", () => {
    const met = checkTargets([graphResult(79_500, 2670, 311e6)]).map((c) => c.met);
    expect(met).toEqual([false, false, false, true]);
  });

  it("can run the Graph case alone", () => {
    const options = parseOptions(["--cases", "graph", "--no-newman"]);
    expect(options !== "help" && options.cases).toEqual(["graph"]);
  });
});
