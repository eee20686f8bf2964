import type { Finding } from "./finding";
import { parsePointer } from "./pointer";
import { collectRefs, type RefSite } from "./ref-sites";

/**
 * How many definitions deep a chain of `$ref`s may go. Real specs stay far below it (GitHub's
 * spec reaches 6, Microsoft Graph's 23); past it, the recursive walks of the
 * model, the schema core and the mock's router run out of stack.
 */
export const MAX_REF_DEPTH = 100;

/** `components/schemas/X` (3.x) or `definitions/X` (2.0): the definition a pointer lies in. */
function definitionOf(segments: readonly string[]): string | undefined {
  const size = segments[0] === "components" ? 3 : segments[0] === "paths" ? 0 : 2;
  if (size === 0 || segments.length < size) return undefined;
  return segments.slice(0, size).join("/");
}

/**
 * A located error when some chain of internal `$ref`s between definitions is longer than
 * MAX_REF_DEPTH. Cycles are fine (they are recursion, not depth). Iterative, so the check
 * itself cannot overflow the stack it guards. `sites`: the document's `$ref`s when already
 * collected (a spec without external refs: the walk for them costs 40 ms on GitHub's).
 */
export function checkRefDepth(
  doc: unknown,
  sites: readonly RefSite[] = collectRefs(doc, true),
): Finding[] {
  const edges = new Map<string, Set<string>>();
  const firstSite = new Map<string, string[]>();
  for (const site of sites) {
    const from = definitionOf(site.segments);
    const to = site.ref.startsWith("#") ? definitionOf(parsePointer(site.ref) ?? []) : undefined;
    if (!from || !to || from === to) continue;
    const out = edges.get(from) ?? new Set<string>();
    edges.set(from, out);
    out.add(to);
    if (!firstSite.has(from)) firstSite.set(from, site.segments);
  }
  const depth = new Map<string, number>();
  const onStack = new Set<string>();
  for (const start of edges.keys()) {
    if (depth.has(start)) continue;
    const stack: { node: string; children: string[] }[] = [
      { node: start, children: [...(edges.get(start) ?? [])] },
    ];
    onStack.add(start);
    while (stack.length > 0) {
      const top = stack[stack.length - 1] as { node: string; children: string[] };
      const child = top.children.pop();
      if (child === undefined) {
        let best = 0;
        for (const next of edges.get(top.node) ?? []) {
          if (!onStack.has(next)) best = Math.max(best, (depth.get(next) ?? 0) + 1);
        }
        depth.set(top.node, best);
        onStack.delete(top.node);
        stack.pop();
      } else if (!depth.has(child) && !onStack.has(child)) {
        onStack.add(child);
        stack.push({ node: child, children: [...(edges.get(child) ?? [])] });
      }
    }
  }
  let deepest: [string, number] | undefined;
  for (const entry of depth) if (!deepest || entry[1] > deepest[1]) deepest = entry;
  if (!deepest || deepest[1] <= MAX_REF_DEPTH) return [];
  const [name, levels] = deepest;
  return [
    {
      code: "ref-too-deep",
      severity: "error",
      segments: [...(firstSite.get(name) ?? name.split("/")), "$ref"],
      message: `$ref chain from ${name} goes ${levels} definitions deep, more than the ${MAX_REF_DEPTH} specpost follows; flatten the chain (refer to the last definition directly).`,
    },
  ];
}
