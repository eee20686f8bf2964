import type { CaseResult, ToolSummary } from "./generation";
import type { Machine } from "./machine";
import { type MockStartResult, mockTable } from "./mock-start";
import type { NewmanResults, VariantSummary } from "./newman-bench";
import type { TargetCheck } from "./targets";

export interface BenchReport {
  machine: Machine;
  reps: number;
  heavyReps: number;
  cases: CaseResult[];
  newman?: NewmanResults;
  /** `specpost mock` on GitHub's spec (mock-start.ts). */
  mock?: MockStartResult;
  targets: TargetCheck[];
  /** One-minute load average when the run started and ended: a busy machine skews wall times. */
  load: { start: number; end: number };
  /** `dist/ bundle` or `tsx`: how the child processes started specpost. */
  specpostFrom: string;
}

type Table = { head: string[]; rows: string[][] };

const ms = (value: number) => (Number.isFinite(value) ? String(Math.round(value)) : "—");
const mb = (value: number) => (Number.isFinite(value) ? String(Math.round(value)) : "—");
const ratio = (a: number, b: number) => {
  const value = a / b;
  return Number.isFinite(value) ? `${value.toFixed(2)}×` : "—";
};
const bytes = (value: number) =>
  Number.isFinite(value) ? `${(value / 1024 / 1024).toFixed(2)} MB` : "—";
const mark = (met: boolean | undefined) => (met === undefined ? "–" : met ? "✓" : "✗");

function timing(summary: ToolSummary): string {
  if (summary.runs === 0) return `failed: ${summary.errors[0] ?? "no run"}`;
  return `${ms(summary.medianMs)} (${ms(summary.minMs)})`;
}

function timeTable(cases: CaseResult[]): Table {
  return {
    head: [
      "Case",
      "Ops",
      "specpost wall ms median (min)",
      "o2p wall ms median (min)",
      "wall ratio",
      "specpost CPU ms",
      "o2p CPU ms",
      "CPU ratio",
    ],
    rows: cases.map(({ case: bench, specpost, o2p }) => [
      bench.label,
      bench.operations.toLocaleString("en-US"),
      timing(specpost),
      timing(o2p),
      ratio(specpost.medianMs, o2p.medianMs),
      ms(specpost.medianCpuMs),
      ms(o2p.medianCpuMs),
      ratio(specpost.medianCpuMs, o2p.medianCpuMs),
    ]),
  };
}

function sizeTable(cases: CaseResult[]): Table {
  return {
    head: [
      "Case",
      "specpost peak RSS MB",
      "o2p peak RSS MB",
      "RSS ratio",
      "specpost output",
      "o2p output",
      "bytes ratio",
      "requests (specpost / o2p)",
    ],
    rows: cases.map(({ case: bench, specpost, o2p }) => [
      bench.label,
      mb(specpost.peakRssMb),
      mb(o2p.peakRssMb),
      ratio(specpost.peakRssMb, o2p.peakRssMb),
      bytes(specpost.bytes),
      bytes(o2p.bytes),
      ratio(specpost.bytes, o2p.bytes),
      `${count(specpost.requests)} / ${count(o2p.requests)}`,
    ]),
  };
}

const count = (value: number) => (Number.isFinite(value) ? String(value) : "—");

const STAGES = ["startup", "import", "load", "model", "render"];

function stageTable(cases: CaseResult[]): Table {
  return {
    head: ["Case", ...STAGES.map((stage) => `${stage} ms`)],
    rows: cases
      .filter(({ specpost }) => specpost.stages)
      .map(({ case: bench, specpost }) => [
        bench.label,
        ...STAGES.map((stage) => ms(specpost.stages?.[stage] ?? Number.NaN)),
      ]),
  };
}

function newmanTable(results: NewmanResults): Table {
  const row = (label: string, run: VariantSummary): string[] => [
    label,
    String(run.runs),
    String(run.requests),
    Number.isFinite(run.perRequestMs) ? run.perRequestMs.toFixed(2) : "—",
    Number.isFinite(run.minPerRequestMs) ? run.minPerRequestMs.toFixed(2) : "—",
    Number.isFinite(run.cpuPerRequestMs) ? run.cpuPerRequestMs.toFixed(2) : "—",
    `${run.assertions} / ${run.failedAssertions}`,
    `${run.tokenRequests.join(", ") || "—"} (TTL ${run.tokenTtlSeconds} s)`,
  ];
  return {
    head: [
      "Variant",
      "Runs",
      "Requests",
      "ms/request median",
      "min",
      "CPU ms/request",
      "assertions / failed",
      "token requests per run",
    ],
    rows: [
      row("(a) bare: no scripts, pre-fetched token header", results.bare),
      row("(b) generated: token pre-request + contract tests", results.scripts),
      row("(b) with tokens expiring during the run", results.shortTtl),
      ...(results.real
        ? [
            row(`${results.real.label}, first ${results.real.limit}: (a) bare`, results.real.bare),
            row(
              `${results.real.label}, first ${results.real.limit}: (c) one empty script`,
              results.real.floor,
            ),
            row(
              `${results.real.label}, first ${results.real.limit}: (d) generated layout, empty scripts`,
              results.real.layout,
            ),
            row(
              `${results.real.label}, first ${results.real.limit}: (b) generated`,
              results.real.scripts,
            ),
          ]
        : []),
    ],
  };
}

