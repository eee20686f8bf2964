import { workflowsFor } from "./arazzo/find";
import { renderModel } from "./collection/render";
import { isSampleFile } from "./collection/sample-files";
import type { OutputFile } from "./collection/write";
import { loadSpec } from "./load/load";
import { buildModel } from "./model/build";
import type { ExampleMode } from "./model/context";
import type { ApiModel, ModelOptions } from "./model/types";
import { overridesFor } from "./overrides";
import { hasErrors, type Locator, locateProblems, type Problem, problem } from "./problems";

/**
 * The one pipeline: load → model → overrides → schema → collection → files. `generate`,
 * `run`, `mock`, `--watch` and the bench all call it with options resolved once, so a model
 * is the same whoever builds it. Library code: returns values, prints nothing.
 */
export interface PipelineOptions {
  /** Relative spec paths resolve against it; problems name files relative to it. */
  cwd: string;
  /** Options that change the model (`--token-url`); recorded in the generated collection. */
  model: ModelOptions;
  /** `$ref`s may leave the spec's folder tree (`--allow-outside-refs`). */
  allowOutsideRefs?: boolean;
  /**
   * `as-written` (the mock): the model takes examples as written, unchecked and unsampled,
   * which is most of the model's cost on big specs; the collection needs them checked.
   */
  examples?: ExampleMode;
  /**
   * Codes of problems the caller counts but never prints (`generate`'s example problems):
   * they come back without line and column, and an example's problem names its first issue
   * only. On GitHub's spec (174 such problems) finding their lines costs 0.1 s, and listing
   * every issue another 0.15 s (a second validation, with every definition compiled again).
   */
  counted?: ReadonlySet<string>;
}

const examplesFor = (counted: ReadonlySet<string> | undefined): ExampleMode =>
  counted?.has("invalid-example") ? "counted" : "checked";

/** `problems` located (and in file order), except those of `counted` codes, which follow. */
function locateSome(
  problems: readonly Problem[],
  locator: Locator,
  counted: ReadonlySet<string> | undefined,
): Problem[] {
  if (counted === undefined || counted.size === 0) return locateProblems(problems, locator);
  const unlocated = problems.filter((p) => counted.has(p.code));
  return [
    ...locateProblems(
      problems.filter((p) => !counted.has(p.code)),
      locator,
    ),
    ...unlocated,
  ];
}

/** Times stages (the bench); the default runs them untimed. */
export interface StageTimer {
  time<T>(stage: string, work: () => T | Promise<T>): Promise<T>;
}

const untimed: StageTimer = { time: async (_stage, work) => work() };

export interface ModelOutcome {
  model?: ApiModel;
  /** Every stage's problems so far, located (file, line, column) in the file each is in. */
  problems: Problem[];
}

/** Load and model one spec: what `run` and `mock` need. No model when there are errors. */
export async function loadModel(
  file: string,
  options: PipelineOptions,
  timer: StageTimer = untimed,
): Promise<ModelOutcome> {
  const loaded = await timer.time("load", () =>
    loadSpec(file, { cwd: options.cwd, allowOutsideRefs: options.allowOutsideRefs === true }),
  );
  if (!loaded.spec || hasErrors(loaded.problems)) return { problems: loaded.problems };
  const spec = loaded.spec;
  const built = await timer.time("model", () =>
    buildModel(spec, options.model, options.examples ?? examplesFor(options.counted)),
  );
  const problems = [
    ...loaded.problems,
    ...locateSome(built.problems, spec.locate, options.counted),
  ];
  return built.model && !hasErrors(problems) ? { model: built.model, problems } : { problems };
}

export interface SpecOutcome {
  /** The spec as the user named it. */
  file: string;
  /** Errors and warnings of every stage, located (file:line:col). */
  problems: Problem[];
  /** What to write; empty when the spec has errors, so nothing of it is written. */
  files: OutputFile[];
}

/** The whole pipeline for one spec, in memory: nothing is written. */
export async function generateSpec(
  file: string,
  options: PipelineOptions & { outDir: string },
  timer: StageTimer = untimed,
): Promise<SpecOutcome & { model?: ApiModel }> {
  const loaded = await loadModel(file, options, timer);
  const problems = loaded.problems;
  if (!loaded.model) return { file, problems, files: [] };
  let model = loaded.model;
  // The user's additions: a stale or malformed overrides file stops this spec like a spec error.
  const overrides = await overridesFor(model, options.cwd);
  problems.push(...overrides.problems);
  // Arazzo workflows beside the spec: a broken one stops the spec like a spec error.
  const workflows = await workflowsFor(model, options.cwd);
  problems.push(...workflows.problems);
  if (hasErrors(problems)) return { file, problems, files: [] };
  if (workflows.documents.length > 0) model = { ...model, workflows: workflows.documents };
  try {
    const rendered = await timer.time("render", () =>
      renderModel(model, options.outDir, overrides.resolved, options.model),
    );
    problems.push(...locateSome(rendered.problems, model.spec.locate, options.counted));
    return { file, problems, files: rendered.files, model };
  } catch (error) {
    // A bug in one spec's conversion must not take the other specs down with it.
    const message = error instanceof Error ? error.message.split("\n")[0] : String(error);
    problems.push(
      problem(
        "conversion-failed",
        "error",
        model.spec.file,
        `could not build the collection: ${message} (please report it with the spec)`,
      ),
    );
    return { file, problems, files: [] };
  }
}

export interface GenerateContext extends PipelineOptions {
  /** Spec files as the user named them (relative to cwd or absolute). */
  specs: string[];
  /** Absolute; files go to `<outDir>/collections` and `<outDir>/environments`. */
  outDir: string;
}

export interface GenerateResult {
  specs: SpecOutcome[];
}

/**
 * Every spec through the pipeline; returns what to write and the problems per spec. Writes
 * nothing itself. Two specs that would write the same file: the later one fails.
 */
/** Which spec `generate` is on: a command may show it; the library only reports it. */
export interface SpecProgress {
  index: number;
  total: number;
  spec: string;
}

const sameBytes = (a: OutputFile, b: OutputFile): boolean =>
  Buffer.concat(a.bytes).equals(Buffer.concat(b.bytes));

export async function generate(
  ctx: GenerateContext,
  onSpec?: (progress: SpecProgress) => void,
): Promise<GenerateResult> {
  const specs: SpecOutcome[] = [];
  const owners = new Map<string, { spec: string; file: OutputFile }>();
  for (const [index, file] of ctx.specs.entries()) {
    onSpec?.({ index, total: ctx.specs.length, spec: file });
    const { model: _model, ...outcome } = await generateSpec(file, ctx);
    // Specs share the sample files (collections/files/): the same bytes there are no clash.
    const clash = outcome.files.find((f) => {
      const owner = owners.get(f.path)?.file;
      if (owner === undefined) return false;
      return !isSampleFile(f.path, ctx.outDir) || !sameBytes(owner, f);
    });
    if (clash) {
      outcome.problems.push(
        problem(
          "write-error",
          "error",
          file,
          `would overwrite ${clash.path}, already generated from ${owners.get(clash.path)?.spec}; rename one of the two spec files.`,
        ),
      );
      outcome.files = [];
    }
    for (const f of outcome.files)
      if (!owners.has(f.path)) owners.set(f.path, { spec: file, file: f });
    specs.push(outcome);
  }
  return { specs };
}
