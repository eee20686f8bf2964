import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
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
  /** Package-relative spec path, a file beside the repository (`{ file }`), or a synthetic size. */
  source: string | number | { file: string };
}

/**
 * Microsoft Graph v1.0 (20 MB, 11,422 operations) is too big for the repository: the shared
 * bench machines keep it in ../shared/bench/. Clones without it skip the case with a note.
 */
const GRAPH_FILE = fileURLToPath(
  new URL("../../../shared/bench/microsoft-graph-v1.0.json", import.meta.url),
);

const SOURCES: Record<string, CaseSource> = {
  github: {
    label: "GitHub REST (@octokit/openapi)",
    heavy: true,
    source: "@octokit/openapi/generated/api.github.com.json",
  },
  graph: { label: "Microsoft Graph v1.0", heavy: true, source: { file: GRAPH_FILE } },
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

/**
 * Resolves case ids to files, writing synthetic specs into `workDir`. A case whose file is
 * not on this machine is left out, and `skip` says why.
 */
export function prepareCases(
  ids: string[],
  workDir: string,
  skip: (line: string) => void = () => {},
): GenerationCase[] {
  return ids.flatMap((id) => {
    const source = SOURCES[id];
    if (!source) throw new Error(`unknown case ${id}`);
    let file: string;
    if (typeof source.source === "number") {
      file = join(workDir, `${id}.json`);
      writeFileSync(file, `${JSON.stringify(syntheticSpec(source.source), null, 2)}\n`);
    } else if (typeof source.source === "object") {
      file = source.source.file;
      if (!existsSync(file)) {
        skip(`${id}: skipped, ${file} is not on this machine (the shared bench machines have it)`);
        return [];
      }
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
