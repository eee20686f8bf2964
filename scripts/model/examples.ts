import { schemaKey } from "../schema/semantics";
import type { ModelContext } from "./context";
import { child, isObject, type JsonObject } from "./resolve";
import { followSchema, type SchemaEnv } from "./sample/env";
import { firstError, type SampleResult, sampleSchema, verdictOn } from "./sample/index";
import type { ExampleSource } from "./types";

/** An example the spec gives, with where it was written. */
export interface SpecExample {
  value: unknown;
  pointer: string;
}

/**
 * `example`, else the first entry of `examples` that has a `value` (Example Objects may be
 * `$ref`s; `externalValue`-only entries are skipped: nothing is fetched).
 */
export function exampleOf(
  ctx: ModelContext,
  holder: JsonObject,
  pointer: string,
): SpecExample | undefined {
  if (holder.example !== undefined)
    return { value: holder.example, pointer: child(pointer, "example") };
  if (!isObject(holder.examples)) return undefined;
  for (const [key, raw] of Object.entries(holder.examples)) {
    const resolved = ctx.deref(raw, child(pointer, "examples", key));
    if (resolved && isObject(resolved.value) && resolved.value.value !== undefined) {
      return { value: resolved.value.value, pointer: child(resolved.pointer, "value") };
    }
  }
  return undefined;
}

/**
 * The schema's own example (`example`, or 3.1 `examples[0]`); with `fallbacks` also its
 * `default` and first `enum` value — values a parameter may sensibly be sent with.
 */
export function schemaExampleOf(
  schema: unknown,
  env: SchemaEnv,
  pointer: string,
  fallbacks: boolean,
): SpecExample | undefined {
  const { target, rest } = followSchema(schema, env);
  // The example is reported where it is written: in the schema a `$ref` names, not at the ref.
  const at = (node: unknown, key: string): string =>
    node === target && node !== schema
      ? child(targetPointer(schema, env) ?? pointer, key)
      : child(pointer, key);
  for (const node of [rest, target]) {
    if (!isObject(node)) continue;
    if (node.example !== undefined) return { value: node.example, pointer: at(node, "example") };
    if (Array.isArray(node.examples) && node.examples.length > 0)
      return { value: node.examples[0], pointer: child(at(node, "examples"), 0) };
  }
  if (!fallbacks) return undefined;
  for (const node of [rest, target]) {
    if (!isObject(node)) continue;
    if (node.default !== undefined) return { value: node.default, pointer: at(node, "default") };
    if (Array.isArray(node.enum) && node.enum.length > 0)
      return { value: node.enum[0], pointer: child(at(node, "enum"), 0) };
  }
  return undefined;
}

/** The pointer of the schema a chain of internal `$ref`s ends at (bounded). */
function targetPointer(schema: unknown, env: SchemaEnv): string | undefined {
  let node = schema;
  let ref: string | undefined;
  for (let hops = 0; hops < 32 && isObject(node) && typeof node.$ref === "string"; hops++) {
    ref = node.$ref;
    node = env.resolve(ref);
  }
  return ref?.startsWith("#/") ? ref : undefined;
}

/**
 * Reports a spec example that breaks its own schema (as the contract translation reads it)
 * and says whether it does. `instead` says what the collection uses in its place.
 *
 * A response example is never sent by the collection (the mock checks it again, with the
 * core, before serving it), so the sampler's fast check screens it first and the core only
 * confirms a rejection: big specs have thousands of response examples, nearly all valid.
 */
