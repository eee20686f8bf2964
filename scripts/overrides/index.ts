import type { PostmanCollection } from "../collection/types";
import type { ApiModel } from "../model/types";
import type { Problem } from "../problems";
import { applyCollectionOverrides } from "./collection";
import { loadOverrides, overridesCandidates } from "./load";
import { applyModelOverrides } from "./model";
import { resolveOverrides } from "./resolve";
import type { ResolvedOverrides } from "./types";

export type { ResolvedOverrides };
export { applyCollectionOverrides, applyModelOverrides, loadOverrides, overridesCandidates };

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
 * Builds a collection with the user's overrides merged in: the model is adjusted first
 * (disabled operations, example values), the collection built from it, then scripts,
 * variables and run order added.
 */
export function buildWithOverrides(
  model: ApiModel,
  overrides: ResolvedOverrides | undefined,
  build: (model: ApiModel) => PostmanCollection,
): PostmanCollection {
  if (!overrides) return build(model);
  const adjusted = applyModelOverrides(model, overrides);
  return applyCollectionOverrides(build(adjusted), overrides, adjusted);
}
