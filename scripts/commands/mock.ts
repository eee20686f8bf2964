import { readFile } from "node:fs/promises";
import { dirname, join, parse as parsePath, relative, resolve } from "node:path";
import { MOCK_CLIENT_ID, MOCK_DEFAULT_PORT } from "../mock/constants";
import type { MockServer } from "../mock/types";
import type { ModelOptions } from "../model/types";
import { formatProblem } from "../problems";
import { parseCommandArgs, tokenUrlProblem } from "./args";
import type { Io } from "./io";
import { stopSignal } from "./stop-signal";

const USAGE = `usage: specpost mock SPEC [--port N] [--token-ttl SECONDS] [--token-url URL] [--stateless]
                         [--allow-outside-refs]

  SPEC                 OpenAPI 3.0/3.1 or Swagger 2.0 file, YAML or JSON
  --port N             port on 127.0.0.1 (default: ${MOCK_DEFAULT_PORT}; 0 picks a free one)
  --token-ttl SECONDS  lifetime of issued tokens (default: 3599)
  --token-url URL      token endpoint for specs that declare only http bearer (default:
                       the one the spec's generated collection was made with, if any)
  --stateless          answer every request with the operation's sample; by default what
                       POST/PUT/PATCH created is kept (in memory, bounded), GET answers with
                       it and a DELETE makes it 404
  --allow-outside-refs let the spec's $refs name files outside its folder tree

Stop it with Ctrl-C.
`;

interface MockCommandOptions {
  spec: string;
  port: number;
  tokenTtlSeconds?: number;
  stateless: boolean;
  /** Absent: the options recorded in the spec's generated collection, if there is one. */
  model?: ModelOptions;
  allowOutsideRefs?: true;
}

type Parsed =
  | { ok: true; options: MockCommandOptions }
  | { ok: false; message: string }
  | { ok: "help" };

function wholeNumber(raw: string | undefined, min: number, max: number): number | null | undefined {
  if (raw === undefined) return undefined;
  if (!/^\d+$/.test(raw.trim())) return null;
  const value = Number(raw);
  return value >= min && value <= max ? value : null;
}

/**
 * `--token-ttl -5` → `--token-ttl=-5`: parseArgs would take `-5` for an option and answer
 * "argument is ambiguous"; read as the value, it gets the message that says what is wrong.
 */
function negativeValues(args: string[], options: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    const next = args[i + 1];
    if (options.includes(arg) && next !== undefined && /^-\d/.test(next)) {
      out.push(`${arg}=${next}`);
      i++;
    } else out.push(arg);
  }
  return out;
}

