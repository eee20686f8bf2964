import { isSafePattern } from "../../schema/safe-pattern";
import { isObject, type JsonObject } from "../resolve";
import { MAX_SAMPLE_STEPS, MAX_STRING_LENGTH, note } from "./budget";
import { declaredTypes, impliedType, type JsonType, type SchemaEnv } from "./env";
import { flatten, mergeSchemas } from "./flatten";
import { numberForName, stringForName } from "./names";
import { numberCandidates } from "./numbers";
import { typeMatches } from "./scalars";
import { acceptable, type GenState } from "./state";
import { strings } from "./strings-pick";
import { conformArray, conformObject } from "./structures";
import { isValid } from "./validate";

const HARD_DEPTH = 40;

/**
 * A value valid for `schema`, starting from `hint` (openapi-sampler's guess): the parts of
 * the hint that already validate are kept, the rest is generated. Deterministic.
 */
export function conform(hint: unknown, schema: unknown, env: SchemaEnv, state: GenState): unknown {
  if (state.depth > HARD_DEPTH) return hint;
  const at =
    isObject(schema) && typeof schema.$ref === "string" ? { ...state, ref: schema.$ref } : state;
  if (at.budget && --at.budget.steps < 0) {
    if (at.budget.steps === -1)
      note(
        at.budget,
        at.ref,
        `the schema needs more than ${MAX_SAMPLE_STEPS} values; the rest of the example is placeholders`,
      );
    return placeholder(hint, schema, env);
  }
  const flat = flatten(schema, env);
  // Past openapi-sampler's depth (or without it) the schema's own example is still the best
  // start, as openapi-sampler would have taken it.
  if (hint === undefined && at.variant === 0) hint = ownExample(flat);
  const { pattern } = flat;
  if (typeof pattern === "string" && !isSafePattern(pattern))
    note(
      at.budget,
      at.ref,
      `pattern /${pattern}/ can take exponential time to match (nested repeats); examples are not checked against it`,
    );
  // A hint this long only comes from a runaway `minLength`/example; validating it costs more
  // than building a fresh value.
  if (typeof hint === "string" && hint.length > MAX_STRING_LENGTH) hint = undefined;
  if (hint === null) {
    // openapi-sampler answers null for `nullable`/`["null", ...]` schemas whose first type or
    // enum value is null: show a real value when the schema has one.
    const real = generate(undefined, flatten(schema, env), env, at);
    if (real !== null && acceptable(real, at) && isValid(real, schema, env)) return real;
  }
  if (hint !== undefined && acceptable(hint, at) && isValid(hint, schema, env)) {
    // Valid already; objects and arrays are still walked so their leaves get realistic names.
    const better =
      typeof hint === "object" && hint !== null
        ? generate(hint, flatten(schema, env), env, at)
        : realistic(hint, at);
    return better !== undefined && acceptable(better, at) && isValid(better, schema, env)
      ? better
      : hint;
  }
  return generate(hint, flatten(schema, env), env, at);
}

function ownExample(s: JsonObject): unknown {
  if (s.example !== undefined) return s.example;
  if (Array.isArray(s.examples) && s.examples.length > 0) return s.examples[0];
  return s.default;
}

/** The work budget is spent: the hint when it is a small leaf, else the cheapest value of the type. */
function placeholder(hint: unknown, schema: unknown, env: SchemaEnv): unknown {
  if (hint === null || ["string", "number", "boolean"].includes(typeof hint)) return hint;
  const types = declaredTypes(flatten(schema, env), env) ?? [];
  if (types.includes("object")) return {};
  if (types.includes("array")) return [];
  if (types.includes("string")) return "string";
  return types.includes("null") ? null : 0;
}

/** openapi-sampler's placeholder (`"string"`, padded or cut; `0`), which a name can improve on. */
const PLACEHOLDER = /^(?:string)*(?:s|st|str|stri|strin)?$/;

function realistic(hint: unknown, at: GenState): unknown {
  if (typeof hint === "string" && hint !== "" && PLACEHOLDER.test(hint)) {
    const named = stringForName(at.name);
    return named !== undefined && at.variant > 0 ? `${named}${at.variant}` : named;
  }
  if (hint === 0) return numberForName(at.name);
  return undefined;
}

function generate(hint: unknown, s: JsonObject, env: SchemaEnv, at: GenState): unknown {
  if (s.const !== undefined) return s.const;
  if (Array.isArray(s.enum) && s.enum.length > 0) return pickEnum(s.enum, s, env, at);
  const choices =
    Array.isArray(s.oneOf) && s.oneOf.length
      ? s.oneOf
      : Array.isArray(s.anyOf) && s.anyOf.length
        ? s.anyOf
        : undefined;
  if (choices) return generateChoice(hint, s, choices, env, at);
  const types = declaredTypes(s, env) ?? impliedTypes(s);
  if (!types) return hint === undefined || !acceptable(hint, at) ? "string" : hint;
  switch (chooseType(types, hint)) {
    case "string":
      return strings(s, hint, env, at);
    case "integer":
      return firstValid(numberCandidates(s, true, hint, at.name, at.variant), s, env, at) ?? 0;
    case "number":
      return firstValid(numberCandidates(s, false, hint, at.name, at.variant), s, env, at) ?? 0;
    case "boolean":
      return typeof hint === "boolean" && at.variant === 0 ? hint : at.variant % 2 === 0;
    case "array":
      return conformArray(hint, s, env, at, conform);
    case "object":
      return conformObject(hint, s, env, at, conform);
    default:
      return null;
  }
}

