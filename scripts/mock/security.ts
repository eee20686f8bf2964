import type { AppliedScheme, RequirementModel } from "../model/security-types";
import type { AuthModel, OperationModel } from "../model/types";
import { type AuthContext, type AuthInput, bearerToken, checkAuth } from "./auth-check";
import { jsonReply, type MockReply } from "./reply";
import type { TokenStore } from "./token-store";

/** Bounded like the token store: the oldest grants go first. */
const MAX_GRANTS = 100_000;

/**
 * Scopes granted per issued token, per mock (its token store). Undefined: the token request
 * named no scope, and RFC 6749 §3.3 lets the server grant its default, here every scope.
 */
const grants = new WeakMap<TokenStore, Map<string, string[] | undefined>>();

/** Called by the token endpoint for every token it issues (the hook in token-endpoint.ts). */
export function recordGrant(store: TokenStore, token: string, scope: string | undefined): void {
  let map = grants.get(store);
  if (!map) {
    map = new Map();
    grants.set(store, map);
  }
  if (map.size >= MAX_GRANTS) {
    const oldest = map.keys().next().value;
    if (oldest !== undefined) map.delete(oldest);
  }
  map.set(token, scope === undefined ? undefined : scope.split(/\s+/).filter(Boolean));
}

function header(input: AuthInput, name: string): string | undefined {
  const value = input.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** RFC 6750 §3.1: 403 with the scopes the operation needs. */
function insufficientScope(needed: string[]): MockReply {
  const scope = needed.join(" ");
  return jsonReply(
    403,
    {
      error: "insufficient_scope",
      error_description: `The access token lacks the scope this operation needs: ${scope}.`,
    },
    { "www-authenticate": `Bearer error="insufficient_scope", scope="${scope}"` },
  );
}

const tokenNotAllowed = (scheme: string): MockReply =>
  jsonReply(401, {
    error: "invalid_token",
    error_description: `A client-credentials token cannot call this operation: scheme ${scheme} needs a user's token.`,
  });

/** One scheme of an alternative, checked as the gateway would; undefined: satisfied. */
function checkScheme(
  input: AuthInput,
  { scheme, scopes }: AppliedScheme,
  context: AuthContext,
): MockReply | undefined {
  const as = (auth: AuthModel) => checkAuth(input, { ...context, auth });
  switch (scheme.kind) {
    case "client-credentials": {
      const denied = as(context.auth);
      if (denied || scopes.length === 0) return denied;
      const token = bearerToken(header(input, "authorization")) ?? "";
      const granted = grants.get(context.store)?.get(token);
      if (granted === undefined) return undefined;
      const missing = scopes.filter((s) => !granted.includes(s));
      return missing.length > 0 ? insufficientScope(scopes) : undefined;
    }
    case "bearer":
      return as({ kind: "bearer", schemeName: scheme.name });
    case "user-token": {
      const denied = as({ kind: "bearer", schemeName: scheme.name });
      if (denied) return denied;
      // The mock cannot check a user's token, but it knows the machine tokens it issued.
      const token = bearerToken(header(input, "authorization")) ?? "";
      return context.store.check(token) === "unknown" ? undefined : tokenNotAllowed(scheme.name);
    }
    case "api-key":
      return as({ kind: "api-key", schemeName: scheme.name, name: scheme.param, in: scheme.in });
    case "basic":
      return as({ kind: "basic", schemeName: scheme.name });
    case "mutual-tls":
      return undefined; // transport level: nothing to see in the request
    case "unsupported":
      return jsonReply(401, {
        error: "unauthorized",
        error_description: `Scheme ${scheme.name} cannot be satisfied: ${scheme.why}.`,
      });
  }
}

function checkRequirement(
  input: AuthInput,
  requirement: RequirementModel,
  context: AuthContext,
): MockReply | undefined {
  for (const applied of requirement.schemes) {
    const denied = checkScheme(input, applied, context);
    if (denied) return denied;
  }
  return undefined;
}

/**
 * The operation's security requirement as the spec writes it: the request passes when one
 * alternative has every one of its schemes satisfied (missing API key: 401 naming it; a
 * token without the operation's scopes: 403 insufficient_scope). Refused, the answer is the
 * refusal of the alternative the collection sends (else the first). Operations without a
 * modelled requirement keep the collection-wide check.
 */
export function checkOperationAuth(
  input: AuthInput,
  operation: OperationModel,
  context: AuthContext,
): MockReply | undefined {
  const security = operation.security;
  if (!security || security.chosen === undefined) return checkAuth(input, context);
  let refusal: MockReply | undefined;
  for (const [index, requirement] of security.alternatives.entries()) {
    const denied = checkRequirement(input, requirement, context);
    if (!denied) return undefined;
    if (index === security.chosen || refusal === undefined) refusal = denied;
  }
  return refusal;
}
