import { createRequire } from "node:module";
import type * as Yaml from "yaml";

let loaded: typeof Yaml | undefined;

/**
 * The yaml package, loaded on first use: a JSON spec (GitHub's, Graph's) never needs it, and
 * loading it costs every start of the CLI ~0.1-0.2 s.
 */
export function yaml(): typeof Yaml {
  loaded ??= createRequire(import.meta.url)("yaml") as typeof Yaml;
  return loaded;
}
