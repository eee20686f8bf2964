import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { syntheticSpec } from "./synthetic";

/** One spec both tools convert. Every input comes from an npm package or is generated. */
export interface GenerationCase {
  id: string;
  label: string;
  /** Absolute path of the spec file both tools read. */
  file: string;
  operations: number;
  /** Slow cases get `--heavy-reps` repetitions. */
  heavy: boolean;
  /**
   * Handed to specpost for specs that declare no client-credentials flow, so every case
   * gets the full token machinery and contract tests (what the targets are about).
   */
  tokenUrl?: string;
}

const BENCH_TOKEN_URL = "https://auth.example.com/oauth2/token";
const require = createRequire(import.meta.url);

interface CaseSource {
  label: string;
  heavy: boolean;
  /** Package-relative spec path, or a synthetic size. */
  source: string | number;
}

const SOURCES: Record<string, CaseSource> = {
  github: {
    label: "GitHub REST (@octokit/openapi)",
    heavy: true,
    source: "@octokit/openapi/generated/api.github.com.json",
  },
  // A real NSwag-generated API (Dundas BI) shipped inside openapi-to-postmanv2's package:
  // 705 component schemas, 14 of them on reference cycles.
  "circular-dundas": {
    label: "Circular: Dundas BI (705 schemas)",
    heavy: false,
    source: "openapi-to-postmanv2/oas.json",
  },
  "circular-small": {
    label: "Circular: schema-circular (oas-examples)",
    heavy: false,
    source: "@readme/oas-examples/3.0/json/schema-circular.json",
  },
  "synthetic-100": { label: "Synthetic, 100 operations", heavy: false, source: 100 },
  "synthetic-1000": { label: "Synthetic, 1,000 operations", heavy: false, source: 1000 },
  "synthetic-10000": { label: "Synthetic, 10,000 operations", heavy: true, source: 10000 },
};

/** Resolves case ids to files, writing synthetic specs into `workDir`. */
export function prepareCases(ids: string[], workDir: string): GenerationCase[] {
  return ids.map((id) => {
    const source = SOURCES[id];
    if (!source) throw new Error(`unknown case ${id}`);
    let file: string;
    if (typeof source.source === "number") {
      file = join(workDir, `${id}.json`);
      writeFileSync(file, `${JSON.stringify(syntheticSpec(source.source), null, 2)}\n`);
    } else {
      file = require.resolve(source.source);
    }
    return {
      id,
      label: source.label,
      file,
      operations: countOperations(file),
      heavy: source.heavy,
      tokenUrl: typeof source.source === "number" ? undefined : BENCH_TOKEN_URL,
    };
  });
}

const METHODS = new Set(["get", "put", "post", "delete", "options", "head", "patch", "trace"]);

function countOperations(file: string): number {
  const document = JSON.parse(readFileSync(file, "utf8")) as {
    paths?: Record<string, Record<string, unknown>>;
  };
  let total = 0;
  for (const item of Object.values(document.paths ?? {})) {
    total += Object.keys(item).filter((key) => METHODS.has(key)).length;
  }
  return total;
}
