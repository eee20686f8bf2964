import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { Agent, request } from "node:http";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { MOCK_CLIENT_ID, MOCK_CLIENT_SECRET } from "../mock/constants";

/** What `npm run bench` shows of the mock (issue 12: GitHub listening ≤ 2 s, ≤ 300 MB, p95 ≤ 2 ms). */
export interface MockStartResult {
  label: string;
  /** Process start to the "listening on" line. */
  listeningMs: number;
  /** User + system CPU of the mock until it listens: steadier than wall time on a busy machine. */
  cpuMs: number;
  /** Resident set size when it listens, and the peak after the requests. */
  rssMb: number;
  peakRssMb: number;
  requests: number;
  /** The first request of each operation prepares its answer; the later ones are served. */
  firstP95Ms: number;
  repeatP95Ms: number;
  errors: string[];
}

const BENCH_TOKEN_URL = "https://auth.example.com/oauth2/token";
/** GET operations asked, and how often each. */
const OPERATIONS = 200;
const REPEATS = 5;
const BIN = fileURLToPath(new URL("../../bin/specpost.mjs", import.meta.url));

function githubSpec(): string {
  return createRequire(import.meta.url).resolve("@octokit/openapi/generated/api.github.com.json");
}

/** `/repos/{owner}/{repo}` → `/repos/1/1`, for the first OPERATIONS GET paths of the spec. */
function getPaths(file: string): string[] {
  const document = JSON.parse(readFileSync(file, "utf8")) as { paths?: Record<string, object> };
  return Object.entries(document.paths ?? {})
    .filter(([, item]) => "get" in item)
    .slice(0, OPERATIONS)
    .map(([path]) => path.replace(/\{[^}]*\}/g, "1"));
}

/** Nearest-rank percentile. */
function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] as number;
}

/** utime + stime of a Linux process, in ms (clock ticks of 10 ms). */
function cpuOf(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return Number.NaN;
  }
}

function rssOf(pid: number, field: "VmRSS" | "VmHWM"): number {
  try {
    const line = readFileSync(`/proc/${pid}/status`, "utf8")
      .split("\n")
      .find((entry) => entry.startsWith(`${field}:`));
    return Number(/(\d+)/.exec(line ?? "")?.[1] ?? Number.NaN) / 1024;
  } catch {
    return Number.NaN;
  }
}

function call(
  agent: Agent,
  url: string,
  method: string,
  headers: Record<string, string>,
  body?: string,
) {
  return new Promise<{ status: number; text: string }>((resolve, reject) => {
    const req = request(url, { agent, method, headers }, (res) => {
      let text = "";
      res.on("data", (chunk: Buffer) => {
        text += chunk.toString("utf8");
      });
      res.on("end", () => resolve({ status: res.statusCode ?? 0, text }));
    });
    req.on("error", reject);
    req.end(body);
  });
}

async function fetchToken(agent: Agent, tokenUrl: string): Promise<string> {
  const grant = tokenUrl.includes("grant_type=") ? "" : "grant_type=client_credentials&";
  const issued = await call(
    agent,
    tokenUrl,
    "POST",
    { "content-type": "application/x-www-form-urlencoded" },
    `${grant}client_id=${MOCK_CLIENT_ID}&client_secret=${MOCK_CLIENT_SECRET}`,
  );
  return (JSON.parse(issued.text) as { access_token?: string }).access_token ?? "";
}

/**
 * `specpost mock` on GitHub's spec, started the way a user starts it (bin/specpost.mjs), then
 * GET requests on one keep-alive connection over loopback, one at a time.
 */
