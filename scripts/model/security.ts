import type { ModelContext } from "./context";
import { HTTP_METHODS } from "./methods";
import { child, isObject } from "./resolve";

/** Which security schemes the spec's requirements name, in first-use order. */
export interface SecurityUsage {
  /** Scheme name → scopes requested anywhere for it. */
  schemes: Map<string, Set<string>>;
  /** Pointer of the first requirement naming each scheme (for problems). */
  firstUse: Map<string, string>;
  /** True when some requirement (root or operation) names at least one scheme. */
  anyRequirement: boolean;
}

/** An effective requirement list secures an operation when one alternative names a scheme. */
export function requiresAuth(security: unknown): boolean {
  return (
    Array.isArray(security) && security.some((req) => isObject(req) && Object.keys(req).length > 0)
  );
}

export function collectSecurity(ctx: ModelContext): SecurityUsage {
  const usage: SecurityUsage = { schemes: new Map(), firstUse: new Map(), anyRequirement: false };
  const add = (security: unknown, pointer: string) => {
    if (!Array.isArray(security)) return;
    security.forEach((requirement, i) => {
      if (!isObject(requirement)) return;
      for (const [name, scopes] of Object.entries(requirement)) {
        usage.anyRequirement = true;
        if (!usage.schemes.has(name)) {
          usage.schemes.set(name, new Set());
          usage.firstUse.set(name, child(pointer, i, name));
        }
        const set = usage.schemes.get(name);
        if (Array.isArray(scopes)) for (const s of scopes) if (typeof s === "string") set?.add(s);
      }
    });
  };
  add(ctx.document.security, "#/security");
  const paths = ctx.document.paths;
  if (isObject(paths)) {
    for (const [path, rawItem] of Object.entries(paths)) {
      const item = ctx.deref(rawItem, child("#/paths", path));
      if (!item || !isObject(item.value)) continue;
      for (const method of Object.keys(item.value)) {
        const operation = item.value[method];
        if (HTTP_METHODS.has(method) && isObject(operation)) {
          add(operation.security, child(item.pointer, method, "security"));
        }
      }
    }
  }
  return usage;
}
