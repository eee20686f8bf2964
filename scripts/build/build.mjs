#!/usr/bin/env node
// `npm run build`: bundles the CLI (and the benchmark's child processes) into dist/ so a
// run skips tsx's per-start transpiling. npm packages stay imports of node_modules; the
// Postman .js scripts stay files read at run time (scripts/assets.ts finds them).
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import { parseArgs } from "node:util";
import { build } from "esbuild";
import { DIST, ROOT } from "./fresh.mjs";

// --out-dir lets tests build elsewhere without replacing the dist/ other runs may be using.
// It must stay inside the project: the bundle finds scripts/postman/ from package.json.
const { values } = parseArgs({ options: { "out-dir": { type: "string" } } });
const OUT = values["out-dir"] ? resolve(values["out-dir"]) : DIST;
const inside = relative(ROOT, OUT);
// The folder is emptied first: refuse anything that is not a build folder of this project.
if (
  inside === "" ||
  inside.startsWith("..") ||
  /^(?:bin|node_modules|scripts|specs|test)(?:[\\/]|$)/.test(inside)
) {
  process.stderr.write(`specpost build: --out-dir must be a new folder inside ${ROOT}\n`);
  process.exit(2);
}

const ENTRIES = {
  specpost: "scripts/cli.ts",
  // `generate` runs the pipeline in this worker thread (scripts/commands/generate-thread.ts).
  "generate-worker": "scripts/commands/generate-worker.ts",
  // `run --parallel N` runs Newman in these worker threads (scripts/run/newman-thread.ts).
  "newman-worker": "scripts/run/newman-worker.ts",
  "bench/child-specpost": "scripts/bench/child-specpost.ts",
  "bench/newman-child": "scripts/bench/newman-child.ts",
};

/**
 * Keeps npm packages external, but spells out deep imports Node's ESM resolver cannot find
 * on its own ("ajv-formats/dist/formats" → ".../formats.js"): tsx and esbuild add the
 * extension, Node does not for a package without an "exports" map.
 */
const externalPackages = {
  name: "external-packages",
  setup(builder) {
    builder.onResolve({ filter: /^[^./]/ }, async (args) => {
      if (args.pluginData === "inner" || args.path.startsWith("node:")) return undefined;
      const parts = args.path.split("/");
      const nameLength = args.path.startsWith("@") ? 2 : 1;
      const name = parts.slice(0, nameLength).join("/");
      if (parts.length === nameLength) return { path: args.path, external: true };
      const resolved = await builder.resolve(args.path, {
        kind: args.kind,
        resolveDir: args.resolveDir,
        pluginData: "inner",
      });
      if (resolved.errors.length > 0) return { errors: resolved.errors };
      const marker = `${sep}node_modules${sep}${name.split("/").join(sep)}${sep}`;
      const at = resolved.path.lastIndexOf(marker);
      const manifest =
        at < 0 ? "" : join(resolved.path.slice(0, at + marker.length), "package.json");
      const hasExports =
        manifest !== "" &&
        existsSync(manifest) &&
        JSON.parse(readFileSync(manifest, "utf8")).exports !== undefined;
      if (at < 0 || hasExports) return { path: args.path, external: true };
      const subpath = resolved.path
        .slice(at + marker.length)
        .split(sep)
        .join("/");
      return { path: `${name}/${subpath}`, external: true };
    });
  },
};

// Entry files last: bin/ checks their mtime, so a build cut short leaves no entry to trust.
const isEntry = (path) => Object.keys(ENTRIES).some((name) => path === join(OUT, `${name}.mjs`));

try {
  const result = await build({
    absWorkingDir: ROOT,
    entryPoints: Object.fromEntries(
      Object.entries(ENTRIES).map(([name, file]) => [name, join(ROOT, file)]),
    ),
    outdir: OUT,
    outExtension: { ".js": ".mjs" },
    chunkNames: "chunks/[name]-[hash]",
    bundle: true,
    // Splitting keeps the commands' dynamic imports lazy: `generate` does not load fastify.
    splitting: true,
    format: "esm",
    platform: "node",
    target: "node20",
    plugins: [externalPackages],
    sourcemap: "linked",
    write: false,
    logLevel: "warning",
  });
  rmSync(OUT, { recursive: true, force: true });
  const files = [...result.outputFiles].sort((a, b) => isEntry(a.path) - isEntry(b.path));
  for (const file of files) {
    mkdirSync(dirname(file.path), { recursive: true });
    writeFileSync(file.path, file.contents);
  }
  const entries = files.filter((file) => isEntry(file.path)).map((f) => relative(ROOT, f.path));
  process.stdout.write(`specpost: built ${entries.join(", ")}\n`);
} catch {
  // esbuild has already printed each error with file:line:col.
  process.stderr.write("specpost: build failed; bin/specpost.mjs keeps using tsx\n");
  process.exitCode = 1;
}
