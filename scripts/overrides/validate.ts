import { createRequire } from "node:module";
import type { Ajv as AjvClass, ErrorObject, ValidateFunction } from "ajv";
import {
  CHAIN_KEYS,
  EXAMPLE_KEYS,
  OPERATION_KEYS,
  overridesSchema,
  TOP_KEYS,
  VARIABLE_NAME,
} from "./schema";
import type { OverridesInput } from "./types";

/** A shape error, by path segments inside the overrides file; located by the loader. */
export interface ShapeError {
  segments: string[];
  message: string;
}

let compiled: ValidateFunction | undefined;
function validator(): ValidateFunction {
  if (compiled) return compiled;
  // Loaded on first use: most specs have no overrides file, and Ajv 8 costs every start ~0.2 s.
  const { Ajv } = createRequire(import.meta.url)("ajv") as { Ajv: typeof AjvClass };
  // `type: [string, object]` for scripts is the one union the format needs.
  compiled = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true }).compile(
    overridesSchema,
  );
  return compiled;
}

/** Ajv's instancePath (`/operations/GET ~1x`) → segments; not URI-encoded, unlike `$ref`s. */
const segmentsOf = (instancePath: string): string[] =>
  instancePath === ""
    ? []
    : instancePath
        .slice(1)
        .split("/")
        .map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"));

/** `operations["GET /x"].set.callbackurl`: how a user finds the place in their file. */
export function describePath(segments: readonly string[]): string {
  if (segments.length === 0) return "the file";
  return segments
    .map((s, i) => {
      if (/^\d+$/.test(s) && (segments[i - 1] === "order" || segments[i - 1] === "to"))
        return `[${s}]`;
      const plain = /^[A-Za-z_$][A-Za-z0-9_$-]*$/.test(s);
      return plain ? `${i === 0 ? "" : "."}${s}` : `[${JSON.stringify(s)}]`;
    })
    .join("");
}

/** Which keys are allowed where, for "unknown key" messages. */
function allowedKeys(segments: readonly string[]): readonly string[] {
  if (segments.length === 0) return TOP_KEYS;
  if (segments[0] === "operations" && segments.length === 2) return OPERATION_KEYS;
  if (segments[0] === "chains" && segments.length === 2) return CHAIN_KEYS;
  if (segments[0] === "operations" && segments[2] === "examples") return EXAMPLE_KEYS;
  if (segments[2] === "tests" || segments[2] === "prerequest") return ["file"];
  return [];
}

const TYPE_NAMES: Record<string, string> = {
  object: "a mapping (key: value lines)",
  array: "a list",
  string: "a string",
  boolean: "true or false",
};

function isScript(segments: readonly string[]): boolean {
  return segments.length === 3 && (segments[2] === "tests" || segments[2] === "prerequest");
}

function shapeError(error: ErrorObject): ShapeError | undefined {
  const segments = segmentsOf(error.instancePath);
  const where = describePath(segments);
  switch (error.keyword) {
    case "additionalProperties": {
      const key = String(error.params.additionalProperty);
      const allowed = allowedKeys(segments);
      return {
        segments: [...segments, key],
        message: `unknown key '${key}' in ${where}${allowed.length ? `; allowed: ${allowed.join(", ")}` : ""}`,
      };
    }
    case "type": {
      if (isScript(segments)) {
        return {
          segments,
          message: `${where} must be JavaScript text or { file: <name>.js } (a file beside the overrides file)`,
        };
      }
      const type = String(error.params.type);
      return { segments, message: `${where} must be ${TYPE_NAMES[type] ?? type}` };
    }
    case "required":
      return {
        segments,
        message: `${where} must be JavaScript text or { file: <name>.js }: '${error.params.missingProperty}' is missing`,
      };
    case "pattern": {
      const name = (error as ErrorObject & { propertyName?: string }).propertyName;
      if (name !== undefined) {
        return {
          segments: [...segments, name],
          message: `'${name}' in ${where} is not a usable variable name (${VARIABLE_NAME}): letters, digits, _ . - and no leading digit`,
        };
      }
      if (segments.at(-1) === "file") {
        return { segments, message: `${where} must name a .js file` };
      }
      return {
        segments,
        message: `${where} must be a path into the JSON response body such as $.callbackurl, $.items[0].id or $['odd name']`,
      };
    }
    case "propertyNames":
      // Reported by the inner keyword (pattern, minLength) with the offending name.
      return undefined;
    case "minLength":
      return { segments, message: `${where} must not be empty` };
    default:
      return { segments, message: `${where} ${error.message ?? "is invalid"}` };
  }
}

export type Validation = { ok: true; value: OverridesInput } | { ok: false; errors: ShapeError[] };

/** Checks the parsed file against the schema; an empty file means no overrides. */
export function validateOverrides(data: unknown): Validation {
  const value = data === null || data === undefined ? {} : data;
  const validate = validator();
  if (validate(value)) return { ok: true, value: value as OverridesInput };
  const seen = new Set<string>();
  const errors: ShapeError[] = [];
  for (const error of validate.errors ?? []) {
    const found = shapeError(error);
    if (!found) continue;
    const key = `${found.segments.join("\u0000")}\u0001${found.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    errors.push(found);
  }
  return { ok: false, errors };
}
