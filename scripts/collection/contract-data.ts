/**
 * The data constants inlined in front of generated Postman scripts, written and read back in
 * one place: `generate` writes them, the change summary reads them from the previous file.
 *
 * Shape: `const NAME = {` + one `"key": value,` line per entry + `};`. With `asJsonText`, each
 * value is its JSON text in a single-quoted string, parsed only when a request needs it: the
 * sandbox recompiles the script for every request, and building a big object literal costs
 * far more than scanning a string (GitHub's API: ~1 s against a few ms per request).
 */

const OPEN = /^const ([A-Z][A-Z0-9_]*) = \{$/;
// `s`: a value may hold U+2028/U+2029, which JSON leaves raw and `.` would not match.
const ENTRY = /^ {2}(?:\[)?"((?:[^"\\]|\\.)*)"\]?: '(.*)',$/s;

export function objectLines(
  name: string,
  entries: Map<string, unknown>,
  asJsonText = false,
): string[] {
  if (entries.size === 0) return [`const ${name} = {};`];
  const lines = [`const ${name} = {`];
  for (const [key, value] of entries) {
    const text = asJsonText ? singleQuoted(JSON.stringify(value)) : JSON.stringify(value);
    // A literal `"__proto__": x` would set the prototype instead of adding the key.
    const property = key === "__proto__" ? `[${JSON.stringify(key)}]` : JSON.stringify(key);
    lines.push(`  ${property}: ${text},`);
  }
  lines.push("};");
  return lines;
}

/** JSON text as a JS string literal: only `\` and `'` need escaping, so it stays readable. */
export function singleQuoted(json: string): string {
  return `'${json.replace(/\\/g, "\\\\").replace(/'/g, "\\'")}'`;
}

/** True for an entry line written by `objectLines(…, true)`. */
export const isDataLine = (line: string): boolean => ENTRY.test(line);

/**
 * A script's `exec` entries as lines: an entry may hold many (merge-events.ts), and a data
 * value never holds a raw line break (its JSON text escapes them). Anything but a string goes.
 */
export function scriptLines(entries: readonly unknown[]): string[] {
  return entries.flatMap((entry) => (typeof entry === "string" ? entry.split("\n") : []));
}

/**
 * The reverse of `objectLines(…, true)` over a script's `exec` entries: constant name → key →
 * the value's JSON text. Lines that are not data (the script around it) are skipped.
 */
export function readObjectLines(entries: readonly unknown[]): Map<string, Map<string, string>> {
  const out = new Map<string, Map<string, string>>();
  let current: Map<string, string> | undefined;
  for (const line of scriptLines(entries)) {
    const open = OPEN.exec(line);
    if (open?.[1]) {
      current = new Map();
      out.set(open[1], current);
      continue;
    }
    if (line === "};") current = undefined;
    const entry = current && ENTRY.exec(line);
    if (current && entry?.[1] !== undefined && entry[2] !== undefined) {
      current.set(JSON.parse(`"${entry[1]}"`) as string, entry[2].replace(/\\(.)/gs, "$1"));
    }
  }
  return out;
}