function parse(rawArgs: string[]): Parsed {
  const args = negativeValues(rawArgs, ["--port", "--token-ttl"]);
  const parsed = parseCommandArgs({
    args,
    allowPositionals: true,
    options: {
      port: { type: "string" },
      "token-ttl": { type: "string" },
      "token-url": { type: "string" },
      stateless: { type: "boolean" },
      "allow-outside-refs": { type: "boolean" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (!parsed.ok) return parsed;
  const { values, positionals } = parsed;
  if (values.help) return { ok: "help" };
  if (positionals.length !== 1) return { ok: false, message: "give exactly one SPEC" };
  const port = wholeNumber(values.port, 0, 65535);
  if (port === null) {
    return {
      ok: false,
      message: `--port must be a whole number from 0 to 65535, got '${values.port}'`,
    };
  }
  const ttl = wholeNumber(values["token-ttl"], 1, 10 * 365 * 24 * 3600);
  if (ttl === null)
    return {
      ok: false,
      message: `--token-ttl must be a positive whole number of seconds, got '${values["token-ttl"]}'`,
    };
  const tokenUrl = values["token-url"];
  const tokenUrlWrong = tokenUrlProblem(tokenUrl);
  if (tokenUrlWrong !== undefined) return { ok: false, message: tokenUrlWrong };
  return {
    ok: true,
    options: {
      spec: positionals[0] as string,
      port: port ?? MOCK_DEFAULT_PORT,
      stateless: values.stateless === true,
      ...(ttl !== undefined && { tokenTtlSeconds: ttl }),
      ...(tokenUrl !== undefined && { model: { tokenUrl } }),
      ...(values["allow-outside-refs"] && { allowOutsideRefs: true as const }),
    },
  };
}

/**
 * `specpost mock SPEC`: serves the spec on loopback until SIGINT/SIGTERM. Exit 0 after a clean
 * stop, 1 when the spec has errors, 2 on usage errors and when the server cannot start (a
 * port in use), as the README's exit-code table says.
 */
export async function mockCommand(
  args: string[],
  io: Io,
  until: () => Promise<unknown> = stopSignal,
): Promise<number> {
  const parsed = parse(args);
  if (parsed.ok === "help") {
    io.stdout(USAGE);
    return 0;
  }
  if (!parsed.ok) {
    io.stderr(`specpost mock: ${parsed.message}\n${USAGE}`);
    return 2;
  }
  const { options } = parsed;
  // Loaded on demand, like the other commands: usage errors need none of the pipeline.
  const [{ loadModel }, { readModelOptions }, { startMock }] = await Promise.all([
    import("../pipeline"),
    import("../collection/model-options"),
    import("../mock/server"),
  ]);
  let model = options.model;
  if (model === undefined) {
    // Serve the model the collection was generated from: `generate --token-url` travels with it.
    const recorded = await recordedCollection(options.spec, io.cwd);
    const read = recorded ? readModelOptions(recorded.json) : undefined;
    if (read && !read.ok) {
      io.stderr(`specpost mock: ${relative(io.cwd, recorded?.file ?? "")}: ${read.reason}\n`);
      return 1;
    }
    model = read?.options ?? {};
    if (recorded && model.tokenUrl !== undefined) {
      io.stdout(
        `using --token-url ${model.tokenUrl}, recorded in ${relative(io.cwd, recorded.file)}\n`,
      );
    }
  }
  // Examples as written: the mock judges each answer with the schema core when it first
  // serves it, so it need not check thousands of them before it listens.
  const built = await loadModel(options.spec, {
    cwd: io.cwd,
    model,
    examples: "as-written",
    allowOutsideRefs: options.allowOutsideRefs === true,
  });
  for (const problem of built.problems) io.stderr(`${formatProblem(problem)}\n`);
  if (!built.model) return 1;

  let server: MockServer;
  try {
    server = await startMock(built.model, {
      port: options.port,
      stateless: options.stateless,
      // Answers are prepared on first request: their warnings arrive while it serves.
      onWarning: (warning) => io.stderr(`specpost mock: warning: ${warning}\n`),
      ...(options.tokenTtlSeconds !== undefined && { tokenTtlSeconds: options.tokenTtlSeconds }),
    });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const message =
      code === "EADDRINUSE"
        ? `port ${options.port} is in use; pass --port N (0 picks a free port)`
        : `cannot start: ${(error as Error).message.split("\n")[0]}`;
    io.stderr(`specpost mock: ${message}\n`);
    return 2;
  }
  io.stdout(`listening on ${server.baseUrl}\n`);
  if (server.tokenUrl) {
    io.stdout(`token URL    ${server.tokenUrl}\n`);
    io.stdout(`client id    ${MOCK_CLIENT_ID} (demo credentials, see the mock environment)\n`);
  }
  io.stdout("stop with Ctrl-C\n");
  const signal = await until();
  await server.close();
  io.stdout(`stopped${typeof signal === "string" ? ` (${signal})` : ""}\n`);
  return 0;
}

/** The spec's generated collection, where `generate` puts it and `run` looks for it. */
async function recordedCollection(
  spec: string,
  cwd: string,
): Promise<{ file: string; json: unknown } | undefined> {
  const absolute = resolve(cwd, spec);
  const name = `${parsePath(absolute).name}.postman_collection.json`;
  const folders = [join(dirname(dirname(absolute)), "collections"), join(cwd, "collections")];
  for (const folder of folders) {
    const file = join(folder, name);
    const text = await readFile(file, "utf8").catch(() => undefined);
    if (text === undefined) continue;
    try {
      return { file, json: JSON.parse(text) };
    } catch {
      return undefined; // not ours to judge here: `run` reports a broken collection
    }
  }
  return undefined;
}
