import type { CollectionAdditions } from "../collection/types";
import type { ApiModel } from "../model/types";
import type { Problem } from "../problems";
import { collectionAdditions } from "./collection";
import { loadOverrides, overridesCandidates } from "./load";
import { applyModelOverrides } from "./model";
import { resolveOverrides } from "./resolve";
import type { ResolvedOverrides } from "./types";

export type { ResolvedOverrides };
export { applyModelOverrides, collectionAdditions, loadOverrides, overridesCandidates };

export interface OverridesOutcome {
  /** Absent when the spec has no overrides file or it has errors (see problems). */
  resolved?: ResolvedOverrides;
  /** Located in the overrides file; any error means nothing is written for the spec. */
  problems: Problem[];
  /** Files read (overrides file, its scripts), absolute: watch mode watches them. */
  inputs: string[];
}

/** Reads the overrides file beside the model's spec and matches it to the model. */
export async function overridesFor(model: ApiModel, cwd: string): Promise<OverridesOutcome> {
  const loaded = await loadOverrides(model.spec.absolutePath, cwd);
  if (!loaded.overrides) return { problems: loaded.problems, inputs: loaded.inputs };
  const { resolved, problems } = resolveOverrides(loaded.overrides, model);
  return resolved
    ? { resolved, problems: [...loaded.problems, ...problems], inputs: loaded.inputs }
    : { problems: [...loaded.problems, ...problems], inputs: loaded.inputs };
}

/**
 * Builds a collection with the user's overrides as inputs: the model carries their example
 * values and leaves disabled operations out; scripts, variables and run order go to the
 * builder as additions. Nothing is patched after the build.
 */
export function buildWithOverrides<C>(
  model: ApiModel,
  overrides: ResolvedOverrides | undefined,
  build: (model: ApiModel, additions?: CollectionAdditions) => C,
): C {
  if (!overrides) return build(model);
  return build(applyModelOverrides(model, overrides), collectionAdditions(overrides));
}
