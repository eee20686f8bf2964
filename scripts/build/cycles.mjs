#!/usr/bin/env node
// `npm run lint` step: fails when the sources import each other in a circle, type-only imports
// included (they tie the modules' meanings together just the same). Top-level import/export
// declarations only: a lazy `await import()` is how a command defers a stage, not a cycle.
// TypeScript's own parser reads the imports: nothing parses TypeScript by hand.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import ts from "typescript";
import { ROOT } from "./fresh.mjs";

const SOURCES = join(ROOT, "scripts");
const files = readdirSync(SOURCES, { recursive: true })
  .map(String)
  .filter((file) => file.endsWith(".ts") && !file.endsWith(".d.ts"))
  .map((file) => join(SOURCES, file));

function target(from, specifier) {
  if (!specifier.startsWith(".")) return undefined;
  const base = resolve(dirname(from), specifier);
  for (const candidate of [base, `${base}.ts`, join(base, "index.ts")]) {
    if (candidate.endsWith(".ts") && existsSync(candidate)) return candidate;
  }
  return undefined;
}

const graph = new Map();
for (const file of files) {
  const source = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.Latest);
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

if (cycles.length === 0) {
  process.stdout.write(`no import cycles (${graph.size} files)\n`);
} else {
  for (const cycle of cycles) {
    const names = cycle.map((f) => relative(ROOT, f));
    process.stderr.write(`import cycle: ${names.join(" ↔ ")}\n`);
  }
  process.stderr.write(
    "break each cycle: move the shared type into types.ts or pass a callback (see schema/translate.ts)\n",
  );
  process.exit(1);
}
