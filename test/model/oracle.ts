import Ajv, { type ValidateFunction } from "ajv";
import Ajv2020 from "ajv/dist/2020";
import addFormats from "ajv-formats";

/**
 * Ajv 8 as an independent judge of examples. The OpenAPI dialect is mapped onto JSON Schema
 * the simplest honest way, once per document:
 * - 3.0 → draft-07: `$ref` siblings dropped (3.0 ignores them), boolean exclusiveMinimum/
 *   exclusiveMaximum turned numeric, `nullable` kept (Ajv reads it) unless there is no `type`.
 * - 3.1 → 2020-12 as is, `nullable` (not a 3.1 keyword) dropped.
 * - request mode: readOnly properties are not required (OpenAPI: "SHOULD NOT be sent").
 * Example values (`example`, `examples`) are not walked: they are data, not schemas.
 */
export interface Oracle {
  /** undefined when valid, else Ajv's first error; "compile" when Ajv rejects the schema. */
  check(schemaPointer: string, value: unknown): string | undefined;
}

const BASE = "https://specpost.test/doc.json";

export function createOracle(document: object, mode: "request" | "response"): Oracle {
  const is31 = String((document as { openapi?: unknown }).openapi).startsWith("3.1");
  const copy = structuredClone(document) as Record<string, unknown>;
  transform(copy, is31, mode, copy);
  const options = {
    strict: false,
    allErrors: false,
    logger: false,
    validateSchema: false,
  } as const;
  const ajv = is31 ? new Ajv2020(options) : new Ajv(options);
  addFormats(ajv);
  ajv.addSchema({ ...copy, $id: BASE }, undefined, undefined, false);
  const compiled = new Map<string, ValidateFunction | null>();
  return {
    check(schemaPointer, value) {
      let validate = compiled.get(schemaPointer);
      if (validate === undefined) {
        try {
          validate = ajv.compile({ $ref: `${BASE}#${encodePointer(schemaPointer)}` });
        } catch {
          validate = null;
        }
        compiled.set(schemaPointer, validate);
      }
      if (validate === null) return "compile";
      if (validate(value)) return undefined;
      const error = validate.errors?.[0];
      return `${error?.instancePath ?? ""} ${error?.message ?? "invalid"}`;
    },
  };
}

/** `#/paths/~1pets~1{id}/get` → `/paths/~1pets~1%7Bid%7D/get` (fragment-safe). */
function encodePointer(pointer: string): string {
  return pointer
    .replace(/^#/, "")
    .split("/")
    .map((segment) => encodeURIComponent(segment).replace(/%7E/gi, "~"))
    .join("/");
}

type Node = Record<string, unknown>;
const isNode = (v: unknown): v is Node => typeof v === "object" && v !== null && !Array.isArray(v);

function transform(
  node: unknown,
  is31: boolean,
  mode: string,
  root: Node,
  seen = new Set<unknown>(),
): void {
  if (Array.isArray(node)) {
    for (const item of node) transform(item, is31, mode, root, seen);
    return;
  }
  if (!isNode(node) || seen.has(node)) return;
  seen.add(node);
  if (typeof node.$ref === "string" && !is31) {
    for (const key of Object.keys(node)) if (key !== "$ref") delete node[key];
    return;
  }
  if (is31 || node.type === undefined) delete node.nullable;
  for (const [bound, exclusive] of [
    ["minimum", "exclusiveMinimum"],
    ["maximum", "exclusiveMaximum"],
  ] as const) {
    if (typeof node[exclusive] === "boolean") {
      if (node[exclusive] === true && typeof node[bound] === "number")
        node[exclusive] = node[bound];
      else delete node[exclusive];
      if (typeof node[exclusive] === "number") delete node[bound];
    }
  }
  if (Array.isArray(node.required) && isNode(node.properties)) {
    const properties = node.properties;
    const flag = mode === "request" ? "readOnly" : "writeOnly";
    node.required = node.required.filter(
      (name) => !hidden(properties[name as string], flag, root, is31),
    );
  }
  for (const [key, value] of Object.entries(node)) {
    if (
      key === "example" ||
      key === "examples" ||
      key === "default" ||
      key === "enum" ||
      key === "const"
    )
      continue;
    transform(value, is31, mode, root, seen);
  }
}

function hidden(schema: unknown, flag: string, root: Node, is31: boolean): boolean {
  let node = schema;
  for (let i = 0; i < 4 && isNode(node); i++) {
    const ref = node.$ref;
    // 3.0 ignores the siblings of a $ref; 3.1 applies them.
    if ((is31 || typeof ref !== "string") && node[flag] === true) return true;
    if (typeof ref !== "string" || !ref.startsWith("#/")) return false;
    node = ref
      .slice(2)
      .split("/")
      .map((s) => decodeURIComponent(s).replace(/~1/g, "/").replace(/~0/g, "~"))
      .reduce<unknown>((at, s) => (isNode(at) ? at[s] : undefined), root);
  }
  return false;
}
