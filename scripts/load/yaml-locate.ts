import type { Alias, Document, Node, Pair, Scalar, YAMLMap, YAMLSeq } from "yaml";
import { yaml } from "./yaml-lib";

// yaml's node tests, through the lazily loaded package.
const isAlias = (node: unknown): node is Alias => yaml().isAlias(node);
const isMap = (node: unknown): node is YAMLMap => yaml().isMap(node);
const isScalar = (node: unknown): node is Scalar => yaml().isScalar(node);
const isSeq = (node: unknown): node is YAMLSeq => yaml().isSeq(node);

/** Where a pointer segment leads in the YAML node tree. */
interface Step {
  offset: number;
  node: unknown;
}

function keyText(pair: Pair): string | undefined {
  const key = pair.key;
  if (isScalar(key)) return String(key.value);
  return key === null || key === undefined ? undefined : String(key);
}

function nodeOffset(node: unknown): number | undefined {
  const range = (node as Node | null)?.range;
  return range ? range[0] : undefined;
}

function memberStep(
  doc: Document,
  map: unknown,
  segment: string,
  seen: Set<unknown>,
): Step | undefined {
  if (!isMap(map) || seen.has(map)) return undefined;
  seen.add(map);
  for (const pair of map.items) {
    if (keyText(pair) === segment) {
      const offset = nodeOffset(pair.key) ?? nodeOffset(pair.value);
      return offset === undefined ? undefined : { offset, node: pair.value };
    }
  }
  // Merge keys (`<<: *base`) bring members in from elsewhere; point at those.
  for (const pair of map.items) {
    if (keyText(pair) !== "<<") continue;
    const sources = isSeq(pair.value) ? pair.value.items : [pair.value];
    for (const source of sources) {
      const found = memberStep(doc, resolveAlias(doc, source), segment, seen);
      if (found) return found;
    }
  }
  return undefined;
}

function resolveAlias(doc: Document, node: unknown): unknown {
  let current = node;
  for (let hops = 0; isAlias(current) && hops < 100; hops++) current = current.resolve(doc);
  return current;
}

/**
 * Offset of the deepest existing node on the path: the key of a mapping member, the first
 * character of a sequence item, 0 for the root. Aliases are followed to their anchors.
 */
export function yamlPointerOffset(doc: Document, segments: readonly string[]): number {
  let node: unknown = doc.contents;
  let offset = 0;
  for (const segment of segments) {
    node = resolveAlias(doc, node);
    let step: Step | undefined;
    if (isMap(node)) step = memberStep(doc, node, segment, new Set());
    else if (isSeq(node) && /^(0|[1-9]\d*)$/.test(segment)) {
      const item = node.items[Number(segment)];
      const itemOffset = nodeOffset(item);
      if (itemOffset !== undefined) step = { offset: itemOffset, node: item };
    }
    if (!step) break;
    offset = step.offset;
    node = step.node;
  }
  return offset;
}
