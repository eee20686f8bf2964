import type { ModelOptions } from "../model/types";
import type { PostmanCollection, PostmanVariable } from "./types";

/**
 * The options a collection was generated with that change the model (`--token-url`) travel
 * in the collection as one variable, so `specpost run` and `specpost mock` rebuild the very
 * model the collection came from. Postman and Newman keep unknown collection variables as
 * they are; the value is JSON with a fixed key order (deterministic output). Absent when no
 * such option was given, so collections generated without options do not change.
 */
export const MODEL_OPTIONS_VARIABLE = "specpost_model_options";

/** Writer: the options as a collection variable, or nothing when there are none. */
export function modelOptionsVariable(options: ModelOptions): PostmanVariable | undefined {
  if (options.tokenUrl === undefined) return undefined;
  return {
    key: MODEL_OPTIONS_VARIABLE,
    value: JSON.stringify({ tokenUrl: options.tokenUrl }),
    type: "string",
    description:
      "Set by specpost generate: the options the collection was generated with (specpost run and specpost mock use them too). Do not edit; regenerate.",
  };
}

/** Adds the options to a built collection (before it is serialised). */
export function recordModelOptions(collection: PostmanCollection, options: ModelOptions): void {
  const variable = modelOptionsVariable(options);
  if (variable) collection.variable.push(variable);
}

export type ReadOptions = { ok: true; options: ModelOptions } | { ok: false; reason: string };

/** Reader: the options recorded in a collection file's JSON; none recorded → `{}`. */
export function readModelOptions(collection: unknown): ReadOptions {
  const variables = (collection as { variable?: unknown } | null)?.variable;
  if (!Array.isArray(variables)) return { ok: true, options: {} };
  const entry = variables.find(
    (v): v is { value?: unknown } =>
      typeof v === "object" &&
      v !== null &&
      (v as { key?: unknown }).key === MODEL_OPTIONS_VARIABLE,
  );
  if (entry === undefined) return { ok: true, options: {} };
  let parsed: unknown;
  try {
    parsed = typeof entry.value === "string" ? JSON.parse(entry.value) : undefined;
  } catch {
    parsed = undefined;
  }
  const tokenUrl = (parsed as { tokenUrl?: unknown } | undefined)?.tokenUrl;
  if (typeof parsed !== "object" || parsed === null || typeof tokenUrl !== "string") {
    return {
      ok: false,
      reason: `its ${MODEL_OPTIONS_VARIABLE} variable is not what specpost generate writes; regenerate the collection`,
    };
  }
  return { ok: true, options: { tokenUrl } };
}