export function checkSpecExample(
  ctx: ModelContext,
  example: SpecExample,
  schema: unknown,
  env: SchemaEnv,
  instead = "It is used as written",
): boolean {
  if (schema === undefined || ctx.examples === "as-written") return true;
  const error = memo(checked, env, schema, example.pointer, () =>
    env.mode === "response" && firstError(example.value, schema, env, "example") === undefined
      ? undefined
      : verdictOn(example.value, schema, env, "example"),
  );
  if (error) {
    const all = memo(described, env, schema, example.pointer, () =>
      env.allErrors?.(example.value, schema, "example"),
    );
    ctx.report(
      "invalid-example",
      "warning",
      example.pointer,
      `The spec's example does not match its schema: ${all ?? error}. ${instead}; fix the example or the schema.`,
    );
  }
  return error === undefined;
}

/**
 * The spec's example when its schema accepts it, else a generated sample valid for the
 * schema: a request the collection sends must pass the API's (and the mock's) validation.
 */
export function exampleOrSample(
  ctx: ModelContext,
  given: SpecExample | undefined,
  schema: unknown,
  schemaPointer: string,
  options: { name?: string; pathParam?: boolean },
): { example: unknown; exampleSource?: ExampleSource; unsatisfied?: true } {
  const env = ctx.schemas.request;
  if (ctx.examples === "as-written") {
    return given ? { example: given.value, exampleSource: "spec" } : { example: undefined };
  }
  if (given && schema !== undefined) {
    const first = verdictOn(given.value, schema, env, "example");
    if (first === undefined) return { example: given.value, exampleSource: "spec" };
    const error = env.allErrors?.(given.value, schema, "example") ?? first;
    // Repaired where that loses nothing: the spec's value in the type its schema declares.
    const repaired = env.coerced?.(given.value, schema);
    const verb = repaired
      ? "sends it coerced to the declared types"
      : "sends a generated example instead";
    ctx.report(
      "invalid-example",
      "warning",
      given.pointer,
      `The spec's example does not match its schema: ${error}. The collection ${verb}; fix the example or the schema.`,
    );
    if (repaired) return { example: repaired.value, exampleSource: "spec" };
  } else if (given) {
    return { example: given.value, exampleSource: "spec" };
  }
  if (schema === undefined) return { example: undefined };
  const variant = `${options.name ?? ""}\u0000${options.pathParam === true}`;
  const { value, error, notes } = memo(sampled, env, schema, variant, () =>
    sampleSchema(schema, env, ctx.document, options),
  );
  for (const { ref, message } of notes ?? []) {
    const at = ref?.startsWith("#/") ? ref : schemaPointer;
    ctx.report("example-over-budget", "warning", at, `Sample limit: ${message}.`);
  }
  if (error) {
    const what = error.length > 160 ? `${error.slice(0, 157)}...` : error;
    ctx.report(
      "invalid-example",
      "warning",
      schemaPointer,
      `Could not generate an example that satisfies the schema (${what}); the request is marked as one the server may rightly reject. Add a valid example to the spec or fix the schema.`,
    );
    return { example: value, exampleSource: "generated", unsatisfied: true };
  }
  return { example: value, exampleSource: "generated" };
}

// Big specs check the same component example and sample the same shared schema (parameters,
// bodies and responses reached through `$ref`s) again and again: both depend only on the
// schema, the direction and the variant, so each is worked out once per model (env).
type Memo<T> = WeakMap<SchemaEnv, Map<unknown, Map<string, T>>>;
const checked: Memo<string | undefined> = new WeakMap();
const described: Memo<string | undefined> = new WeakMap();
const sampled: Memo<SampleResult> = new WeakMap();

function memo<T>(
  cache: Memo<T>,
  env: SchemaEnv,
  schema: unknown,
  variant: string,
  work: () => T,
): T {
  let bySchema = cache.get(env);
  if (bySchema === undefined) {
    bySchema = new Map();
    cache.set(env, bySchema);
  }
  const key = schemaKey(schema);
  let byVariant = bySchema.get(key);
  if (byVariant === undefined) {
    byVariant = new Map();
    bySchema.set(key, byVariant);
  }
  if (byVariant.has(variant)) return byVariant.get(variant) as T;
  const value = work();
  byVariant.set(variant, value);
  return value;
}
