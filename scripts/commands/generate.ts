import { join, relative, resolve, sep } from "node:path";
import { formatChanges } from "../collection/changes";
import { TOKEN_ARG_OPTIONS, TOKEN_ARG_USAGE, tokenArgs } from "../collection/token-args";
import { staleFiles, writeFiles } from "../collection/write";
import { findSpecs } from "../load/find-specs";
import type { GenerateContext } from "../pipeline";
import { formatProblem, hasErrors } from "../problems";
import { specFolders, specInputs } from "../watch/inputs";
import { parseCommandArgs, tokenUrlProblem } from "./args";
import { DATA_CODES, dataSummary } from "./data-summary";
import { GenerationStopped, generateInThread } from "./generate-thread";
import type { Io } from "./io";
import { generateProgress } from "./progress";
import { exitCodeOfSignal, stopSignal } from "./stop-signal";

const USAGE = `usage: specpost generate [SPEC...] [--out-dir DIR] [--check] [--token-url URL]
                         [--client-auth post|basic|auto] [--token-param NAME=VALUE]... [--watch]

  SPEC             OpenAPI 3.0/3.1 or Swagger 2.0 file(s), YAML or JSON
                   (default: every *.yaml, *.yml and *.json in specs/); the user's additions
                   live beside each spec in <name>.overrides.yaml
  --out-dir DIR    write DIR/collections and DIR/environments (default: .)
  --check          write nothing; exit 1 listing the files that are out of date and what changed
  --token-url URL  token endpoint for specs that declare only http bearer
${TOKEN_ARG_USAGE}  --allow-outside-refs  let $refs name files outside the spec's folder tree
  --watch          regenerate whenever a spec, a file it references or its overrides change
                   (stop with Ctrl-C)
`;

type Parsed =
  | {
      ok: true;
      ctx: Omit<GenerateContext, "specs">;
      specs: string[];
      check: boolean;
      watch: boolean;
    }
  | { ok: false; message: string }
  | { ok: "help" };

