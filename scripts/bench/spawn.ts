import { fork } from "node:child_process";
import { fileURLToPath } from "node:url";

export interface ChildSpec {
  /** Module to fork, relative to this folder. */
  module: string;
  /** One JSON argument: the child parses `process.argv[2]`. */
  input: unknown;
  /** Extra node flags (e.g. `--cpu-prof`); the child never inherits the harness's own. */
  execArgv?: string[];
  /** Added to the harness's environment. */
  env?: Record<string, string>;
  timeoutMs: number;
}

export interface ChildError {
  ok: false;
  error: string;
}

/**
 * Runs one measurement in a fresh Node process and resolves, once the process has exited,
 * with the single message it sent over IPC. A crash, a timeout or silence resolves as
 * `{ ok: false }`, so one bad run is a row in the table, not the end of the benchmark.
 */
export function runChild<T extends { ok: boolean }>(spec: ChildSpec): Promise<T | ChildError> {
  const modulePath = fileURLToPath(new URL(spec.module, import.meta.url));
  return new Promise((resolve) => {
    let settled = false;
    let stderr = "";
    let result: T | undefined;
    const child = fork(modulePath, [JSON.stringify(spec.input)], {
      execArgv: spec.execArgv ?? [],
      env: { ...process.env, ...spec.env },
      stdio: ["ignore", "ignore", "pipe", "ipc"],
      serialization: "json",
    });
    const settle = (value: T | ChildError) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(value);
    };
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      settle({ ok: false, error: `timed out after ${Math.round(spec.timeoutMs / 1000)} s` });
    }, spec.timeoutMs);
    child.stderr?.on("data", (chunk: Buffer) => {
      // Keep only the tail: a crashing child can print megabytes.
      stderr = (stderr + chunk.toString("utf8")).slice(-4000);
    });
    child.on("message", (message) => {
      result ??= message as T;
    });
    child.on("error", (error) => settle({ ok: false, error: error.message }));
    // Settle on exit, not on the message: the next run must not start while this process
    // still holds memory or is writing its CPU profile.
    child.on("exit", (code, signal) => {
      settle(
        result ?? {
          ok: false,
          error: `exited (${signal ?? code}) without a result${lastLine(stderr)}`,
        },
      );
    });
  });
}

function lastLine(text: string): string {
  const lines = text.trim().split("\n").filter(Boolean);
  const last = lines.find((line) => /Error|heap/i.test(line)) ?? lines.at(-1);
  return last ? `: ${last.trim()}` : "";
}