function impliedTypes(s: JsonObject): JsonType[] | undefined {
  const t = impliedType(s);
  return t ? [t] : undefined;
}

/** The hint's own type when allowed (keeps openapi-sampler's choice), else the first non-null. */
function chooseType(types: JsonType[], hint: unknown): JsonType {
  const own = types.find((t) => t !== "null" && typeMatches(hint, t));
  if (own) return own;
  return types.find((t) => t !== "null") ?? "null";
}

export function firstValid<T>(
  candidates: Iterable<T>,
  s: JsonObject,
  env: SchemaEnv,
  at: GenState,
): T | undefined {
  let first: T | undefined;
  for (const candidate of candidates) {
    first ??= candidate;
    if (acceptable(candidate, at) && isValid(candidate, s, env)) return candidate;
  }
  return first;
}

function pickEnum(values: unknown[], s: JsonObject, env: SchemaEnv, at: GenState): unknown {
  // Non-null values first: a nullable enum should still show a real value.
  const ordered = [...values.filter((v) => v !== null), ...values.filter((v) => v === null)];
  const rotated = ordered.map((_, i) => ordered[(i + at.variant) % ordered.length]);
  return firstValid(rotated, s, env, at);
}

/** Tries each `oneOf`/`anyOf` branch in order and keeps the first result valid for `s`. */
function generateChoice(
  hint: unknown,
  s: JsonObject,
  choices: unknown[],
  env: SchemaEnv,
  at: GenState,
): unknown {
  const { oneOf: _o, anyOf: _a, ...base } = s;
  let first: unknown;
  for (let i = 0; i < choices.length; i++) {
    const branch = mergeSchemas(base, flatten(choices[i], env), env);
    let candidate = generate(i === 0 ? hint : undefined, branch, env, at);
    candidate = withDiscriminator(candidate, s, choices[i], env);
    if (i === 0) first = candidate;
    if (acceptable(candidate, at) && isValid(candidate, s, env)) return candidate;
    if (Array.isArray(s.oneOf) && isObject(candidate) && isValid(candidate, branch, env)) {
      const exclusive = excludeOtherBranches(candidate, i, choices, branch, env, at);
      if (isValid(exclusive, s, env)) return exclusive;
    }
  }
  return first;
}

/**
 * `oneOf` needs exactly one match, and an object made for one branch often fits another
 * that does not forbid its properties. Change or add a property the other branch rejects
 * but the chosen one accepts (a different enum value, or a property of the wrong type).
 */
function excludeOtherBranches(
  value: JsonObject,
  chosen: number,
  choices: unknown[],
  branch: JsonObject,
  env: SchemaEnv,
  at: GenState,
): JsonObject {
  const out = { ...value };
  const own = isObject(branch.properties) ? branch.properties : {};
  const openEnded =
    branch.additionalProperties === undefined || branch.additionalProperties === true;
  choices.forEach((choice, j) => {
    if (j === chosen || !isValid(out, choice, env)) return;
    const other = flatten(choice, env);
    const theirs = isObject(other.properties) ? other.properties : {};
    for (const [key, sub] of Object.entries(theirs)) {
      const tries = Object.hasOwn(own, key)
        ? [1, 2, 3, 4].map((variant) =>
            conform(undefined, own[key], env, {
              depth: at.depth + 1,
              name: key,
              variant,
              budget: at.budget,
              ref: at.ref,
            }),
          )
        : openEnded
          ? [null, 0, "", true, [], {}]
          : [];
      const breaker = tries.find(
        (v) => !isValid(v, sub, env) && isValid({ ...out, [key]: v }, branch, env),
      );
      if (breaker !== undefined) {
        out[key] = breaker;
        return;
      }
    }
    if (other.additionalProperties === false && openEnded) {
      const key = ["extra", "other", "additional"].find(
        (k) => !Object.hasOwn(theirs, k) && !Object.hasOwn(out, k),
      );
      if (key) out[key] = "string";
    }
  });
  return out;
}

/** Sets the discriminator property to the value that selects the chosen branch. */
function withDiscriminator(
  value: unknown,
  s: JsonObject,
  choice: unknown,
  env: SchemaEnv,
): unknown {
  const discriminator = s.discriminator;
  if (
    !isObject(value) ||
    !isObject(discriminator) ||
    typeof discriminator.propertyName !== "string"
  )
    return value;
  if (!isObject(choice) || typeof choice.$ref !== "string") return value;
  const ref = choice.$ref;
  const mapping = isObject(discriminator.mapping) ? discriminator.mapping : {};
  const mapped = Object.entries(mapping).find(([, target]) => target === ref)?.[0];
  const tag = mapped ?? ref.split("/").pop() ?? "";
  const next = { ...value, [discriminator.propertyName]: tag };
  return isValid(next, choice, env) ? next : value;
}