function parse(args: string[], cwd: string): Parsed {
  const parsed = parseCommandArgs({
    args,
    allowPositionals: true,
    options: {
      "out-dir": { type: "string" },
      check: { type: "boolean" },
      "token-url": { type: "string" },
      ...TOKEN_ARG_OPTIONS,
      watch: { type: "boolean" },
      "allow-outside-refs": { type: "boolean" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (!parsed.ok) return parsed;
  const { values, positionals } = parsed;
  if (values.help) return { ok: "help" };
  if (values.check && values.watch) {
    return { ok: false, message: "--check and --watch do not go together" };
  }
  const tokenUrl = values["token-url"];
  const tokenUrlWrong = tokenUrlProblem(tokenUrl);
  if (tokenUrlWrong !== undefined) return { ok: false, message: tokenUrlWrong };
  const token = tokenArgs(values);
  if (!token.ok) return token;
  const ctx: Omit<GenerateContext, "specs"> = {
    cwd,
    outDir: resolve(cwd, values["out-dir"] ?? "."),
    model: { ...(tokenUrl !== undefined && { tokenUrl }), ...token.options },
    ...(values["allow-outside-refs"] && { allowOutsideRefs: true }),
  };
  return {
    ok: true,
    ctx,
    specs: positionals,
    check: values.check ?? false,
    watch: values.watch ?? false,
  };
}

async function defaultSpecs(cwd: string): Promise<string[] | undefined> {
  try {
    const found = await findSpecs(resolve(cwd, "specs"));
    return found.map((file) => relative(cwd, file));
  } catch {
    return undefined;
  }
}

type Ctx = Omit<GenerateContext, "specs">;

/**
 * One generation: the pipeline runs in a worker thread (so `stop` ends it at once), then the
 * problems are printed and the files written (or checked), with what changed. `wrote`: some
 * file was written (what a stop in the middle reports).
 */
async function generateOnce(
  specs: string[],
  ctx: Ctx,
  check: boolean,
  io: Io,
  stop: AbortSignal,
): Promise<{ code: number; wrote: boolean }> {
  let generation: Awaited<ReturnType<typeof generateInThread>>;
  const progress = generateProgress(io, (file) => relative(io.cwd, file) || file);
  try {
    // Example problems are only counted here: no need to find their lines.
    generation = await generateInThread(
      { ...ctx, specs, counted: DATA_CODES },
      stop,
      progress.onSpec,
    );
  } catch (error) {
    if (error instanceof GenerationStopped) return { code: 1, wrote: false };
    throw error;
  } finally {
    progress.end();
  }
  const { result } = generation;
  const show = (path: string) => {
    const near = relative(io.cwd, path);
    return near === "" || near.startsWith("..") ? path : near;
  };
  let failed = false;
  for (const outcome of result.specs) {
    for (const p of outcome.problems)
      if (!DATA_CODES.has(p.code)) io.stderr(`${formatProblem(p)}\n`);
    const summary = dataSummary(outcome.file, outcome.problems);
    if (summary) io.stderr(`${summary}\n`);
    if (hasErrors(outcome.problems)) {
      failed = true;
      io.stderr(`skipped ${outcome.file}: nothing written for it\n`);
    }
  }
  const files = result.specs.flatMap((s) => s.files);
  const summaries = new Map(generation.changes);
  // A brand-new file needs no summary: "wrote" or "stale" already says it all.
  const changesOf = (path: string) => {
    const changes = summaries.get(path);
    return changes && !changes.created ? formatChanges(changes).map((line) => `${line}\n`) : [];
  };

  if (check) {
    const stale = await staleFiles(files);
    for (const path of stale) io.stdout(`stale ${show(path)}\n${changesOf(path).join("")}`);
    if (stale.length > 0) {
      io.stderr(
        `specpost generate --check: ${stale.length} file(s) out of date; run 'specpost generate' and commit them\n`,
      );
      return { code: 1, wrote: false };
    }
    return { code: failed ? 1 : 0, wrote: false };
  }

  let wrote = false;
  for (const spec of result.specs) {
    if (spec.files.length === 0) continue;
    if (stop.aborted) break;
    for (const outcome of await writeFiles(spec.files, stop)) {
      if (outcome.status === "failed") {
        failed = true;
        io.stderr(
          `${show(outcome.path)}:1:1 error write-error could not write: ${outcome.error}\n`,
        );
        io.stderr(`skipped ${spec.file}: nothing written for it\n`);
      } else if (outcome.status === "written") {
        wrote = true;
        io.stdout(`wrote ${show(outcome.path)}\n${changesOf(outcome.path).join("")}`);
      } else {
        io.stdout(`unchanged ${show(outcome.path)}\n`);
      }
    }
  }
  return { code: failed ? 1 : 0, wrote };
}

/**
 * `--watch`: one generation, then another whenever an input changes, until `until` resolves.
 * Errors are printed and the watch goes on; the exit code is 0 after a clean stop.
 */
async function watchGenerate(
  named: string[],
  ctx: Ctx,
  io: Io,
  until: Promise<unknown>,
  stop: AbortSignal,
): Promise<number> {
  const outputs = [join(ctx.outDir, "collections"), join(ctx.outDir, "environments")];
  const specsNow = async () => (named.length > 0 ? named : ((await defaultSpecs(io.cwd)) ?? []));
  const initial = await specsNow();
  const folders = named.length > 0 ? specFolders(named, io.cwd) : [resolve(io.cwd, "specs")];
  // chokidar is loaded only for --watch.
  const { startWatch } = await import("../watch/watch");
  const handle = await startWatch({
    folders,
    ignore: (path) =>
      outputs.some((dir) => path === dir || path.startsWith(`${dir}${sep}`)) ||
      !WATCHED_FILE.test(path),
    async run(changed) {
      if (changed.length > 0) {
        const names = changed.map((path) => relative(io.cwd, path) || path);
        io.stdout(`\nchanged: ${names.join(", ")}\n`);
      }
      const specs = await specsNow();
      if (specs.length === 0) io.stderr("specpost generate: no specs to generate\n");
      else await generateOnce(specs, ctx, false, io, stop);
      if (stop.aborted) return [];
      const inputs = await Promise.all(specs.map((spec) => specInputs(spec, io.cwd)));
      return inputs.flat();
    },
    onError(error) {
      const message = error instanceof Error ? error.message : String(error);
      io.stderr(`specpost generate --watch: ${message.split("\n")[0]}\n`);
    },
  });
  io.stdout(`watching ${initial.length} spec(s) and their inputs for changes; stop with Ctrl-C\n`);
  const signal = await until;
  await handle.close();
  io.stdout(`stopped watching${typeof signal === "string" ? ` (${signal})` : ""}\n`);
  return 0;
}

/** Specs, the files they reference, overrides and their scripts. */
const WATCHED_FILE = /\.(ya?ml|json|[cm]?js)$/i;

/**
 * `specpost generate`: 0 all written (or fresh), 1 a spec had errors or files are stale, 2 usage.
 * With `--watch` it runs until `until` resolves (SIGINT/SIGTERM by default). Without, `until`
 * resolving stops the generation at once (the pipeline runs in a worker thread, terminated):
 * temporary files are removed, one line says so, and the exit code is 130 (SIGINT) or 143.
 */
export async function generateCommand(
  args: string[],
  io: Io,
  until: (done: AbortSignal) => Promise<unknown> = stopSignal,
): Promise<number> {
  const parsed = parse(args, io.cwd);
  if (parsed.ok === "help") {
    io.stdout(USAGE);
    return 0;
  }
  if (!parsed.ok) {
    io.stderr(`specpost generate: ${parsed.message}\n${USAGE}`);
    return 2;
  }
  let specs = parsed.specs;
  if (specs.length === 0) {
    const found = await defaultSpecs(io.cwd);
    if (!found || found.length === 0) {
      io.stderr("specpost generate: no SPEC given and no *.yaml, *.yml or *.json in specs/\n");
      return 2;
    }
    specs = found;
  }
  const done = new AbortController();
  const stop = new AbortController();
  let stoppedBy: unknown;
  const stopped = until(done.signal).then((signal) => {
    stoppedBy = signal;
    stop.abort();
    return signal;
  });
  try {
    if (parsed.watch)
      return await watchGenerate(parsed.specs, parsed.ctx, io, stopped, stop.signal);
    const { code, wrote } = await generateOnce(specs, parsed.ctx, parsed.check, io, stop.signal);
    if (!stop.signal.aborted) return code;
    const name = typeof stoppedBy === "string" ? ` (${stoppedBy})` : "";
    io.stderr(
      `specpost generate: stopped${name}; ${wrote ? "some files were already written" : "nothing written"}\n`,
    );
    return exitCodeOfSignal(stoppedBy);
  } finally {
    done.abort();
  }
}
