import type { ParameterModel } from "../model/types";

/**
 * Example values → the strings Postman sends, following OpenAPI's `style`/`explode` rules so
 * a server that validates parameters reads back the value the example describes.
 */

/** One value as text: JSON for objects and arrays (whose keys keep the spec's order). */
export function scalarText(value: unknown): string {
  if (value === undefined || value === null) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean" || typeof value === "bigint") {
    return String(value);
  }
  return JSON.stringify(value);
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === "object" && !Array.isArray(value);

function delimiter(style: string | undefined): string {
  if (style === "spaceDelimited") return " ";
  if (style === "pipeDelimited") return "|";
  return ",";
}

/** Query parameter → `key=value` pairs (an exploded array or object gives several). */
export function queryPairs(param: ParameterModel): Array<{ key: string; value: string }> {
  const { name, example } = param;
  const style = param.style ?? "form";
  const explode = param.explode ?? style === "form";
  if (Array.isArray(example)) {
    if (explode && style === "form") {
      return example.map((item) => ({ key: name, value: scalarText(item) }));
    }
    return [{ key: name, value: example.map(scalarText).join(delimiter(style)) }];
  }
  if (isPlainObject(example)) {
    const entries = Object.entries(example).filter(([, v]) => v !== undefined);
    if (style === "deepObject") {
      return entries.map(([k, v]) => ({ key: `${name}[${k}]`, value: scalarText(v) }));
    }
    if (explode) return entries.map(([k, v]) => ({ key: k, value: scalarText(v) }));
    return [{ key: name, value: entries.flatMap(([k, v]) => [k, scalarText(v)]).join(",") }];
  }
  return [{ key: name, value: scalarText(example) }];
}

/** Header or path parameter in `simple` style (the only style headers have). */
export function simpleText(value: unknown, explode: boolean): string {
  if (Array.isArray(value)) return value.map(scalarText).join(",");
  if (isPlainObject(value)) {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined);
    return explode
      ? entries.map(([k, v]) => `${k}=${scalarText(v)}`).join(",")
      : entries.flatMap(([k, v]) => [k, scalarText(v)]).join(",");
  }
  return scalarText(value);
}

/** Path parameter value, with the `label` (`.v`) and `matrix` (`;name=v`) prefixes. */
export function pathText(param: ParameterModel): string {
  const explode = param.explode ?? false;
  const text = simpleText(param.example, explode);
  if (param.style === "label") return `.${text}`;
  if (param.style === "matrix") return `;${param.name}=${text}`;
  return text;
}

// Postman substitutes variables into the URL as text and parses the result again, so a raw
// `&`, `#` or `?` inside a value would split it (measured under Newman 6.2.2). Encode exactly
// the characters that change the URL's structure, `%` first; Postman encodes spaces itself and
// keeps existing escapes, and the rest stays readable in the Postman app.
const QUERY_UNSAFE = /[%&=#+{}]/g;
const PATH_UNSAFE = /[%/?#{}]/g;
const escapeChar = (c: string) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0")}`;

/** A query key or value as it goes into a Postman URL. */
export const encodeQueryText = (text: string): string => text.replace(QUERY_UNSAFE, escapeChar);

/** A path parameter value as it goes into a Postman URL. */
export const encodePathText = (text: string): string => text.replace(PATH_UNSAFE, escapeChar);

const VARIABLE = /\{\{[^{}]+\}\}/g;

/** An encoder that leaves `{{name}}` references whole and encodes the text around them. */
export function keepingVariables(encode: (text: string) => string): (text: string) => string {
  return (text) => {
    let out = "";
    let last = 0;
    for (const match of text.matchAll(VARIABLE)) {
      out += encode(text.slice(last, match.index)) + match[0];
      last = match.index + match[0].length;
    }
    return out + encode(text.slice(last));
  };
}

/**
 * OpenAPI says these header parameters are ignored (content negotiation and auth have their
 * own places); sending the example would clash with the body's and the auth's own headers.
 */
export const IGNORED_HEADER_PARAMS = new Set(["accept", "content-type", "authorization"]);
