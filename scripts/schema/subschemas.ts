import { isObject, type JsonObject } from "../load/pointer";

/**
 * Calls `visit` for every subschema of `schema` that translation descends into (not `$defs`:
 * those are reached through refs only). `sameInstance` is true for applicators that validate
 * the same value (allOf, anyOf, oneOf, not, if/then/else, dependencies), false for those that
 * validate a child value (properties, items, ...): only the former share `required` scope.
 * `state` is passed through so callers need no per-node closure.
 */
export function forEachSubschema<State>(
  schema: JsonObject,
  state: State,
  visit: (state: State, child: unknown, sameInstance: boolean) => void,
): void {
  for (const key of Object.keys(schema)) {
    const value = schema[key];
    switch (key) {
      case "not":
      case "if":
      case "then":
      case "else":
        visit(state, value, true);
        break;
      case "allOf":
      case "anyOf":
      case "oneOf":
        if (Array.isArray(value)) for (const member of value) visit(state, member, true);
        break;
      case "dependentSchemas":
      case "dependencies":
        if (isObject(value)) {
          for (const member of Object.values(value))
            if (!Array.isArray(member)) visit(state, member, true);
        }
        break;
      case "additionalProperties":
      case "additionalItems":
      case "contains":
      case "propertyNames":
        visit(state, value, false);
        break;
      case "items":
      case "prefixItems":
        if (Array.isArray(value)) for (const member of value) visit(state, member, false);
        else visit(state, value, false);
        break;
      case "properties":
      case "patternProperties":
        if (isObject(value)) for (const member of Object.values(value)) visit(state, member, false);
        break;
    }
  }
}
