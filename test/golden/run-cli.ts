import { main } from "../../scripts/cli";

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `specpost ...` in-process with captured output, as a user would in `cwd`. */
export async function runCli(args: string[], cwd: string): Promise<CliResult> {
  let stdout = "";
  let stderr = "";
  const code = await main(args, {
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
    cwd,
    env: {},
  });
  return { code, stdout, stderr };
}
