import type { JsonObject } from "../resolve";
import { MAX_STRING_LENGTH, note } from "./budget";
import type { SchemaEnv } from "./env";
import { asNumber } from "./env";
import { acceptable, type GenState } from "./state";
import { stringCandidates } from "./strings";
import { isValid } from "./validate";

/** First candidate string valid for the schema; path parameters also skip empty or unsafe ones. */
export function strings(s: JsonObject, hint: unknown, env: SchemaEnv, at: GenState): string {
  const min = asNumber(s.minLength) ?? 0;
  if (min > MAX_STRING_LENGTH)
    note(
      at.budget,
      at.ref,
      `minLength ${min} is more than the sampler builds (${MAX_STRING_LENGTH} characters); the example is shorter and does not satisfy the schema`,
    );
  let first: string | undefined;
  let valid: string | undefined;
  for (const candidate of stringCandidates(s, hint, at.name, at.variant)) {
    first ??= candidate;
    if (!isValid(candidate, s, env)) continue;
    valid ??= candidate;
    if (acceptable(candidate, at) && candidate !== "") return candidate;
  }
  return valid ?? first ?? "string";
}