export async function benchmarkMockStart(
  progress: (line: string) => void,
  timeoutMs: number,
  bin = BIN,
): Promise<MockStartResult> {
  const spec = githubSpec();
  const result: MockStartResult = {
    label: "GitHub REST (@octokit/openapi)",
    listeningMs: Number.NaN,
    cpuMs: Number.NaN,
    rssMb: Number.NaN,
    peakRssMb: Number.NaN,
    requests: 0,
    firstP95Ms: Number.NaN,
    repeatP95Ms: Number.NaN,
    errors: [],
  };
  progress("mock start: GitHub");
  const started = performance.now();
  const child = spawn(
    process.execPath,
    [bin, "mock", spec, "--port", "0", "--token-url", BENCH_TOKEN_URL],
    { stdio: ["ignore", "pipe", "pipe"] },
  );
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  try {
    const lines = await new Promise<string>((resolve, reject) => {
      let out = "";
      const timer = setTimeout(() => reject(new Error("no 'listening on' in time")), timeoutMs);
      // Warnings go to stderr: read and dropped, or a full pipe would stall the mock.
      child.stderr.resume();
      child.stdout.on("data", (chunk: Buffer) => {
        out += chunk.toString("utf8");
        if (Number.isNaN(result.listeningMs) && out.includes("listening on")) {
          result.listeningMs = performance.now() - started;
          result.rssMb = rssOf(child.pid ?? 0, "VmRSS");
          result.cpuMs = cpuOf(child.pid ?? 0);
        }
        // The last line of the start-up banner: the token URL is printed before it.
        if (out.includes("stop with Ctrl-C")) {
          clearTimeout(timer);
          resolve(out);
        }
      });
      child.on("exit", (code) => reject(new Error(`the mock exited (${code}) before listening`)));
    });
    const baseUrl = /listening on (\S+)/.exec(lines)?.[1] ?? "";
    const tokenUrl = /token URL\s+(\S+)/.exec(lines)?.[1];
    const headers: Record<string, string> = { accept: "application/json" };
    // GitHub's spec declares no security: the mock serves it without a token endpoint.
    if (tokenUrl !== undefined)
      headers.authorization = `Bearer ${await fetchToken(agent, tokenUrl)}`;
    const first: number[] = [];
    const repeat: number[] = [];
    const paths = getPaths(spec);
    for (let round = 0; round < REPEATS; round++) {
      for (const path of paths) {
        const at = performance.now();
        await call(agent, `${baseUrl}${path}`, "GET", headers);
        (round === 0 ? first : repeat).push(performance.now() - at);
        result.requests += 1;
      }
    }
    result.firstP95Ms = percentile(first, 0.95);
    result.repeatP95Ms = percentile(repeat, 0.95);
    result.peakRssMb = rssOf(child.pid ?? 0, "VmHWM");
  } catch (error) {
    result.errors.push(error instanceof Error ? error.message : String(error));
  } finally {
    agent.destroy();
    child.kill("SIGTERM");
  }
  return result;
}

const fixed = (value: number, digits = 0) => (Number.isFinite(value) ? value.toFixed(digits) : "—");

/** The bench table's rows for the mock. */
export function mockTable(result: MockStartResult): { head: string[]; rows: string[][] } {
  return {
    head: [
      "Spec",
      "Listening (ms)",
      "CPU to listening (ms)",
      "RSS (MB)",
      "Peak RSS (MB)",
      "Requests",
      "p95 first (ms)",
      "p95 (ms)",
    ],
    rows: [
      [
        result.errors.length > 0 ? `${result.label} (failed: ${result.errors[0]})` : result.label,
        fixed(result.listeningMs),
        fixed(result.cpuMs),
        fixed(result.rssMb),
        fixed(result.peakRssMb),
        String(result.requests),
        fixed(result.firstP95Ms, 2),
        fixed(result.repeatP95Ms, 2),
      ],
    ],
  };
}

/** Issue 12's mock targets beside the figures. */
export function mockTargets(
  result: MockStartResult,
): Array<{ target: string; figure: string; met?: boolean }> {
  const check = (value: number, limit: number) =>
    Number.isFinite(value) ? value <= limit : undefined;
  return [
    {
      target: "Mock on GitHub listening in ≤ 2 s (process start to `listening on`)",
      figure: `${fixed(result.listeningMs)} ms (CPU ${fixed(result.cpuMs)} ms)`,
      met: check(result.listeningMs, 2000),
    },
    {
      target: "Mock on GitHub in ≤ 300 MB (RSS when listening; peak after the requests)",
      figure: `${fixed(result.rssMb)} MB (${fixed(result.peakRssMb)} MB)`,
      met: check(Math.max(result.rssMb, result.peakRssMb), 300),
    },
    {
      target: "Mock per-request latency ≤ 2 ms p95 on loopback (prepared operations)",
      figure: `${fixed(result.repeatP95Ms, 2)} ms (first request per operation: ${fixed(result.firstP95Ms, 2)} ms)`,
      met: check(result.repeatP95Ms, 2),
    },
  ];
}