function targetTable(targets: TargetCheck[]): Table {
  return {
    head: ["Target (issues 4 and 8)", "Figure", "Met"],
    rows: targets.map((check) => [check.target, check.figure, mark(check.met)]),
  };
}

function machineLine(report: BenchReport): string {
  const { machine } = report;
  const load = `load average ${report.load.start.toFixed(1)} at start, ${report.load.end.toFixed(1)} at end`;
  return `${machine.date} · ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGb} GB · Node ${machine.node} · ${load} · specpost run from ${report.specpostFrom}`;
}

function plain(table: Table): string {
  const widths = table.head.map((cell, column) =>
    Math.max(cell.length, ...table.rows.map((row) => (row[column] ?? "").length)),
  );
  const line = (cells: string[]) =>
    cells
      .map((cell, column) => cell.padEnd(widths[column] ?? 0))
      .join("  ")
      .trimEnd();
  return [line(table.head), line(widths.map((w) => "-".repeat(w))), ...table.rows.map(line)].join(
    "\n",
  );
}

function markdown(table: Table): string {
  const line = (cells: string[]) => `| ${cells.map((c) => c.replaceAll("|", "\\|")).join(" | ")} |`;
  return [line(table.head), line(table.head.map(() => "---")), ...table.rows.map(line)].join("\n");
}

function sections(report: BenchReport): Array<[string, Table]> {
  const out: Array<[string, Table]> = [];
  if (report.cases.length > 0) {
    out.push(["Generation time (specpost vs openapi-to-postmanv2)", timeTable(report.cases)]);
    out.push(["Generation memory and output", sizeTable(report.cases)]);
    out.push(["specpost stages (median ms)", stageTable(report.cases)]);
  }
  if (report.newman) out.push(["Newman run", newmanTable(report.newman)]);
  if (report.mock) out.push(["Mock start and latency (GitHub)", mockTable(report.mock)]);
  if (report.targets.length > 0) out.push(["Targets", targetTable(report.targets)]);
  return out;
}

export function plainReport(report: BenchReport): string {
  const parts = [`Machine: ${machineLine(report)}`];
  for (const [title, table] of sections(report)) parts.push(`${title}\n${plain(table)}`);
  return `${parts.join("\n\n")}\n`;
}

export function markdownReport(report: BenchReport): string {
  const parts = [
    "# specpost benchmark results",
    `Written by \`npm run bench\`; do not edit by hand.\n\n**Machine:** ${machineLine(report)}`,
    notes(report),
  ];
  for (const [title, table] of sections(report)) parts.push(`## ${title}\n\n${markdown(table)}`);
  return `${parts.join("\n\n")}\n`;
}

function notes(report: BenchReport): string {
  const generation = [
    `**Generation:** every run in a fresh process, both tools interleaved, ${report.reps} repetitions`,
    `(${report.heavyReps} for GitHub and 10,000 operations). Wall time counts from process start to`,
    "the serialised output in memory: Node start-up, module loading, reading and parsing the spec",
    "file, conversion and JSON serialisation, with specpost started the way bin/specpost.mjs starts",
    "it (the dist/ bundle when it is fresh, else tsx); CPU time is user + system of the same process, steadier",
    "than wall time on a busy machine. Peak RSS is the highest `maxRSS` of any run. specpost output",
    "is the collection plus its environments; openapi-to-postmanv2's is its collection (default",
    "options) serialised with `JSON.stringify(…, null, 2)`. Ratios are specpost ÷",
    "openapi-to-postmanv2: below 1× means specpost is faster, leaner or smaller.",
  ].join(" ");
  const newman = report.newman
    ? [
        `**Newman:** the collection generated from the ${report.newman.operations.toLocaleString("en-US")}-operation`,
        "synthetic spec, without its token request and auth checks, run by `newman.run` in-process",
        "against specpost's mock (same process, ephemeral loopback port), one fresh process per run.",
        "(a) strips every script and auth setting and sends a token fetched beforehand in a header;",
        "(b) is the generated collection as is. ms/request is Newman's wall time ÷ requests. The",
        "short-TTL run checks renewal: at most one token request per renewal window and no 401.",
        report.newman.real
          ? `The ${report.newman.real.label} rows run the first ${report.newman.real.limit} requests of the collection generated from the real spec four ways, interleaved, against a trivial loopback server that answers every request 200 \`{}\` (so most schema checks fail, as they would on a wrong body; the work is the same): (c) is the bare collection with one empty collection-level test script, the least any collection with a test on every request costs in Newman's sandbox; (d) is the bare collection with an empty script wherever the generated one has a script (each request's pre-request script, which declares its contract, and the collection-level ones), the least this layout costs whatever its scripts do.`
          : "",
      ].join(" ")
    : "";
  return [generation, newman].filter(Boolean).join("\n\n");
}
