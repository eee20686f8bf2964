#!/usr/bin/env node
// `npm run lint` step: the layout rules of STYLE.md that no linter checks.
// - No import cycles, type-only imports included (they tie the modules' meanings together just
//   the same). Top-level import/export declarations only: a lazy `await import()` is how a
//   command defers a stage, not a cycle. TypeScript's own parser reads the imports.
// - No source file over MAX_LINES lines: past that a file is asking to be split. That holds for
//   the Postman scripts (scripts/postman/*.js) too: they are inlined, but written and read here.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import ts from "typescript";
import { ROOT } from "./fresh.mjs";

const SOURCES = join(ROOT, "scripts");
const MAX_LINES = 300;
const files = readdirSync(SOURCES, { recursive: true })
  .map(String)
  .filter((file) => file.endsWith(".ts") && !file.endsWith(".d.ts"))
  .map((file) => join(SOURCES, file));
const POSTMAN = join(SOURCES, "postman");
const postmanScripts = readdirSync(POSTMAN)
  .filter((file) => file.endsWith(".js"))
  .map((file) => join(POSTMAN, file));

function target(from, specifier) {
  if (!specifier.startsWith(".")) return undefined;
  const base = resolve(dirname(from), specifier);
  for (const candidate of [base, `${base}.ts`, join(base, "index.ts")]) {
    if (candidate.endsWith(".ts") && existsSync(candidate)) return candidate;
  }
  return undefined;
}

const graph = new Map();
const long = [];
function checkLength(file, text) {
  const lines = text.split("\n").length - (text.endsWith("\n") ? 1 : 0);
  if (lines > MAX_LINES)
    long.push(`${relative(ROOT, file)}: ${lines} lines (at most ${MAX_LINES})`);
}
for (const file of postmanScripts) checkLength(file, readFileSync(file, "utf8"));
for (const file of files) {
  const text = readFileSync(file, "utf8");
  checkLength(file, text);
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest);
  const imports = [];
  for (const statement of source.statements) {
    const specifier =
      (ts.isImportDeclaration(statement) || ts.isExportDeclaration(statement)) &&
      statement.moduleSpecifier &&
      ts.isStringLiteral(statement.moduleSpecifier)
        ? statement.moduleSpecifier.text
        : undefined;
    const found = specifier && target(file, specifier);
    if (found) imports.push(found);
  }
  graph.set(file, imports);
}

// Tarjan's strongly connected components: each component of more than one file is a cycle.
let index = 0;
const stack = [];
const meta = new Map();
const cycles = [];
function connect(file) {
  const node = { index, low: index, onStack: true };
  index += 1;
  meta.set(file, node);
  stack.push(file);
  for (const next of graph.get(file) ?? []) {
    if (!meta.has(next)) {
      connect(next);
      node.low = Math.min(node.low, meta.get(next).low);
    } else if (meta.get(next).onStack) {
      node.low = Math.min(node.low, meta.get(next).index);
    }
  }
  if (node.low !== node.index) return;
  const component = [];
  for (;;) {
    const member = stack.pop();
    meta.get(member).onStack = false;
    component.push(member);
    if (member === file) break;
  }
  if (component.length > 1) cycles.push(component.sort());
}
for (const file of [...graph.keys()].sort()) if (!meta.has(file)) connect(file);

for (const cycle of cycles) {
  process.stderr.write(`import cycle: ${cycle.map((f) => relative(ROOT, f)).join(" ↔ ")}\n`);
}
if (cycles.length > 0) {
  process.stderr.write(
    "  break each cycle: move the shared type into types.ts or pass a callback (see schema/translate.ts)\n",
  );
}
for (const line of long) process.stderr.write(`file too long: ${line}; split it by concern\n`);
if (cycles.length > 0 || long.length > 0) process.exit(1);
process.stdout.write(
  `layout: no import cycles, no file over ${MAX_LINES} lines (${files.length} files, ${postmanScripts.length} Postman scripts)\n`,
);
