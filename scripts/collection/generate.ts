import { join } from "node:path";
import { buildModel } from "../model/build";
import type { ApiModel } from "../model/types";
import { buildWithOverrides, overridesFor, type ResolvedOverrides } from "../overrides";
import { hasErrors, type Problem, problem } from "../problems";
import { createSchemaRegistry } from "../schema/registry";
import { loadSpec } from "../spec/load";
import type { LoadedSpec } from "../spec/types";
import { buildCollection } from "./build";
import { buildEnvironments } from "./environments";
import { serialise } from "./serialise";
import type { OutputFile } from "./write";

/** Options resolved once by the command. */
export interface GenerateContext {
  cwd: string;
  /** Spec files as the user named them (relative to cwd or absolute). */
  specs: string[];
  /** Absolute; files go to `<outDir>/collections` and `<outDir>/environments`. */
  outDir: string;
  /** `--token-url`: token endpoint for specs that declare only http bearer. */
  tokenUrl?: string;
}

export interface SpecOutcome {
  /** The spec as the user named it. */
  file: string;
  /** Errors and warnings, located (file:line:col). */
  problems: Problem[];
  /** What to write; empty when the spec has errors, so nothing of it is written. */
  files: OutputFile[];
}

export interface GenerateResult {
  specs: SpecOutcome[];
}

export const collectionPath = (outDir: string, name: string) =>
  join(outDir, "collections", `${name}.postman_collection.json`);

export const environmentPath = (outDir: string, name: string, target: string) =>
  join(outDir, "environments", `${name}.${target}.postman_environment.json`);

function locate(spec: LoadedSpec, p: Problem): Problem {
  if (p.line !== undefined || p.pointer === undefined) return p;
  const position = spec.locate(p.pointer);
  return { ...p, file: position.file, line: position.line, column: position.column };
}

/**
 * The files one model turns into: a collection and one environment per target. `overrides`:
 * the user's additions from `<spec>.overrides.yaml`, merged into the collection.
 */
export function renderModel(
  model: ApiModel,
  outDir: string,
  overrides?: ResolvedOverrides,
): OutputFile[] {
  const registry = createSchemaRegistry(model.spec.document, model.spec.version);
  const collection = buildWithOverrides(model, overrides, (m, added) =>
    buildCollection(m, registry, added),
  );
  const files: OutputFile[] = [
    { path: collectionPath(outDir, model.name), content: serialise(collection) },
  ];
  for (const { target, environment } of buildEnvironments(model)) {
    files.push({
      path: environmentPath(outDir, model.name, target),
      content: serialise(environment),
    });
  }
  return files;
}

async function generateOne(file: string, ctx: GenerateContext): Promise<SpecOutcome> {
  const loaded = await loadSpec(file, { cwd: ctx.cwd });
  if (!loaded.spec || hasErrors(loaded.problems)) {
    return { file, problems: loaded.problems, files: [] };
  }
  const spec = loaded.spec;
  const built = buildModel(spec, ctx.tokenUrl === undefined ? {} : { tokenUrl: ctx.tokenUrl });
  const problems = [...loaded.problems, ...built.problems.map((p) => locate(spec, p))];
  if (!built.model || hasErrors(problems)) return { file, problems, files: [] };
  // The user's additions: a stale or malformed overrides file stops this spec like a spec error.
  const overrides = await overridesFor(built.model, ctx.cwd);
  problems.push(...overrides.problems);
  if (hasErrors(problems)) return { file, problems, files: [] };
  try {
    return { file, problems, files: renderModel(built.model, ctx.outDir, overrides.resolved) };
  } catch (error) {
    // A bug in one spec's conversion must not take the other specs down with it.
    const message = error instanceof Error ? error.message.split("\n")[0] : String(error);
    problems.push(
      problem(
        "conversion-failed",
        "error",
        spec.file,
        `could not build the collection: ${message} (please report it with the spec)`,
      ),
    );
    return { file, problems, files: [] };
  }
}

/**
 * Loads, models and renders every spec; returns what to write and the problems per spec.
 * Writes nothing itself. Two specs that would write the same file: the later one fails.
 */
export async function generate(ctx: GenerateContext): Promise<GenerateResult> {
  const specs: SpecOutcome[] = [];
  const owners = new Map<string, string>();
  for (const file of ctx.specs) {
    const outcome = await generateOne(file, ctx);
    const clash = outcome.files.find((f) => owners.has(f.path));
    if (clash) {
      outcome.problems.push(
        problem(
          "write-error",
          "error",
          file,
          `would overwrite ${clash.path}, already generated from ${owners.get(clash.path)}; rename one of the two spec files.`,
        ),
      );
      outcome.files = [];
    }
    for (const f of outcome.files) owners.set(f.path, file);
    specs.push(outcome);
  }
  return { specs };
}
