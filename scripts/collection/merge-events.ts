import type { PostmanEvent } from "./types";

/**
 * First line of the collection-level scripts: postman-sandbox (Newman's, and the Postman app's)
 * then skips setting up its legacy globals (`tests`, `responseBody`, `postman.*`), which these
 * scripts never use: about 1 ms of CPU less per script per request (GitHub on loopback). A
 * sandbox that does not know the marker runs it as the no-op statement it is.
 */
export const SANDBOX2_MARKER = '"use sandbox2";';

/** One part of a collection-level script: what it is for, and its event. */
export interface ScriptPart {
  label: string;
  event: PostmanEvent;
}

/**
 * The collection-level parts of one kind (`prerequest` or `test`) as ONE event. Every script the
 * sandbox runs costs each request a round trip into it (the bench measures ~4 ms on loopback,
 * more with many variables), whatever the script does, so five parts would cost five. Each part
 * keeps its own block (its `const`s stay its own) and its own `try`: a part that throws is one
 * failed test named after it, and the parts after it still run, as they did as events of their
 * own.
 *
 * Each part is ONE `exec` entry, its lines joined by line breaks: the sandbox gets the script
 * with every request, an entry at a time through its bridge, and each entry costs ~1.6 µs to
 * send whatever its length (GitHub's 712 lines: ~1.2 ms a request, a tenth of Newman's own
 * cost). Postman and Newman join the entries with line breaks, so the code, its line numbers
 * and what the app's editor shows are the same as one line an entry.
 */
export function mergeScriptParts(parts: readonly ScriptPart[]): PostmanEvent[] {
  const out: PostmanEvent[] = [];
  for (const listen of ["prerequest", "test"] as const) {
    const mine = parts.filter((part) => part.event.listen === listen);
    const only = mine[0];
    if (!only) continue;
    if (mine.length === 1) {
      const exec = [SANDBOX2_MARKER, only.event.script.exec.join("\n")];
      out.push({ ...only.event, script: { ...only.event.script, exec } });
      continue;
    }
    const exec = mine.map((part) =>
      [
        `// ── specpost: ${part.label} ──`,
        "try {",
        ...part.event.script.exec,
        `} catch (error) { pm.test(${JSON.stringify(`specpost script: ${part.label}`)}, () => { throw error; }); }`,
      ].join("\n"),
    );
    out.push({ listen, script: { type: "text/javascript", exec: [SANDBOX2_MARKER, ...exec] } });
  }
  return out;
}
