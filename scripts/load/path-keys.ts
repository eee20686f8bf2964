import type { Finding } from "./finding";
import { isObject, parsePointer } from "./pointer";

const METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];
/** More `$ref` hops than this for one parameter is a chain, not a reference. */
const MAX_PARAMETER_HOPS = 32;

/**
 * Path keys a request cannot be built from: `no-leading-slash` (it would become
 * `{{baseUrl}}/`), a query in the key, broken or empty `{}` templates (errors); a fragment
 * (never sent) and templates no path parameter declares (the value would stay `{x}`) are
 * warnings.
 */
export function checkPathKeys(doc: Record<string, unknown>): Finding[] {
  const findings: Finding[] = [];
  const paths = doc.paths;
  if (!isObject(paths)) return findings;
  for (const [key, item] of Object.entries(paths)) {
    if (key.startsWith("x-")) continue;
    const segments = ["paths", key];
    const error = (message: string) =>
      findings.push({ code: "invalid-path", severity: "error", segments, message });
    if (key.includes("#")) {
      // Some specs (ReadMe's examples) use `/path#variant` to describe one path twice.
      findings.push({
        code: "invalid-path",
        severity: "warning",
        segments,
        message: `Path "${key}" has a "#": what follows it is a URL fragment, which is never sent, so the request goes to "${key.slice(0, key.indexOf("#"))}"; remove it if that is not meant.`,
      });
    }
    const why = brokenKey(key.includes("#") ? key.slice(0, key.indexOf("#")) : key);
    if (why) {
      error(`Path "${key}" ${why}.`);
      continue;
    }
    if (!isObject(item) || typeof item.$ref === "string") continue;
    const declared = declaredPathParameters(doc, item);
    for (const name of templateNames(key)) {
      if (declared.has(name)) continue;
      findings.push({
        code: "invalid-path",
        severity: "warning",
        segments,
        message: `Path "${key}" has the template {${name}} but no operation declares a path parameter "${name}"; add one (in: path, required: true), or the request is sent with a literal "{${name}}".`,
      });
    }
  }
  return findings;
}

function brokenKey(key: string): string | undefined {
  if (!key.startsWith("/")) return `does not start with "/"; write it as "/${key}"`;
  if (key.includes("?"))
    return 'has a "?": query parameters belong in "parameters" (in: query), not in the path key';
  let open = false;
  for (let i = 0; i < key.length; i++) {
    const char = key[i];
    if (char === "{") {
      if (open) return 'has a "{" inside a template; close each {name} before the next';
      if (key[i + 1] === "}") return 'has an empty template "{}"; name the parameter, as in {id}';
      open = true;
    } else if (char === "}") {
      if (!open) return 'has a "}" without its "{"';
      open = false;
    }
  }
  return open ? 'has a "{" that is never closed; write the template as {name}' : undefined;
}

function templateNames(key: string): string[] {
  return [...key.matchAll(/\{([^{}]+)\}/g)].map((match) => match[1] ?? "");
}

function declaredPathParameters(
  doc: Record<string, unknown>,
  item: Record<string, unknown>,
): Set<string> {
  const names = new Set<string>();
  const lists = [
    item.parameters,
    ...METHODS.map((m) => (isObject(item[m]) ? item[m].parameters : undefined)),
  ];
  for (const list of lists) {
    if (!Array.isArray(list)) continue;
    for (const entry of list) {
      const parameter = follow(doc, entry);
      if (parameter && parameter.in === "path" && typeof parameter.name === "string")
        names.add(parameter.name);
    }
  }
  return names;
}

/** An internal `$ref` chain followed to its object; undefined when it leads nowhere. */
function follow(doc: Record<string, unknown>, value: unknown): Record<string, unknown> | undefined {
  let current = value;
  for (let hop = 0; hop < MAX_PARAMETER_HOPS; hop++) {
    if (!isObject(current)) return undefined;
    const ref = current.$ref;
    if (typeof ref !== "string") return current;
    const segments = parsePointer(ref);
    if (!segments || !ref.startsWith("#")) return undefined;
    let target: unknown = doc;
    for (const segment of segments) target = isObject(target) ? target[segment] : undefined;
    current = target;
  }
  return undefined;
}
