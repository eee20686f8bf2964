import { mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { loadavg, tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { freshBuild } from "../build/fresh.mjs";
import { prepareCases } from "./cases";
import { benchmarkGeneration } from "./generation";
import { describeMachine } from "./machine";
import { benchmarkMockStart, mockTargets } from "./mock-start";
import { benchmarkNewman, benchmarkNewmanReal } from "./newman-bench";
import { parseOptions, USAGE, UsageError } from "./options";
import { profileCases } from "./profile";
import { type BenchReport, markdownReport, plainReport } from "./report";
import { checkTargets } from "./targets";

/** GitHub's REST spec, the real collection the Newman benchmark runs (as cases.ts names it). */
const GITHUB_SPEC = "@octokit/openapi/generated/api.github.com.json";
const GITHUB_TOKEN_URL = "https://auth.example.com/oauth2/token";

/** How the children start specpost: the figures differ by about a second per run. */
function specpostRunner(): string {
  return freshBuild("bench/child-specpost.mjs") ? "dist/ bundle" : "tsx";
}

/**
 * `npm run bench`: generation against openapi-to-postmanv2, then Newman with and without the
 * generated scripts. Exit 0 when every specpost run completed (targets missed still exit 0:
 * the table says so), 1 when a specpost or Newman run failed, 2 on usage errors.
 */
export async function main(argv: string[]): Promise<number> {
  let options: ReturnType<typeof parseOptions>;
  try {
    options = parseOptions(argv);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`specpost-bench: ${message}\n${error instanceof UsageError ? "" : USAGE}`);
    return 2;
  }
  if (options === "help") {
    process.stdout.write(USAGE);
    return 0;
  }
  const progress = (line: string) => process.stderr.write(`  ${line}\n`);
  const runnerAtStart = specpostRunner();
  if (runnerAtStart === "tsx" && !options.profileDir) {
    progress(
      "dist/ is missing or older than scripts/: measuring specpost through tsx, not the bundle " +
        "npm ci builds (run `npm run build` first to measure that)",
    );
  }
  const loadStart = loadavg()[0] ?? 0;
  const workDir = mkdtempSync(join(tmpdir(), "specpost-bench-"));
  try {
    const machine = describeMachine();
    progress(`${machine.cpu}, ${machine.cores} cores, Node ${machine.node}`);
    const cases = prepareCases(
      options.generation || options.profileDir ? options.cases : [],
      workDir,
      progress,
    );

    if (options.profileDir) {
      const profileDir = resolve(options.profileDir);
      process.stdout.write(await profileCases(cases, profileDir, options.timeoutMs));
      return 0;
    }

    const settings = { timeoutMs: options.timeoutMs, progress };
    const generation = options.generation
      ? await benchmarkGeneration(cases, {
          ...settings,
          reps: options.reps,
          heavyReps: options.heavyReps,
        })
      : [];
    const newman = options.newman
      ? await benchmarkNewman({
          ...settings,
          operations: options.newmanOperations,
          reps: options.newmanReps,
          shortTtlSeconds: options.shortTtlSeconds,
          workDir,
        })
      : undefined;
    if (newman && options.newmanGithubRequests > 0) {
      newman.real = await benchmarkNewmanReal({
        ...settings,
        label: "GitHub",
        specFile: createRequire(import.meta.url).resolve(GITHUB_SPEC),
        tokenUrl: GITHUB_TOKEN_URL,
        limit: options.newmanGithubRequests,
        reps: options.newmanReps,
      });
    }
    const mock = options.mock ? await benchmarkMockStart(progress, options.timeoutMs) : undefined;

    const report: BenchReport = {
      machine,
      reps: options.reps,
      heavyReps: options.heavyReps,
      cases: generation,
      newman,
      ...(mock && { mock }),
      targets: [...checkTargets(generation, newman), ...(mock ? mockTargets(mock) : [])],
      load: { start: loadStart, end: loadavg()[0] ?? 0 },
      specpostFrom:
        specpostRunner() === runnerAtStart ? runnerAtStart : "mixed dist/ bundle and tsx",
    };
    process.stdout.write(`\n${plainReport(report)}`);
    if (options.out) {
      const out = resolve(options.out);
      mkdirSync(dirname(out), { recursive: true });
      // Through a temporary file: an interrupted run never leaves half a results file.
      writeFileSync(`${out}.tmp`, markdownReport(report));
      renameSync(`${out}.tmp`, out);
      process.stdout.write(`\nwrote ${options.out}\n`);
    }
    const failed =
      generation.some(({ specpost }) => specpost.errors.length > 0) ||
      (newman !== undefined &&
        [newman.bare, newman.scripts, newman.real?.bare, newman.real?.scripts].some(
          (run) => run !== undefined && run.errors.length > 0,
        )) ||
      (mock !== undefined && mock.errors.length > 0);
    return failed ? 1 : 0;
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
}
