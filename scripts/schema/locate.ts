import { escapeSegment } from "../load/pointer";

/**
 * Where an object sits in the document, for problems in schemas handed to `translate`
 * without a pointer. Built on first use only (one walk of the document), since most
 * registries never report a problem.
 */
export function createObjectLocator(document: unknown): (node: object) => string | undefined {
  let pointers: WeakMap<object, string> | undefined;
  return (node) => {
    if (pointers === undefined) pointers = indexObjects(document);
    return pointers.get(node);
  };
}

function indexObjects(document: unknown): WeakMap<object, string> {
  const pointers = new WeakMap<object, string>();
  const pending: [unknown, string][] = [[document, "#"]];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const [node, pointer] = next;
    if (node === null || typeof node !== "object" || pointers.has(node)) continue;
    pointers.set(node, pointer);
    for (const [key, value] of Object.entries(node)) {
      if (value !== null && typeof value === "object") {
        pending.push([value, `${pointer}/${escapeSegment(key)}`]);
      }
    }
  }
  return pointers;
}
