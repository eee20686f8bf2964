import type { ModelContext } from "./context";
import { checkSpecExample } from "./examples";
import { child, isObject, type JsonObject } from "./resolve";

/** Schema nodes looked at per spec, at most (bounded work on Graph-sized specs). */
const MAX_NODES = 200_000;

/** Keys of a schema whose values are schemas, or maps / lists of them. */
const ONE = [
  "not",
  "if",
  "then",
  "else",
  "additionalProperties",
  "additionalItems",
  "contains",
  "propertyNames",
  "items",
];
const LIST = ["allOf", "anyOf", "oneOf", "prefixItems", "items"];
const MAP = ["properties", "patternProperties", "dependentSchemas", "$defs", "definitions"];

/** Where schemas start in an OpenAPI document (outside schemas themselves). */
function isSchemaPosition(
  key: string,
  parentKey: string | undefined,
  grandKey: string | undefined,
): boolean {
  if (key === "schema") return true;
  return parentKey === "schemas" && grandKey === "components";
}

interface Walk {
  ctx: ModelContext;
  seen: Set<object>;
  nodes: number;
  /** Pointers of examples already reported by the places that use them. */
  reported: Set<string>;
}

function visitSchema(walk: Walk, schema: unknown, pointer: string): void {
  if (!isObject(schema) || walk.seen.has(schema) || walk.nodes++ > MAX_NODES) return;
  walk.seen.add(schema);
  if (schema.example !== undefined) check(walk, schema, schema.example, child(pointer, "example"));
  // 3.1 (JSON Schema) `examples` is a list of values; in 3.0 it is no schema keyword.
  if (walk.ctx.is31 && Array.isArray(schema.examples)) {
    for (const [i, value] of schema.examples.slice(0, 8).entries())
      check(walk, schema, value, child(pointer, "examples", i));
  }
  for (const key of ONE)
    if (isObject(schema[key])) visitSchema(walk, schema[key], child(pointer, key));
  for (const key of LIST) {
    const list = schema[key];
    if (!Array.isArray(list)) continue;
    for (const [i, s] of list.entries()) visitSchema(walk, s, child(pointer, key, i));
  }
  for (const key of MAP) {
    const map = schema[key];
    if (isObject(map))
      for (const [name, s] of Object.entries(map)) visitSchema(walk, s, child(pointer, key, name));
  }
}

function check(walk: Walk, schema: JsonObject, value: unknown, pointer: string): void {
  if (walk.reported.has(pointer)) return;
  // The example belongs to this very schema, without it (a 3.0 `example` is no constraint).
  const { example: _example, examples: _examples, ...rest } = schema;
  checkSpecExample(
    walk.ctx,
    { value, pointer },
    rest,
    walk.ctx.schemas.response,
    "Data shaped like it fails the contract test",
  );
}

function visitDocument(walk: Walk, node: unknown, pointer: string, keys: string[]): void {
  if (!isObject(node) && !Array.isArray(node)) return;
  if (walk.nodes++ > MAX_NODES || walk.seen.has(node)) return;
  const entries: [string, unknown][] = Array.isArray(node)
    ? node.map((v, i) => [String(i), v])
    : Object.entries(node);
  for (const [key, value] of entries) {
    if (key.startsWith("x-") || key === "example" || key === "examples") continue;
    const at = child(pointer, key);
    if (isSchemaPosition(key, keys.at(-1), keys.at(-2))) visitSchema(walk, value, at);
    else visitDocument(walk, value, at, [...keys.slice(-2), key]);
  }
}

/**
 * Every schema-level and property-level example of the spec (component schemas, and schemas
 * written inline anywhere), checked against the schema it belongs to, at its own place:
 * examples that no request or response uses directly are the ones users never hear about
 * until a contract test trips over them. Those the model already judged are not repeated.
 */
export function checkSchemaExamples(ctx: ModelContext): void {
  const reported = new Set(
    ctx.problems
      .filter((p) => p.code === "invalid-example" && p.pointer)
      .map((p) => p.pointer as string),
  );
  visitDocument({ ctx, seen: new Set(), nodes: 0, reported }, ctx.document, "#", []);
}
