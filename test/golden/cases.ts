import { readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";

export const GOLDEN_DIR = fileURLToPath(new URL(".", import.meta.url));
export const SPECS_DIR = fileURLToPath(new URL("./specs/", import.meta.url));
/** Committed expected output: `expected/collections/*`, `expected/environments/*`. */
export const EXPECTED_DIR = fileURLToPath(new URL("./expected/", import.meta.url));

/** Extra CLI arguments per golden spec; the rest run with none. */
const EXTRA_ARGS: Record<string, string[]> = {
  "bearer-option.yaml": ["--token-url", "https://bearer.example.net/oauth/token"],
};

export interface GoldenCase {
  spec: string;
  args: string[];
}

export function goldenCases(): GoldenCase[] {
  return readdirSync(SPECS_DIR)
    .filter((name) => /\.(ya?ml|json)$/.test(name))
    .sort()
    .map((spec) => ({ spec, args: EXTRA_ARGS[spec] ?? [] }));
}
