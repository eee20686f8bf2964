import { tokenParamNameProblem } from "../model/token-options";
import {
  CLIENT_AUTH_METHODS,
  type ClientAuth,
  type ModelOptions,
  type TokenParam,
} from "../model/types";
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
  const recorded = {
    ...(options.tokenUrl !== undefined && { tokenUrl: options.tokenUrl }),
    ...(options.clientAuth !== undefined && { clientAuth: options.clientAuth }),
    ...(options.tokenParams !== undefined &&
      options.tokenParams.length > 0 && { tokenParams: options.tokenParams }),
  };
  if (Object.keys(recorded).length === 0) return undefined;
  return {
    key: MODEL_OPTIONS_VARIABLE,
    value: JSON.stringify(recorded),
    type: "string",
    description:
      "Set by specpost generate: the options the collection was generated with (specpost run and specpost mock use them too). Do not edit; regenerate.",
  };
}

/** Adds the options to a built collection (before it is serialised). */
export function recordModelOptions(
  collection: Pick<PostmanCollection, "variable">,
  options: ModelOptions,
): void {
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
  const options = parsed === null || typeof parsed !== "object" ? undefined : readOptions(parsed);
  if (options === undefined || Object.keys(options).length === 0) {
    return {
      ok: false,
      reason: `its ${MODEL_OPTIONS_VARIABLE} variable is not what specpost generate writes; regenerate the collection`,
    };
  }
  return { ok: true, options };
}

const isTokenParam = (value: unknown): value is TokenParam =>
  typeof value === "object" &&
  value !== null &&
  typeof (value as TokenParam).name === "string" &&
  typeof (value as TokenParam).value === "string" &&
  tokenParamNameProblem((value as TokenParam).name) === undefined;

/** The recorded options, or undefined when one of them is not what generate writes. */
function readOptions(parsed: object): ModelOptions | undefined {
  const { tokenUrl, clientAuth, tokenParams } = parsed as Record<string, unknown>;
  const options: ModelOptions = {};
  if (tokenUrl !== undefined) {
    if (typeof tokenUrl !== "string") return undefined;
    options.tokenUrl = tokenUrl;
  }
  if (clientAuth !== undefined) {
    if (!(CLIENT_AUTH_METHODS as readonly unknown[]).includes(clientAuth)) return undefined;
    options.clientAuth = clientAuth as ClientAuth;
  }
  if (tokenParams !== undefined) {
    if (!Array.isArray(tokenParams) || tokenParams.length > 100 || !tokenParams.every(isTokenParam))
      return undefined;
    options.tokenParams = tokenParams.map((p) => ({ name: p.name, value: p.value }));
  }
  return options;
}
