/**
 * Makes OpenAPI schemas digestible for Ajv 8 without changing what they accept:
 * OpenAPI 3.0 `nullable`, boolean `exclusiveMinimum`/`exclusiveMaximum`, and `readOnly` /
 * `writeOnly` properties that must not be required in one direction.
 *
 * It walks the whole document generically (schemas can sit anywhere a bundled `$ref` points),
 * never descending into data (`example`, `default`, `enum`, `const`, extensions), and only
 * rewrites keys whose value has the shape of the keyword (`nullable: true`, not a property
 * that happens to be called `nullable`).
 */

export type Direction = "request" | "response";

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

const DATA_KEYS = new Set(["example", "examples", "default", "enum", "const"]);
/** Maps whose keys are names (a property may well be called `default`), not keywords. */
const NAME_MAPS = new Set(["properties", "patternProperties", "definitions", "$defs", "schemas"]);

export interface NormalizeOptions {
  direction: Direction;
  /** The whole document, to look through `$ref`s for `readOnly`/`writeOnly` properties. */
  document: unknown;
  /** Prefix for internal `$ref`s (`#/...`), so a schema compiled alone still reaches the document. */
  refBase?: string;
}

const isObject = (value: unknown): value is JsonObject =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** Resolves an internal `$ref` chain to its target, or undefined when it leads nowhere. */
export function resolvePointer(document: unknown, ref: string): unknown {
  if (!ref.startsWith("#")) return undefined;
  let node: unknown = document;
  for (const raw of ref.slice(1).split("/").slice(1)) {
    const key = decodeURIComponent(raw).replace(/~1/g, "/").replace(/~0/g, "~");
    if (!isObject(node) && !Array.isArray(node)) return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

/** Follows internal `$ref`s until a node that is not one (undefined if the chain breaks). */
export function deref(document: unknown, schema: unknown): unknown {
  let current = schema;
  for (let hops = 0; hops < 32 && isObject(current) && typeof current.$ref === "string"; hops++) {
    current = resolvePointer(document, current.$ref);
  }
  return current;
}

function hiddenProperties(node: JsonObject, options: NormalizeOptions): Set<string> {
  const hidden = new Set<string>();
  if (!isObject(node.properties)) return hidden;
  const flag = options.direction === "request" ? "readOnly" : "writeOnly";
  for (const [name, property] of Object.entries(node.properties)) {
    const target = deref(options.document, property);
    if (isObject(target) && target[flag] === true) hidden.add(name);
  }
  return hidden;
}

function normalizeNode(node: Json, options: NormalizeOptions, parentKey = ""): Json {
  if (Array.isArray(node)) return node.map((item) => normalizeNode(item, options));
  if (!isObject(node)) return node;

  const out: JsonObject = {};
  if (NAME_MAPS.has(parentKey)) {
    for (const [key, value] of Object.entries(node)) out[key] = normalizeNode(value, options);
    return out;
  }
  for (const [key, value] of Object.entries(node)) {
    const isData = DATA_KEYS.has(key) || key.startsWith("x-");
    out[key] = isData ? value : normalizeNode(value, options, key);
  }
  if (typeof out.$ref === "string" && out.$ref.startsWith("#") && options.refBase) {
    out.$ref = `${options.refBase}${out.$ref}`;
  }
  for (const [exclusive, bound] of [
    ["exclusiveMinimum", "minimum"],
    ["exclusiveMaximum", "maximum"],
  ] as const) {
    if (typeof out[exclusive] !== "boolean") continue;
    if (out[exclusive] === true && typeof out[bound] === "number") {
      out[exclusive] = out[bound];
      delete out[bound];
    } else {
      delete out[exclusive];
    }
  }
  if (Array.isArray(out.required) && out.required.every((name) => typeof name === "string")) {
    const hidden = hiddenProperties(node, options);
    if (hidden.size > 0) out.required = out.required.filter((name) => !hidden.has(name as string));
  }
  // With a discriminator, branches often overlap (every pet is an object with a name): the
  // discriminator, not "exactly one", picks the branch. anyOf accepts what OpenAPI accepts.
  if (out.discriminator !== undefined && Array.isArray(out.oneOf) && out.anyOf === undefined) {
    out.anyOf = out.oneOf;
    delete out.oneOf;
  }
  if (typeof out.nullable === "boolean") return withNullable(out);
  return out;
}

function withNullable(schema: JsonObject): Json {
  const { nullable, ...rest } = schema;
  if (nullable !== true) return rest;
  if (Array.isArray(rest.enum) && !rest.enum.includes(null)) rest.enum = [...rest.enum, null];
  if (typeof rest.type === "string") return { ...rest, type: [rest.type, "null"] };
  if (Array.isArray(rest.type)) {
    return rest.type.includes("null") ? rest : { ...rest, type: [...rest.type, "null"] };
  }
  // No type of its own (a $ref, allOf, ...): null is one more alternative.
  return { anyOf: [{ type: "null" }, rest] };
}

/** A normalised deep copy; the input is never modified. */
export function normalizeSchemas<T>(node: T, options: NormalizeOptions): T {
  return normalizeNode(node as Json, options) as T;
}
