import { isObject, type JsonObject } from "../load/pointer";
import { requiredDependsOnMode } from "./required";
import { forEachSubschema } from "./subschemas";
import type { Dialect, Resolve } from "./types";
import { isStringArray } from "./values";

export interface ScanResult {
  /** Every `$ref` string in the schema body (refs are not followed). */
  refs: string[];
  /** The body itself translates differently for requests and responses. */
  modeDependent: boolean;
}

/**
 * A cheap walk over one schema body, without translating it: what it refers to and whether
 * readOnly/writeOnly change its `required`. The registry uses it to decide whether a
 * definition needs a separate request variant.
 */
export function scanSchema(schema: unknown, dialect: Dialect, resolve: Resolve): ScanResult {
  const walk: Walk = { dialect, resolve, result: { refs: [], modeDependent: false }, scope: [] };
  visit(walk, schema, false);
  return walk.result;
}

interface Walk {
  dialect: Dialect;
  resolve: Resolve;
  result: ScanResult;
  /** Schemas the current one is nested in through same-instance applicators. */
  scope: readonly JsonObject[];
}

function visit(walk: Walk, schema: unknown, sameInstance: boolean): void {
  if (!isObject(schema) || schema.type === "file") return;
  const outer = walk.scope;
  const scope = sameInstance ? outer : [];
  const { result } = walk;
  if (typeof schema.$ref === "string") {
    result.refs.push(schema.$ref);
    // A 3.0 Reference Object's siblings are ignored by translation too.
    if (walk.dialect === "3.0") return;
  }
  if (
    !result.modeDependent &&
    isStringArray(schema.required) &&
    requiredDependsOnMode(schema.required, schema, scope, walk.resolve)
  ) {
    result.modeDependent = true;
  }
  walk.scope = [schema, ...scope];
  forEachSubschema(schema, walk, visit);
  walk.scope = outer;
}
