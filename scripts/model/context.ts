import type { LoadedSpec } from "../load/types";
import { type Problem, type ProblemCode, problem, type Severity } from "../problems";
import { isPlainSchema } from "../schema/semantics";
import { createSchemaValidator, type SchemaValidator } from "../schema/validator";
import { followRefs, getAt, isObject, type JsonObject, pointerSegments } from "./resolve";
import type { SchemaEnv } from "./sample/env";
import { firstError } from "./sample/validate";
import type { ModelOptions, OasSchema } from "./types";

/** Everything the transforms share: resolved once in buildModel and passed down. */
export interface ModelContext {
  spec: LoadedSpec;
  document: JsonObject;
  is31: boolean;
  options: ModelOptions;
  /**
   * `as-written`: examples are taken as the spec writes them, neither checked nor sampled
   * (the mock: it checks every answer it serves with the schema core itself).
   */
  examples: ExampleMode;
  problems: Problem[];
  report(code: ProblemCode, severity: Severity, pointer: string, message: string): void;
  /**
   * Follows `$ref`s of a path item, parameter, request body, response, header or example.
   * Reports `unresolved-ref` (once per pointer) and returns undefined when the ref is broken.
   */
  deref(node: unknown, pointer: string): { value: unknown; pointer: string } | undefined;
  /** Schema environment for samples and example checks in one direction. */
  schemas: { request: SchemaEnv; response: SchemaEnv };
}

/**
 * `counted`: checked, but a problem with an example names its first issue only: the caller
 * counts these problems and prints none (`generate`), so listing every issue is wasted work.
 */
export type ExampleMode = "checked" | "counted" | "as-written";

export function createContext(
  spec: LoadedSpec,
  options: ModelOptions,
  examples: ExampleMode = "checked",
): ModelContext {
  const document = spec.document as unknown as JsonObject;
  const is31 = typeof document.openapi === "string" && document.openapi.startsWith("3.1");
  const problems: Problem[] = [];
  const reported = new Set<string>();
  const report = (code: ProblemCode, severity: Severity, pointer: string, message: string) => {
    const key = `${code} ${pointer} ${message}`;
    if (reported.has(key)) return;
    reported.add(key);
    problems.push(problem(code, severity, spec.file, message, pointer));
  };
  const deref = (node: unknown, pointer: string) => {
    const result = followRefs(document, node, pointer);
    if (result.ok) return { value: result.value, pointer: result.pointer };
    const why =
      result.reason === "external"
        ? "points outside the document (bundle external refs first)"
        : result.reason === "cycle"
          ? "is a cycle of refs"
          : "points to nothing";
    report("unresolved-ref", "error", pointer, `$ref "${result.ref}" ${why}; fix the reference.`);
    return undefined;
  };
  // Schema refs are looked up many times while sampling and checking: cache the targets.
  const schemaTargets = new Map<string, unknown>();
  const resolveSchema = (ref: string): unknown => {
    if (schemaTargets.has(ref)) return schemaTargets.get(ref);
    const segments = pointerSegments(ref);
    const target = segments === undefined ? undefined : getAt(document, segments);
    schemaTargets.set(ref, target);
    return target;
  };
  // What a schema accepts is decided once, by the schema core: the contract test's meaning.
  let validator: SchemaValidator | undefined;
  const env = (mode: "request" | "response"): SchemaEnv => ({
    is31,
    mode,
    resolve: resolveSchema,
    verdict(value, schema, path) {
      // Plain schemas mean the same to both checks (schema/semantics.ts): no compile needed.
      if (isPlainSchema(schema)) return firstError(value, schema, env(mode), path);
      validator ??= createSchemaValidator(spec.document, spec.version);
      return validator.firstError(value, schema, mode, path);
    },
    allErrors(value, schema, path) {
      if (examples === "counted") return undefined;
      validator ??= createSchemaValidator(spec.document, spec.version);
      const all = validator.allErrors(value, schema, mode, path, MAX_ISSUES + 1);
      if (all.length === 0) return undefined;
      const more = all.length > MAX_ISSUES ? "; and more" : "";
      return `${all.slice(0, MAX_ISSUES).join("; ")}${more}`;
    },
    coerced(value, schema) {
      validator ??= createSchemaValidator(spec.document, spec.version);
      // The check coerces in place: it works on a copy, the spec's value stays as written.
      const copy = { value: structuredClone(value) };
      const result = validator.check(
        { type: "object", properties: { value: schema }, required: ["value"] } as OasSchema,
        copy,
        mode,
        { coerce: true },
      );
      return result.valid && result.checked ? { value: copy.value } : undefined;
    },
  });
  return {
    spec,
    document,
    is31,
    options,
    examples,
    problems,
    report,
    deref,
    schemas: { request: env("request"), response: env("response") },
  };
}

/** Issues named per invalid example: enough to fix it in one go, short enough to read. */
const MAX_ISSUES = 8;

/** Reports `invalid-type` and returns false when `value` is not a JSON object. */
export function expectObject(
  ctx: ModelContext,
  value: unknown,
  pointer: string,
  what: string,
): value is JsonObject {
  if (isObject(value)) return true;
  ctx.report("invalid-type", "error", pointer, `${what} must be an object; fix the spec.`);
  return false;
}

export function expectArray(
  ctx: ModelContext,
  value: unknown,
  pointer: string,
  what: string,
): value is unknown[] {
  if (Array.isArray(value)) return true;
  ctx.report("invalid-type", "error", pointer, `${what} must be an array; fix the spec.`);
  return false;
}
