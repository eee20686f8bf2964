import type { Io } from "../../../scripts/commands/io";

export interface CapturedIo extends Io {
  out: string[];
  err: string[];
  text(): string;
}

export function captureIo(cwd: string, env: Record<string, string> = {}): CapturedIo {
  const out: string[] = [];
  const err: string[] = [];
  return {
    cwd,
    env,
    out,
    err,
    stdout: (text) => out.push(text),
    stderr: (text) => err.push(text),
    text: () => out.join("") + err.join(""),
  };
}
