import type { OpenApiDocument } from "../load/types";
import type { OperationModel, ParameterModel } from "../model/types";
import { derefSchema } from "../schema/semantics";
import type { SchemaValidator } from "../schema/validator";

export interface ParameterInput {
  /** Path relative to the API's base path. */
  path: string;
  /** The query string without `?`, as sent. */
  rawQuery: string;
  headers: Record<string, string | string[] | undefined>;
  /** The path template's values as the router matched them (still percent-encoded). */
  pathParams?: Record<string, string>;
}

type Kind = "array" | "object" | "primitive";
type Raw = string | string[] | undefined;

const LABELS = {
  path: "path parameter",
  query: "query parameter",
  header: "header",
  cookie: "cookie",
};
/** OpenAPI: header parameters with these names SHALL be ignored. */
const IGNORED_HEADERS = new Set(["accept", "content-type", "authorization"]);

function kindOf(parameter: ParameterModel, document: OpenApiDocument): Kind {
  const schema = derefSchema(document, parameter.schema) as Record<string, unknown> | undefined;
  if (typeof schema !== "object" || schema === null) return "primitive";
  const types = Array.isArray(schema.type) ? schema.type : [schema.type];
  if (types.includes("array") || (schema.items !== undefined && schema.type === undefined))
    return "array";
  if (types.includes("object") || (schema.properties !== undefined && schema.type === undefined))
    return "object";
  return "primitive";
}

function decode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text; // a stray `%` is kept as sent, the schema decides
  }
}

/** Values of the path template's `{name}`s in `path` (matched again: routing already passed). */
function pathValues(template: string, path: string): Map<string, string> {
  const names: string[] = [];
  const pattern = template
    .replace(/[.*+?^$()|[\]\\]/g, "\\$&")
    .replace(/\{([^}]*)\}/g, (_whole, name: string) => {
      names.push(name);
      return "([^/]*)";
    });
  const match = new RegExp(`^${pattern}/?$`).exec(path);
  return new Map(names.map((name, index) => [name, decode(match?.[index + 1] ?? "")]));
}

function pairsToObject(parts: string[]): Record<string, string> {
  const object: Record<string, string> = {};
  for (let i = 0; i + 1 < parts.length; i += 2) object[parts[i] as string] = parts[i + 1] as string;
  return object;
}

function assignmentsToObject(parts: string[]): Record<string, string> {
  return Object.fromEntries(
    parts.map((part) => {
      const eq = part.indexOf("=");
      return eq < 0 ? [part, ""] : [part.slice(0, eq), part.slice(eq + 1)];
    }),
  );
}

/** Objects inside arrays travel as JSON (there is no style for them): `{"a":1},{"a":2}`. */
function jsonItems(text: string): unknown[] | undefined {
  if (!text.startsWith("{") && !text.startsWith("[")) return undefined;
  try {
    return JSON.parse(`[${text}]`) as unknown[];
  } catch {
    return undefined;
  }
}

/** `simple` style (path and header), also after label/matrix prefixes are gone. */
function simple(text: string, kind: Kind, explode: boolean, separator = ","): unknown {
  if (kind === "array") return text === "" ? [] : (jsonItems(text) ?? text.split(separator));
  if (kind === "object") {
    const parts = text === "" ? [] : text.split(separator);
    return explode ? assignmentsToObject(parts) : pairsToObject(parts);
  }
  return text;
}

function pathValue(parameter: ParameterModel, text: string, kind: Kind): unknown {
  const explode = parameter.explode ?? false;
  if (parameter.style === "label") {
    const bare = text.startsWith(".") ? text.slice(1) : text;
    return simple(bare, kind, explode, explode && kind === "array" ? "." : ",");
  }
  if (parameter.style === "matrix") {
    const prefix = `;${parameter.name}=`;
    if (explode && kind === "array") return text.split(prefix).filter((part) => part !== "");
    return simple(text.startsWith(prefix) ? text.slice(prefix.length) : text, kind, explode);
  }
  return simple(text, kind, explode);
}

function queryValue(
  parameter: ParameterModel,
  pairs: [string, string][],
  kind: Kind,
  declared: Set<string>,
): unknown {
  const style = parameter.style ?? "form";
  const explode = parameter.explode ?? style === "form";
  const own = pairs.filter(([key]) => key === parameter.name).map(([, value]) => value);
  if (style === "deepObject") {
    const prefix = `${parameter.name}[`;
    const entries = pairs
      .filter(([key]) => key.startsWith(prefix) && key.endsWith("]"))
      .map(([key, value]) => [key.slice(prefix.length, -1), value]);
    return entries.length > 0 ? Object.fromEntries(entries) : undefined;
  }
  if (kind === "object" && explode) {
    // Exploded form objects spread their properties over the query: take what no other parameter claims.
    const entries = pairs.filter(([key]) => !declared.has(key));
    return entries.length > 0 ? Object.fromEntries(entries) : undefined;
  }
  if (own.length === 0) return undefined;
  if (kind === "array" && explode) return own;
  const separator = style === "spaceDelimited" ? " " : style === "pipeDelimited" ? "|" : ",";
  return simple(own[0] as string, kind, false, separator);
}

function header(input: ParameterInput, name: string): string | undefined {
  const value: Raw = input.headers[name.toLowerCase()];
  return Array.isArray(value) ? value.join(",") : value;
}

function cookieValue(input: ParameterInput, name: string): string | undefined {
  for (const part of (header(input, "cookie") ?? "").split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0 && part.slice(0, eq).trim() === name) return decode(part.slice(eq + 1).trim());
  }
  return undefined;
}

/**
 * Checks the path, query, header and cookie parameters of a request against the operation:
 * values are read back following `style`/`explode` (as the generated collection writes them),
 * coerced from text like a server framework would, and validated against their schemas.
 */
export function checkParameters(
  operation: OperationModel,
  input: ParameterInput,
  document: OpenApiDocument,
  validator: SchemaValidator,
): string[] {
  const pairs = [...new URLSearchParams(input.rawQuery)];
  const declared = new Set(operation.parameters.filter((p) => p.in === "query").map((p) => p.name));
  const pathParams = input.pathParams
    ? new Map(Object.entries(input.pathParams).map(([name, raw]) => [name, decode(raw)]))
    : pathValues(operation.path, input.path);
  const problems: string[] = [];
  for (const parameter of operation.parameters) {
    if (parameter.in === "header" && IGNORED_HEADERS.has(parameter.name.toLowerCase())) continue;
    const kind = kindOf(parameter, document);
    let value: unknown;
    if (parameter.in === "path")
      value = pathValue(parameter, pathParams.get(parameter.name) ?? "", kind);
    else if (parameter.in === "query") value = queryValue(parameter, pairs, kind, declared);
    else {
      const text =
        parameter.in === "header"
          ? header(input, parameter.name)
          : cookieValue(input, parameter.name);
      value =
        text === undefined
          ? undefined
          : simple(text, kind, parameter.explode ?? parameter.in === "cookie");
    }
    const label = `${LABELS[parameter.in]} '${parameter.name}'`;
    if (value === undefined) {
      if (parameter.required) problems.push(`${label} is required`);
      continue;
    }
    const result = validator.check(parameter.schema, value, "request", { coerce: true });
    for (const issue of result.issues) {
      problems.push(`${label}${issue.path ? ` at ${issue.path}` : ""} ${issue.message}`);
    }
  }
  return problems;
}
