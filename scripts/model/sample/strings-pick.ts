import type { JsonObject } from "../resolve";
import { acceptable, type GenState } from "./conform";
import type { SchemaEnv } from "./env";
import { stringCandidates } from "./strings";
import { isValid } from "./validate";

/** First candidate string valid for the schema; path parameters also skip empty or unsafe ones. */
export function strings(s: JsonObject, hint: unknown, env: SchemaEnv, at: GenState): string {
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
