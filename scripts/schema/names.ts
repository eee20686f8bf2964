import type { SchemaMode } from "./types";

/**
 * Definition names. A name must be a JSON-pointer token that also survives as a URI
 * fragment (Ajv 6 resolves `#/definitions/<name>` as a URI), so only `[A-Za-z0-9_.-]`.
 *
 * - `#/components/schemas/X` → `X` (sanitized) for responses, and for requests too unless
 *   the request translation differs (a readOnly property is required): then `X.request`.
 * - Any other pointer → its tokens joined with `.` (`paths._pets.get...schema`), after the
 *   `components.schemas.` prefix is dropped (`X.properties.owner`).
 * - Clashes get `_2`, `_3`, ... Component names are fixed up front from the sorted component
 *   keys, so they never depend on the order schemas are reached.
 */
export interface NameTable {
  nameFor(pointer: string, mode: SchemaMode): string;
}

const COMPONENT_PREFIX = ["components", "schemas"];
const REQUEST_SUFFIX = ".request";

export function sanitizeName(raw: string): string {
  const safe = raw.replace(/[^A-Za-z0-9_.-]/g, "_");
  if (safe === "") return "_";
  // A leading dot could read as a `.`/`..` path segment once the ref is treated as a URI.
  return safe.startsWith(".") ? `_${safe.slice(1)}` : safe;
}

export function createNameTable(componentKeys: readonly string[]): NameTable {
  const taken = new Set<string>();
  const claim = (candidate: string): string => {
    let name = candidate;
    for (let n = 2; taken.has(name); n++) name = `${candidate}_${n}`;
    taken.add(name);
    return name;
  };

  const sorted = [...componentKeys].sort();
  const responseNames = new Map<string, string>();
  // Keys that are already safe keep their exact spelling; rewritten ones yield on a clash.
  for (const key of sorted) if (sanitizeName(key) === key) responseNames.set(key, claim(key));
  for (const key of sorted)
    if (!responseNames.has(key)) responseNames.set(key, claim(sanitizeName(key)));
  const requestNames = new Map<string, string>();
  for (const key of sorted) {
    requestNames.set(key, claim(`${responseNames.get(key)}${REQUEST_SUFFIX}`));
  }

  const other = new Map<string, { response: string; request: string }>();
  const pointerNames = (pointer: string): { response: string; request: string } => {
    let names = other.get(pointer);
    if (names === undefined) {
      const response = claim(sanitizeName(pointerLabel(pointer)));
      names = { response, request: claim(`${response}${REQUEST_SUFFIX}`) };
      other.set(pointer, names);
    }
    return names;
  };

  return {
    nameFor(pointer, mode) {
      const key = componentKey(pointer);
      if (key !== undefined && responseNames.has(key)) {
        return (mode === "request" ? requestNames : responseNames).get(key) as string;
      }
      return pointerNames(pointer)[mode];
    },
  };
}

/** `X` for `#/components/schemas/X`, else undefined. Pointer tokens are `~`-escaped. */
export function componentKey(pointer: string): string | undefined {
  const prefix = "#/components/schemas/";
  if (!pointer.startsWith(prefix)) return undefined;
  const token = pointer.slice(prefix.length);
  if (token.includes("/")) return undefined;
  return token.replace(/~1/g, "/").replace(/~0/g, "~");
}

function pointerLabel(pointer: string): string {
  const tokens = pointer
    .replace(/^#\/?/, "")
    .split("/")
    .map((t) => t.replace(/~1/g, "/").replace(/~0/g, "~"));
  const local =
    tokens[0] === COMPONENT_PREFIX[0] && tokens[1] === COMPONENT_PREFIX[1]
      ? tokens.slice(2)
      : tokens;
  return local.map(sanitizeName).join(".");
}
