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

/**
 * Where the walk is, as a chain of keys: the pointer text is built only for an example found
 * (formatting one for each of GitHub's ~1 M nodes cost more than the walk itself).
 */
interface At {
  up: At | undefined;
  key: string;
}

const under = (up: At | undefined, key: string | number): At => ({ up, key: String(key) });

function pointerOf(at: At | undefined): string {
  const keys: string[] = [];
  for (let node = at; node !== undefined; node = node.up) keys.push(node.key);
  return child("#", ...keys.reverse());
}

function visitSchema(walk: Walk, schema: unknown, at: At): void {
  if (!isObject(schema) || walk.seen.has(schema) || walk.nodes++ > MAX_NODES) return;
  walk.seen.add(schema);
  if (schema.example !== undefined) check(walk, schema, schema.example, under(at, "example"));
  // 3.1 (JSON Schema) `examples` is a list of values; in 3.0 it is no schema keyword.
  if (walk.ctx.is31 && Array.isArray(schema.examples)) {
    for (const [i, value] of schema.examples.slice(0, 8).entries())
      check(walk, schema, value, under(under(at, "examples"), i));
  }
  for (const key of ONE) if (isObject(schema[key])) visitSchema(walk, schema[key], under(at, key));
  for (const key of LIST) {
    const list = schema[key];
    if (!Array.isArray(list)) continue;
    const inList = under(at, key);
    for (let i = 0; i < list.length; i++) visitSchema(walk, list[i], under(inList, i));
  }
  for (const key of MAP) {
    const map = schema[key];
    if (!isObject(map)) continue;
    const inMap = under(at, key);
    for (const name of Object.keys(map)) visitSchema(walk, map[name], under(inMap, name));
  }
}

function check(walk: Walk, schema: JsonObject, value: unknown, at: At): void {
  const pointer = pointerOf(at);
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

/** `parentKey`, `grandKey`: the keys above `node`'s, which say where schemas start. */
function visitDocument(
  walk: Walk,
  node: unknown,
  at: At | undefined,
  parentKey: string | undefined,
  grandKey: string | undefined,
): void {
  if (!isObject(node) && !Array.isArray(node)) return;
  if (walk.nodes++ > MAX_NODES || walk.seen.has(node)) return;
  const visit = (key: string, value: unknown) => {
    if (key.startsWith("x-") || key === "example" || key === "examples") return;
    if (isSchemaPosition(key, parentKey, grandKey)) visitSchema(walk, value, under(at, key));
    else visitDocument(walk, value, under(at, key), key, parentKey);
  };
  if (Array.isArray(node)) for (let i = 0; i < node.length; i++) visit(String(i), node[i]);
  else for (const key of Object.keys(node)) visit(key, node[key]);
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
  visitDocument(
    { ctx, seen: new Set(), nodes: 0, reported },
    ctx.document,
    undefined,
    undefined,
    undefined,
  );
}
