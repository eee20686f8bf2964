import { relative, resolve } from "node:path";
import { parseArgs } from "node:util";
import { findSpecs } from "../collection/discover";
import { type GenerateContext, generate } from "../collection/generate";
import { staleFiles, writeFiles } from "../collection/write";
import { formatProblem, hasErrors } from "../problems";
import type { Io } from "./io";

const USAGE = `usage: specpost generate [SPEC...] [--out-dir DIR] [--check] [--token-url URL]

  SPEC             OpenAPI 3.0/3.1 or Swagger 2.0 file(s), YAML or JSON
                   (default: every *.yaml, *.yml and *.json in specs/)
  --out-dir DIR    write DIR/collections and DIR/environments (default: .)
  --check          write nothing; exit 1 listing the files that are out of date
  --token-url URL  token endpoint for specs that declare only http bearer
`;

type Parsed =
  | { ok: true; ctx: Omit<GenerateContext, "specs">; specs: string[]; check: boolean }
  | { ok: false; message: string }
  | { ok: "help" };

function parse(args: string[], cwd: string): Parsed {
  let values: { "out-dir"?: string; check?: boolean; "token-url"?: string; help?: boolean };
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: {
        "out-dir": { type: "string" },
        check: { type: "boolean" },
        "token-url": { type: "string" },
        help: { type: "boolean", short: "h" },
      },
    }));
  } catch (error) {
    return { ok: false, message: (error as Error).message.split("\n")[0] ?? "bad arguments" };
  }
  if (values.help) return { ok: "help" };
  const tokenUrl = values["token-url"];
  if (tokenUrl !== undefined && !/^https?:\/\/[^/]/i.test(tokenUrl)) {
    return { ok: false, message: `--token-url must be an absolute http(s) URL, got '${tokenUrl}'` };
  }
  const ctx: Omit<GenerateContext, "specs"> = {
    cwd,
    outDir: resolve(cwd, values["out-dir"] ?? "."),
    ...(tokenUrl === undefined ? {} : { tokenUrl }),
  };
  return { ok: true, ctx, specs: positionals, check: values.check ?? false };
}

async function defaultSpecs(cwd: string): Promise<string[] | undefined> {
  try {
    const found = await findSpecs(resolve(cwd, "specs"));
    return found.map((file) => relative(cwd, file));
  } catch {
    return undefined;
  }
}

/** `specpost generate`: 0 all written (or fresh), 1 a spec had errors or files are stale, 2 usage. */
export async function generateCommand(args: string[], io: Io): Promise<number> {
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

  const result = await generate({ ...parsed.ctx, specs });
  const show = (path: string) => {
    const near = relative(io.cwd, path);
    return near === "" || near.startsWith("..") ? path : near;
  };
  let failed = false;
  for (const outcome of result.specs) {
    for (const p of outcome.problems) io.stderr(`${formatProblem(p)}\n`);
    if (hasErrors(outcome.problems)) {
      failed = true;
      io.stderr(`skipped ${outcome.file}: nothing written for it\n`);
    }
  }
  const files = result.specs.flatMap((s) => s.files);

  if (parsed.check) {
    const stale = await staleFiles(files);
    for (const path of stale) io.stdout(`stale ${show(path)}\n`);
    if (stale.length > 0) {
      io.stderr(
        `specpost generate --check: ${stale.length} file(s) out of date; run 'specpost generate' and commit them\n`,
      );
      return 1;
    }
    return failed ? 1 : 0;
  }

  for (const spec of result.specs) {
    if (spec.files.length === 0) continue;
    for (const outcome of await writeFiles(spec.files)) {
      if (outcome.status === "failed") {
        failed = true;
        io.stderr(
          `${show(outcome.path)}:1:1 error write-error could not write: ${outcome.error}\n`,
        );
        io.stderr(`skipped ${spec.file}: nothing written for it\n`);
      } else {
        io.stdout(
          `${outcome.status === "written" ? "wrote" : "unchanged"} ${show(outcome.path)}\n`,
        );
      }
    }
  }
  return failed ? 1 : 0;
}
