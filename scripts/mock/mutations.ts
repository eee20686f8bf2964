import type { OasSchema, ResponseModel } from "../model/types";
import type { SchemaValidator } from "../schema/validator";

/** Bounds the search on big bodies; the first breaking mutation is usually near the root. */
const MAX_CANDIDATES = 500;
const WRONG_STRING = "specpost-invalid";
const WRONG_NUMBER = 12345;

/** A value of another JSON type than `value`. */
function wrongTypeFor(value: unknown): unknown {
  return typeof value === "string" ? WRONG_NUMBER : WRONG_STRING;
}

type Path = (string | number)[];

function setAt(root: unknown, path: Path, replacement: unknown): unknown {
  if (path.length === 0) return replacement;
  const copy = structuredClone(root) as Record<string | number, unknown>;
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  node[path[path.length - 1] as string | number] = replacement;
  return copy;
}

function removeAt(root: unknown, path: Path): unknown {
  const copy = structuredClone(root) as Record<string | number, unknown>;
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  delete node[path[path.length - 1] as string | number];
  return copy;
}

/** Every property and item, breadth first: shallow mutations read best in a failure message. */
function* paths(root: unknown): Generator<{ path: Path; value: unknown }> {
  const queue: { path: Path; value: unknown }[] = [{ path: [], value: root }];
  while (queue.length > 0) {
    const current = queue.shift() as { path: Path; value: unknown };
    if (current.path.length > 0) yield current;
    const { value, path } = current;
    if (Array.isArray(value)) {
      for (const [index, item] of value.entries())
        queue.push({ path: [...path, index], value: item });
    } else if (typeof value === "object" && value !== null) {
      for (const [key, item] of Object.entries(value))
        queue.push({ path: [...path, key], value: item });
    }
  }
}

const isProperty = (path: Path) => typeof path[path.length - 1] === "string";

function* candidates(valid: unknown): Generator<unknown> {
  // A property of the wrong type reads best in a failure ("/0/name must be string"), so
  // properties go before whole array items, and both before removals.
  for (const { path, value } of paths(valid)) {
    if (isProperty(path)) yield setAt(valid, path, wrongTypeFor(value));
  }
  for (const { path, value } of paths(valid)) {
    if (!isProperty(path)) yield setAt(valid, path, wrongTypeFor(value));
  }
  for (const { path } of paths(valid)) {
    if (isProperty(path)) yield removeAt(valid, path);
  }
  yield wrongTypeFor(valid);
  yield WRONG_NUMBER;
  yield null;
  yield [];
  yield {};
}

/**
 * A body that violates the schema, found by mutating a valid one (a property of the wrong type
 * first, then a missing property, then the whole body) and confirmed with Ajv. Undefined when
 * the schema accepts everything the search tries.
 */
export function invalidBodyFor(
  schema: OasSchema | undefined,
  valid: unknown,
  validator: SchemaValidator,
): unknown {
  if (schema === undefined) return undefined;
  let tried = 0;
  for (const candidate of candidates(valid)) {
    if (++tried > MAX_CANDIDATES) break;
    const result = validator.check(schema, candidate, "response");
    if (result.checked && !result.valid) return candidate;
  }
  return undefined;
}

function documents(response: ResponseModel, status: number): boolean {
  const key = response.status.toUpperCase();
  return key === String(status) || (key.endsWith("XX") && key[0] === String(status)[0]);
}

/**
 * A status the operation does not document (`default` aside, which documents everything):
 * 418 unless the spec claims it.
 */
export function undocumentedStatus(responses: ResponseModel[]): number {
  // Node and fastify send 100-599 only; 1xx cannot end an exchange.
  const candidates = [418, 299, 599, 399];
  return (
    candidates.find((status) => !responses.some((response) => documents(response, status))) ?? 418
  );
}

export function wrongContentType(documented: string[]): string {
  const candidates = ["text/plain", "application/octet-stream", "application/x-specpost-wrong"];
  const lower = documented.map((type) => type.toLowerCase());
  return candidates.find((type) => !lower.includes(type)) ?? "text/plain";
}
