import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { REPORTER_NAMES, type ReporterName } from "../run/context";
import { rel } from "../run/discover";
import { isCollectionReport, mergeReports } from "../run/merge";
import { type CollectionReport, reportPassed } from "../run/report";
import { renderCliSummary } from "../run/reporters/cli";
import { writeReports } from "../run/reporters/write";
import { makeRedactor } from "../run/secrets";
import type { Io } from "./io";

export const REPORT_USAGE = `usage: specpost report merge DIR... [--report-dir DIR] [--reporters cli,junit,html,json]

Combines the NAME.report.json files that 'specpost run --shard K/N' wrote (in each DIR and
the folders directly inside it, as CI artifact downloads lay them out) into one report per
collection: JUnit, HTML and coverage with the same totals as one unsharded run.

options:
  --report-dir DIR      where the merged reports go (default: reports)
  --reporters LIST      default: cli,junit,html,json

exit codes: 0 all assertions passed, 1 failures, 2 usage error or no reports found
`;

const REPORT_SUFFIX = ".report.json";
/** Shard folders per artifact download; more is not a CI layout. */
const MAX_FILES = 10_000;

/** `specpost report merge`: reads shard reports, writes merged ones, prints the summary. */
export async function reportCommand(args: string[], io: Io): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === undefined || sub === "--help" || sub === "-h") {
    (sub === undefined ? io.stderr : io.stdout)(REPORT_USAGE);
    return sub === undefined ? 2 : 0;
  }
  if (sub !== "merge") {
    io.stderr(`specpost report: unknown subcommand '${sub}' (only 'merge')\n`);
    return 2;
  }
  const dirs: string[] = [];
  let reportDir = "reports";
  let reporters: ReporterName[] = ["cli", "junit", "html", "json"];
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i] as string;
    if (arg === "--report-dir" || arg === "--reporters") {
      const value = rest[++i];
      if (value === undefined) return usage(io, `${arg} needs a value`);
      if (arg === "--report-dir") reportDir = value;
      else {
        const names = value.split(",").map((n) => n.trim());
        if (names.some((n) => !REPORTER_NAMES.includes(n as ReporterName))) {
          return usage(io, `--reporters takes a list of ${REPORTER_NAMES.join(", ")}`);
        }
        reporters = REPORTER_NAMES.filter((n) => names.includes(n));
      }
    } else if (arg.startsWith("--")) return usage(io, `unknown option '${arg}'`);
    else dirs.push(arg);
  }
  if (dirs.length === 0) return usage(io, "name at least one DIR of shard reports");

  const groups = new Map<string, CollectionReport[]>();
  const errors: string[] = [];
  for (const file of reportFiles(
    dirs.map((d) => path.resolve(io.cwd, d)),
    errors,
    io.cwd,
  )) {
    try {
      const value: unknown = JSON.parse(readFileSync(file, "utf8"));
      if (!isCollectionReport(value)) throw new Error("not a specpost run report");
      groups.set(value.name, [...(groups.get(value.name) ?? []), value]);
    } catch (error) {
      errors.push(`${rel(io.cwd, file)}: ${(error as Error).message.split("\n")[0]}`);
    }
  }
  for (const error of errors) io.stderr(`specpost report: ${error}\n`);
  if (errors.length > 0) return 2;
  if (groups.size === 0) {
    io.stderr(
      `specpost report: no *${REPORT_SUFFIX} in ${dirs.join(", ")} (run with --shard or --reporters json)\n`,
    );
    return 2;
  }
  const out = path.resolve(io.cwd, reportDir);
  const redact = makeRedactor([]);
  let passed = true;
  for (const name of [...groups.keys()].sort()) {
    const report = mergeReports(groups.get(name) ?? []);
    passed &&= reportPassed(report);
    const files = writeReports({ report, redact }, reporters, out);
    if (reporters.includes("cli")) io.stdout(redact(`${renderCliSummary(report)}\n`));
    if (files.length) io.stdout(`  reports     ${files.map((f) => rel(io.cwd, f)).join(", ")}\n\n`);
  }
  return passed ? 0 : 1;
}

function usage(io: Io, message: string): number {
  io.stderr(`specpost report: ${message}. Run 'specpost report --help' for the options.\n`);
  return 2;
}

/** DIR/*.report.json and DIR/<folder>/*.report.json, sorted, each once. */
function reportFiles(dirs: readonly string[], errors: string[], cwd: string): string[] {
  const found = new Set<string>();
  const scan = (dir: string, depth: number) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
      a.name < b.name ? -1 : 1,
    )) {
      if (found.size >= MAX_FILES) return;
      const full = path.join(dir, entry.name);
      if (entry.isFile() && entry.name.endsWith(REPORT_SUFFIX)) found.add(full);
      else if (entry.isDirectory() && depth === 0) scan(full, 1);
    }
  };
  for (const dir of dirs) {
    try {
      if (!statSync(dir).isDirectory()) throw new Error("ENOTDIR");
      scan(dir, 0);
    } catch (error) {
      errors.push(
        `${rel(cwd, dir)}: not a folder of reports (${(error as NodeJS.ErrnoException).code ?? "unreadable"})`,
      );
    }
  }
  return [...found];
}
