import { mkdirSync, readdirSync, rmSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import type { GenerationCase } from "./cases";
import { hotFunctions } from "./cpu-profile";
import { measureOnce } from "./generation";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const TOP = 20;

/**
 * One specpost run per case under `--cpu-prof`: where the time goes (hottest functions by
 * self time, then specpost's own functions by inclusive time) and the stage timings and
 * RSS after each stage, so memory growth can be pinned to a stage.
 */
export async function profileCases(
  cases: GenerationCase[],
  dir: string,
  timeoutMs: number,
): Promise<string> {
  mkdirSync(dir, { recursive: true });
  const out: string[] = [];
  for (const bench of cases) {
    // tsx's loader runs in a worker thread that writes its own profile: one folder per case,
    // and the biggest profile is the main thread's.
    const caseDir = join(dir, bench.id);
    rmSync(caseDir, { recursive: true, force: true });
    mkdirSync(caseDir, { recursive: true });
    const result = await measureOnce(
      "specpost",
      { tool: "specpost", file: bench.file, tokenUrl: bench.tokenUrl },
      timeoutMs,
      ["--cpu-prof", "--cpu-prof-dir", caseDir],
      // Through tsx, not the bundle: frames then name scripts/<file>.ts instead of a chunk.
      { SPECPOST_NO_BUNDLE: "1" },
    );
    out.push(`== ${bench.label} (${bench.operations} operations)`);
    if (!result.ok) {
      out.push(`failed: ${result.error}`, "");
      continue;
    }
    out.push(
      `wall ${Math.round(result.wallMs)} ms, peak RSS ${Math.round(result.maxRssKb / 1024)} MB, ` +
        `${(result.bytes / 1024 / 1024).toFixed(2)} MB output, ${result.requests} requests`,
      `stages ms: ${formatRecord(result.stages)}`,
      `RSS after stage MB: ${formatRecord(result.stageRssMb)}`,
    );
    const profile = mainThreadProfile(caseDir);
    if (!profile) {
      out.push("no CPU profile was written", "");
      continue;
    }
    const hot = hotFunctions(profile, ROOT);
    out.push("", `hottest by self time (ms self / total):`);
    for (const fn of hot.slice(0, TOP)) out.push(`  ${line(fn.selfMs, fn.totalMs)}  ${fn.where}`);
    const ours = hot
      .filter((fn) => fn.where.startsWith("scripts/") && !fn.where.startsWith("scripts/bench/"))
      .sort((a, b) => b.totalMs - a.totalMs);
    out.push("", "specpost functions by inclusive time (ms total / self):");
    for (const fn of ours.slice(0, TOP)) out.push(`  ${line(fn.totalMs, fn.selfMs)}  ${fn.where}`);
    out.push(`profile: ${relative(process.cwd(), profile)}`, "");
  }
  return `${out.join("\n")}\n`;
}

const line = (a: number, b: number) => `${a.toFixed(0).padStart(6)} / ${b.toFixed(0).padEnd(6)}`;

function formatRecord(record: Record<string, number> | undefined): string {
  if (!record) return "—";
  return Object.entries(record)
    .map(([key, value]) => `${key} ${Math.round(value)}`)
    .join(", ");
}

function mainThreadProfile(dir: string): string | undefined {
  const files = readdirSync(dir)
    .filter((name) => name.endsWith(".cpuprofile"))
    .map((name) => join(dir, name));
  return files.sort((a, b) => statSync(b).size - statSync(a).size)[0];
}
