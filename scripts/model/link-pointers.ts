import { followRefs, isObject } from "./resolve";
import type { ResponseModel } from "./types";

/** Deeper pointers are rare and the walk only has to catch the plain mistakes. */
const MAX_STEPS = 32;

const isArraySchema = (node: Record<string, unknown>) =>
  node.type === "array" ||
  (Array.isArray(node.type) && node.type.every((t) => t === "array" || t === "null"));

/**
 * Why a link's `$response.body#/…` pointer can never find a value in `response`'s JSON body,
 * or undefined when it may (the walk stops, unsure, at anything but plain objects and arrays:
 * compositions, additionalProperties, a schema it cannot follow). The spec's own example of
 * links points `#/slug` into a body that is an array of repositories: the consumers would be
 * skipped on every run, against any server.
 */
export function unreachablePointer(
  document: unknown,
  response: ResponseModel,
  pointer: readonly string[],
): string | undefined {
  const schema = response.contents.find((c) => c.schema !== undefined)?.schema;
  let node: unknown = schema;
  let at = "the body";
  for (const step of pointer.slice(0, MAX_STEPS)) {
    const resolved = followRefs(document, node, "#");
    if (!resolved.ok || !isObject(resolved.value)) return undefined;
    const current = resolved.value;
    if (current.allOf || current.anyOf || current.oneOf) return undefined;
    if (isArraySchema(current)) {
      if (!/^(0|[1-9]\d*)$/.test(step)) return `${at} is an array, which has no "${step}"`;
      node = current.items;
    } else if (isObject(current.properties) && Object.hasOwn(current.properties, step)) {
      node = current.properties[step];
    } else if (current.additionalProperties === false && isObject(current.properties)) {
      return `${at} is an object without a property "${step}"`;
    } else {
      return undefined;
    }
    at = `${at}/${step}`;
  }
  return undefined;
}
