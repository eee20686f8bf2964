import { readFileSync } from "node:fs";
import type { VariableScopeDefinition } from "postman-collection";
import type { EnvVarOverride } from "./context";
import { SECRET_VARIABLE } from "./secrets";

export interface EnvironmentValue {
  key: string;
  value: string;
  type?: string;
  enabled?: boolean;
}

export interface EnvironmentOverride extends EnvVarOverride {
  /** Marks the variable `secret` (the Postman app masks it; it is still redacted by us). */
  secret?: boolean;
}

export type JsonRead<T> = { value: T } | { error: string };

/** Reads a JSON file; the error is one line naming the file. */
export function readJson<T>(file: string, label: string): JsonRead<T> {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    return {
      error: `${label}: cannot read it (${(error as NodeJS.ErrnoException).code ?? "error"})`,
    };
  }
  try {
    return { value: JSON.parse(text) as T };
  } catch (error) {
    return { error: `${label}: not valid JSON (${(error as Error).message.split("\n")[0]})` };
  }
}

/**
 * The environment a run uses: the target's file (if any), then the target's own values
 * (the mock's address, credentials from the environment), then `--env-var`, each layer
 * replacing a variable in place so the file's order is kept.
 */
export function layerEnvironment(
  name: string,
  base: { name?: string; values?: EnvironmentValue[] } | undefined,
  ...layers: readonly EnvironmentOverride[][]
): VariableScopeDefinition {
  const values: EnvironmentValue[] = (base?.values ?? [])
    .filter((entry) => entry && typeof entry.key === "string")
    .map((entry) => ({ ...entry, value: entry.value === undefined ? "" : String(entry.value) }));
  for (const layer of layers) {
    for (const { key, value, secret } of layer) {
      const existing = values.find((entry) => entry.key === key);
      if (existing) {
        existing.value = value;
        existing.enabled = true;
        if (secret) existing.type = "secret";
      } else {
        values.push({ key, value, enabled: true, type: secret ? "secret" : "default" });
      }
    }
  }
  return { name: base?.name ?? name, values } as VariableScopeDefinition;
}

export function variableOf(environment: VariableScopeDefinition, key: string): string | undefined {
  const values = (environment as { values?: EnvironmentValue[] }).values ?? [];
  return values.find((entry) => entry.key === key && entry.enabled !== false)?.value;
}

/**
 * Values the run must never print: variables marked `secret` and any whose name says it
 * holds a credential (client_secret, access_token, api_key, password, ...), whichever layer
 * (file, credentials, `--env-var`) set them.
 */
export function secretValues(environment: VariableScopeDefinition): string[] {
  const values = (environment as { values?: EnvironmentValue[] }).values ?? [];
  return values
    .filter(
      ({ key, type }) =>
        type === "secret" || SECRET_VARIABLE.test(key) || /^(authorization|cookie)$/i.test(key),
    )
    .map(({ value }) => value)
    .filter(Boolean);
}
