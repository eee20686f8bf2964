/**
 * `{{name}}` in a user's example must reach Postman as written, but the generator encodes the
 * braces of path and query values (a literal `{` would otherwise be read as a variable). So
 * variables travel through the build as plain tokens that no encoder touches, and are turned
 * back into `{{name}}` in the finished collection. The token is derived from the name alone,
 * so nothing needs to be remembered between the two steps.
 */

const VARIABLE = /\{\{([^{}]+)\}\}/g;
const TOKEN = /specpostvar_([0-9a-f]+)_/g;

const toHex = (text: string) => Buffer.from(text, "utf8").toString("hex");
const fromHex = (hex: string) => Buffer.from(hex, "hex").toString("utf8");

/** Every string inside `value` with its `{{name}}` variables replaced by tokens. */
export function hideVariables(value: unknown): unknown {
  if (typeof value === "string") {
    return value.replace(VARIABLE, (_, name: string) => `specpostvar_${toHex(name)}_`);
  }
  if (Array.isArray(value)) return value.map(hideVariables);
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, hideVariables(v)]));
  }
  return value;
}

/** Every string inside `value` with the tokens turned back into `{{name}}`. */
export function showVariables<T>(value: T): T {
  if (typeof value === "string") {
    return value.replace(TOKEN, (_, hex: string) => `{{${fromHex(hex)}}}`) as T;
  }
  if (Array.isArray(value)) return value.map(showVariables) as T;
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, showVariables(v)])) as T;
  }
  return value;
}
