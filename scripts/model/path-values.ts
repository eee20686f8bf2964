import type { ModelContext } from "./context";
import { isObject } from "./resolve";
import { sampleSchema, verdictOn } from "./sample/index";

/** Said when no value the schema accepts is non-empty: something visible in the URL. */
const FALLBACK = "value";

/** What a `simple`-style path value writes into the URL: nothing for these. */
function isEmptyText(value: unknown): boolean {
  if (value === undefined || value === null || value === "") return true;
  if (Array.isArray(value)) return value.every(isEmptyText);
  if (isObject(value)) return Object.values(value).every((v) => v === undefined);
  return false;
}

export interface PathValue {
  value: unknown;
  /** No non-empty value the schema accepts: a server may rightly reject the request. */
  mayReject?: true;
}

/**
 * A path parameter always sends something. An empty value (a `null` example, an empty
 * object, a schema only the empty string satisfies, a schema too broken to sample) would
 * leave Postman's `:name` placeholder in the URL as literal text: a sample the schema accepts
 * is sent instead, else a plain word, with a warning at the example or the schema.
 */
export function nonEmptyPathValue(
  ctx: ModelContext,
  value: unknown,
  schema: unknown,
  at: { pointer: string; fromSpec: boolean; name: string },
): PathValue {
  if (!isEmptyText(value)) return { value };
  const env = ctx.schemas.request;
  const sample =
    schema === undefined
      ? undefined
      : sampleSchema(schema, env, ctx.document, { name: at.name, pathParam: true });
  const valid =
    sample !== undefined && !sample.error && !isEmptyText(sample.value) ? sample.value : undefined;
  const what = `${at.fromSpec ? "The spec's example" : "The value the schema allows"} for path parameter '${at.name}' is empty, which would leave ':${at.name}' in the URL`;
  if (valid !== undefined) {
    ctx.report(
      "invalid-example",
      "warning",
      at.pointer,
      `${what}; the collection sends ${JSON.stringify(valid)} instead. Fix the example or the schema.`,
    );
    return { value: valid };
  }
  const accepted = schema !== undefined && verdictOn(FALLBACK, schema, env) === undefined;
  ctx.report(
    "invalid-example",
    "warning",
    at.pointer,
    `${what}; the collection sends "${FALLBACK}" instead${accepted ? "" : ", which the schema does not accept: the request is marked as one the server may rightly reject"}. Fix the schema so that it allows a non-empty value.`,
  );
  return accepted ? { value: FALLBACK } : { value: FALLBACK, mayReject: true };
}
