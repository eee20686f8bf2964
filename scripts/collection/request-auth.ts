import { appliedSchemes } from "../model/requirements";
import {
  type ApiKeyUse,
  type AppliedScheme,
  type RequirementModel,
  USER_TOKEN_VARIABLE,
} from "../model/security-types";
import type { AuthModel, OperationModel } from "../model/types";
import type { PostmanAuth, PostmanRequest } from "./types";

const attribute = (key: string, value: string) => ({ key, value, type: "string" as const });

const BEARER_USER: PostmanAuth = {
  type: "bearer",
  bearer: [attribute("token", `{{${USER_TOKEN_VARIABLE}}}`)],
};
const BASIC: PostmanAuth = {
  type: "basic",
  basic: [attribute("username", "{{username}}"), attribute("password", "{{password}}")],
};

/** The scheme the collection-level auth sends (requests inheriting it get it for free). */
function inheritedScheme(auth: AuthModel): "token" | "basic" | string | undefined {
  if (auth.kind === "client-credentials" || auth.kind === "bearer") return "token";
  if (auth.kind === "basic") return "basic";
  if (auth.kind === "api-key") return auth.schemeName;
  return undefined;
}

/** The Authorization header's owner among the applied schemes: at most one can have it. */
function authorizationOf(applied: AppliedScheme[]): "token" | "user" | "basic" | undefined {
  const kinds = new Set(applied.map((s) => s.scheme.kind));
  if (kinds.has("client-credentials") || kinds.has("bearer")) return "token";
  if (kinds.has("user-token")) return "user";
  if (kinds.has("basic")) return "basic";
  return undefined;
}

/** One API key in its place, replacing a parameter of the same name the spec also lists. */
export function addApiKey(request: PostmanRequest, key: ApiKeyUse): void {
  const value = `{{${key.variable}}}`;
  if (key.in === "query") {
    const query = (request.url.query ?? []).filter((q) => q.key !== key.param);
    query.push({ key: key.param, value });
    request.url.query = query;
    const [base] = request.url.raw.split("?");
    const enabled = query.filter((q) => !q.disabled).map((q) => `${q.key}=${q.value ?? ""}`);
    request.url.raw = `${base}?${enabled.join("&")}`;
    return;
  }
  const name = key.in === "cookie" ? "Cookie" : key.param;
  const pair = `${key.param}=${value}`;
  const existing = request.header.find((h) => h.key.toLowerCase() === name.toLowerCase());
  if (key.in === "cookie" && existing) {
    existing.value = existing.value ? `${existing.value}; ${pair}` : pair;
    return;
  }
  request.header = request.header.filter((h) => h.key.toLowerCase() !== name.toLowerCase());
  request.header.push({ key: name, value: key.in === "cookie" ? pair : value });
}

/** `ClientIdAuth (API key in header Client_Id) + OAuth2 (client credentials, scopes a b)`. */
export function describeRequirement(requirement: RequirementModel): string {
  if (requirement.schemes.length === 0) return "no credentials ({})";
  return requirement.schemes
    .map(({ scheme, scopes }) => {
      const what =
        scheme.kind === "api-key"
          ? `API key in ${scheme.in} ${scheme.param}, {{${scheme.variable}}}`
          : scheme.kind === "user-token"
            ? `user token (${scheme.flows.join(", ")}), {{${USER_TOKEN_VARIABLE}}}`
            : scheme.kind === "unsupported"
              ? `not sendable: ${scheme.why}`
              : scheme.kind;
      return `${scheme.name} (${what}${scopes.length > 0 ? `; scopes ${scopes.join(" ")}` : ""})`;
    })
    .join(" + ");
}

function securityNote(operation: OperationModel, applied: AppliedScheme[]): string | undefined {
  const security = operation.security;
  if (!security) return undefined;
  const lines: string[] = [];
  const chosen = security.chosen === undefined ? undefined : security.alternatives[security.chosen];
  if (chosen) lines.push(`**Security** (sent): ${describeRequirement({ schemes: applied })}.`);
  else
    lines.push("**Security**: no alternative of the spec's requirement can be sent by specpost.");
  if (security.off && security.off.length > 0)
    lines.push(`Switched off by the overrides file: ${security.off.join(", ")}.`);
  const others = security.alternatives.filter((r) => r !== chosen);
  if (others.length > 0)
    lines.push(`The spec also accepts: ${others.map(describeRequirement).join("; or ")}.`);
  if (applied.some((s) => s.scheme.kind === "user-token"))
    lines.push(
      `Needs a user's token: set {{${USER_TOKEN_VARIABLE}}} (the run skips this request while it is empty).`,
    );
  if (applied.some((s) => s.scheme.kind === "mutual-tls"))
    lines.push(
      "Needs mutual TLS: configure the client certificate in Postman (Settings → Certificates) or newman --ssl-client-cert.",
    );
  // Only worth a line when it says more than the collection's single scheme would.
  const plain = security.alternatives.length === 1 && applied.length === 1 && !security.off;
  const kind = applied[0]?.scheme.kind;
  return plain && kind !== "user-token" && kind !== "mutual-tls" ? undefined : lines.join("\n\n");
}

/**
 * Applies the chosen alternative's schemes to an operation's request: the collection-level
 * auth where it is the right one, else the request's own; every API key from its variable.
 */
export function applySecurity(
  request: PostmanRequest,
  operation: OperationModel,
  auth: AuthModel,
): void {
  if (!operation.security || operation.security.chosen === undefined) return;
  const applied = appliedSchemes(operation);
  const inherited = inheritedScheme(auth);
  const owner = authorizationOf(applied);
  let inheriting = true;
  if (applied.length === 0) {
    request.auth = { type: "noauth" };
    inheriting = false;
  } else if (owner === "user") {
    request.auth = BEARER_USER;
    inheriting = false;
  } else if (owner === "basic" && inherited !== "basic") {
    request.auth = BASIC;
    inheriting = false;
  } else if (owner === undefined && !applied.some((s) => s.scheme.name === inherited)) {
    // API keys only: the collection's token or password must not go along.
    request.auth = { type: "noauth" };
    inheriting = false;
  }
  for (const { scheme } of applied) {
    if (scheme.kind !== "api-key") continue;
    if (inheriting && scheme.name === inherited) continue;
    addApiKey(request, scheme);
  }
  const note = securityNote(operation, applied);
  if (note) request.description = request.description ? `${request.description}\n\n${note}` : note;
}
