import type { ModelContext } from "./context";
import { child, isObject } from "./resolve";
import { classifyScheme, declaredSchemes } from "./schemes";
import {
  type AppliedScheme,
  type OperationSecurity,
  type RequirementModel,
  SATISFIABLE,
  type SchemeUse,
  USER_TOKEN_VARIABLE,
} from "./security-types";
import type { AuthModel, OperationModel } from "./types";

/** A requirement list longer than this is cut: no real API offers more alternatives. */
const MAX_ALTERNATIVES = 32;
/** Schemes per alternative, and scopes per scheme, are bounded the same way. */
const MAX_SCHEMES = 16;
const MAX_SCOPES = 64;

function requirementsOf(
  raw: unknown,
  classify: (name: string) => SchemeUse,
): RequirementModel[] | undefined {
  if (!Array.isArray(raw)) return undefined;
  return raw.slice(0, MAX_ALTERNATIVES).flatMap((requirement) => {
    if (!isObject(requirement)) return [];
    const schemes = Object.entries(requirement)
      .slice(0, MAX_SCHEMES)
      .map(([name, scopes]): AppliedScheme => {
        const list = Array.isArray(scopes) ? scopes.slice(0, MAX_SCOPES) : [];
        return {
          scheme: classify(name),
          scopes: list.filter((s): s is string => typeof s === "string"),
        };
      });
    return [{ schemes }];
  });
}

const satisfiable = (r: RequirementModel) => r.schemes.every((s) => SATISFIABLE.has(s.scheme.kind));
const withUserToken = (r: RequirementModel) =>
  r.schemes.some((s) => s.scheme.kind === "user-token") &&
  r.schemes.every((s) => s.scheme.kind === "user-token" || SATISFIABLE.has(s.scheme.kind));

/**
 * The documented order: the first alternative in spec order that names schemes and that the
 * collection satisfies alone (client credentials, its own key, basic and bearer variables);
 * else `{}` (optional auth: sent without credentials); else the first alternative the user's
 * token completes. Undefined: nothing the collection can send.
 */
export function chooseAlternative(
  alternatives: RequirementModel[],
): Pick<OperationSecurity, "chosen" | "reason"> {
  const own = alternatives.findIndex((r) => r.schemes.length > 0 && satisfiable(r));
  if (own >= 0) return { chosen: own, reason: "collection" };
  const optional = alternatives.findIndex((r) => r.schemes.length === 0);
  if (optional >= 0) return { chosen: optional, reason: "optional" };
  const user = alternatives.findIndex(withUserToken);
  if (user >= 0) return { chosen: user, reason: "user-token" };
  return {};
}

/** The schemes the request sends: the chosen alternative's, less those switched off. */
export function appliedSchemes(operation: OperationModel): AppliedScheme[] {
  const security = operation.security;
  if (!security || security.chosen === undefined) return [];
  const off = new Set(security.off ?? []);
  const chosen = security.alternatives[security.chosen];
  return (chosen?.schemes ?? []).filter((s) => !off.has(s.scheme.name));
}

export const needsUserToken = (operation: OperationModel): boolean =>
  appliedSchemes(operation).some((s) => s.scheme.kind === "user-token");

/** The collection's token is fetched for it (client credentials or a supplied bearer). */
export const needsCollectionToken = (operation: OperationModel): boolean =>
  appliedSchemes(operation).some(
    (s) => s.scheme.kind === "client-credentials" || s.scheme.kind === "bearer",
  );

function rawSecurity(ctx: ModelContext, operation: OperationModel): unknown {
  const paths = isObject(ctx.document.paths) ? ctx.document.paths : {};
  const item = ctx.deref(paths[operation.path], child("#/paths", operation.path));
  const raw = item && isObject(item.value) ? item.value[operation.method] : undefined;
  return isObject(raw) ? raw.security : undefined;
}

/**
 * Sets each operation's `security` and `secured` (the chosen alternative names a scheme).
 * `assumed`: the spec has no requirement anywhere; the collection's scheme secures all.
 * Warns once per scheme that needs a user's token, with how many operations use it.
 */
export function applyRequirements(
  ctx: ModelContext,
  auth: AuthModel,
  operations: OperationModel[],
  assumed: boolean,
): void {
  const declared = declaredSchemes(ctx);
  const classify = (name: string) => classifyScheme(name, declared.get(name), auth);
  const root = requirementsOf(ctx.document.security, classify);
  const fallback =
    assumed && "schemeName" in auth ? requirementsOf([{ [auth.schemeName]: [] }], classify) : [];
  const userOps = new Map<string, { flows: string[]; count: number }>();
  for (const operation of operations) {
    const alternatives = requirementsOf(rawSecurity(ctx, operation), classify) ?? root ?? fallback;
    if (!alternatives || alternatives.length === 0) continue;
    const security: OperationSecurity = { alternatives, ...chooseAlternative(alternatives) };
    operation.security = security;
    // Nothing sendable: `secured` stays as written, the request inherits the collection's auth.
    if (security.chosen !== undefined) operation.secured = appliedSchemes(operation).length > 0;
    for (const { scheme } of appliedSchemes(operation)) {
      if (scheme.kind !== "user-token") continue;
      const entry = userOps.get(scheme.name) ?? { flows: scheme.flows, count: 0 };
      entry.count += 1;
      userOps.set(scheme.name, entry);
    }
  }
  for (const [name, { flows, count }] of userOps) {
    ctx.report(
      "user-token",
      "warning",
      child("#/components/securitySchemes", name),
      `Scheme "${name}" needs a user's token (${flows.join(", ") || "no flow"}), which a client-credentials collection cannot fetch; its ${count} operation(s) send {{${USER_TOKEN_VARIABLE}}} and are skipped while it is empty.`,
    );
  }
}

/**
 * The collection's token pre-request fetches for it: secured and either sending nothing the
 * spec names (inherits the collection's auth, as before) or a client-credentials/bearer scheme.
 */
export const usesCollectionToken = (operation: OperationModel): boolean =>
  operation.secured &&
  (operation.security?.chosen === undefined || needsCollectionToken(operation));
