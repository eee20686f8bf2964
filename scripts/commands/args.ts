import { type ParseArgsConfig, parseArgs } from "node:util";

type Parsed<T extends ParseArgsConfig> =
  | ({ ok: true } & ReturnType<typeof parseArgs<T>>)
  | { ok: false; message: string };

/** `parseArgs`, with what is wrong as one line instead of a throw. */
export function parseCommandArgs<T extends ParseArgsConfig>(config: T): Parsed<T> {
  try {
    return { ok: true, ...parseArgs(config) };
  } catch (error) {
    return { ok: false, message: (error as Error).message.split("\n")[0] ?? "bad arguments" };
  }
}

/** What is wrong with a `--token-url` value (it must be an absolute http(s) URL), if anything. */
export function tokenUrlProblem(tokenUrl: string | undefined): string | undefined {
  if (tokenUrl === undefined || /^https?:\/\/[^/]/i.test(tokenUrl)) return undefined;
  return `--token-url must be an absolute http(s) URL, got '${tokenUrl}'`;
}
