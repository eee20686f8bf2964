import type { Finding } from "./finding";
import { isObject } from "./pointer";
import type { SpecVersion } from "./types";

/** Keys under which a schema (or a map or list of schemas) must sit. */
const SCHEMA_KEYS = new Set([
  "schema",
  "items",
  "not",
  "additionalItems",
  "contains",
  "propertyNames",
]);
const SCHEMA_MAPS = new Set(["properties", "patternProperties", "definitions", "$defs", "schemas"]);
const SCHEMA_LISTS = new Set(["allOf", "anyOf", "oneOf", "prefixItems"]);
/** Data, not structure: a `schema` key inside an example is the example's business. */
const DATA_KEYS = new Set(["example", "examples", "default", "enum", "const", "x-examples"]);
/** Findings beyond this are noise: the first ones say what is wrong. */
const MAX_FINDINGS = 50;

/**
 * A string, number or list where a schema belongs (`schema: "hello"`) would otherwise become
 * `{}`, which accepts any body. Walks the whole written document once, iteratively.
 */
export function checkSchemaPositions(doc: unknown, version: SpecVersion): Finding[] {
  const findings: Finding[] = [];
  const seen = new WeakSet<object>();
  const stack: { value: unknown; segments: string[] }[] = [{ value: doc, segments: [] }];
  const schema = (value: unknown, segments: string[]) => {
    if (isObject(value) || (version === "3.1" && typeof value === "boolean")) {
      stack.push({ value, segments });
      return;
    }
    if (typeof value === "boolean" && segments.at(-1) !== "schema") return;
    if (findings.length >= MAX_FINDINGS) return;
    findings.push({
      code: "invalid-type",
      severity: "error",
      segments,
      message: `Expected a schema (an object such as { type: string }) but found ${shown(value)}; write the schema as an object, or a $ref to one.`,
    });
  };
  for (let next = stack.pop(); next; next = stack.pop()) {
    const { value, segments } = next;
    if (!isObject(value) || seen.has(value)) continue;
    seen.add(value);
    for (const [key, child] of Object.entries(value)) {
      if (DATA_KEYS.has(key) || key.startsWith("x-")) continue;
      const at = [...segments, key];
      if (SCHEMA_KEYS.has(key)) {
        if (!Array.isArray(child)) schema(child, at);
        else for (const [i, entry] of child.entries()) schema(entry, [...at, String(i)]);
      } else if (SCHEMA_MAPS.has(key) && isObject(child) && inSchemaContext(key, segments)) {
        for (const [name, entry] of Object.entries(child)) schema(entry, [...at, name]);
      } else if (SCHEMA_LISTS.has(key) && Array.isArray(child)) {
        for (const [i, entry] of child.entries()) schema(entry, [...at, String(i)]);
      } else if (typeof child === "object" && child !== null) {
        stack.push({ value: child, segments: at });
      }
    }
  }
  return findings;
}

/** `schemas` is a schema map only as `components.schemas`; `definitions` only at the top or in a schema. */
function inSchemaContext(key: string, parent: readonly string[]): boolean {
  if (key === "schemas") return parent.length === 1 && parent[0] === "components";
  return true;
}

function shown(value: unknown): string {
  if (typeof value === "string")
    return `the string "${value.length > 40 ? `${value.slice(0, 40)}…` : value}"`;
  if (Array.isArray(value)) return "a list";
  return value === null ? "an empty value" : `${typeof value} ${String(value)}`;
}
