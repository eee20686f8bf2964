/**
 * Postman and Newman replace `{{name}}` wherever it stands in a request (URL, headers, body,
 * and again inside the values of variables), so spec text that happens to hold
 * `{{client_secret}}` would send the secret to the API host. Text taken from a spec goes
 * through one of these before it reaches the collection; the user's own override values,
 * whose `{{variables}}` are meant, do not.
 *
 * Where the medium has an escape that means the same text, it is used (URLs: `%7B`; JSON
 * strings: `\u007b`; XML: `&#123;`), so the server receives exactly the spec's value. Where
 * it has none (header values, multipart fields, plain text), the braces of a `{{` are
 * percent-encoded: the value changes, but nothing Postman knows is substituted into it.
 */

const OPENING = /\{\{/g;

/** True when Postman would read part of `text` as a variable reference. */
export const looksLikeVariable = (text: string): boolean => /\{\{[^{}]*\}\}/.test(text);

/** A URL or URL part: braces are not URL characters, `%7B`/`%7D` mean the same. */
export const urlLiteral = (text: string): string =>
  text.replace(/[{}]/g, (c) => (c === "{" ? "%7B" : "%7D"));

/** JSON text: `{{` only ever stands inside strings, where `\u007b` is the same character. */
export const jsonLiteral = (json: string): string => json.replace(OPENING, "\\u007b{");

/** XML text: a character reference is the same character in text and attribute values. */
export const xmlLiteral = (xml: string): string => xml.replace(OPENING, "&#123;{");

/** A medium with no escape: the `{{` is broken up so that no variable can match. */
export const plainLiteral = (text: string): string => text.replace(OPENING, "%7B%7B");
