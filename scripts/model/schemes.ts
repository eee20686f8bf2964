import type { ModelContext } from "./context";
import { child, isObject, type JsonObject } from "./resolve";
import type { SchemeUse } from "./security-types";
import type { AuthModel } from "./types";

/** OAuth 2.0 flows only a user (a browser, a password, a device) can complete. */
const USER_FLOWS = ["authorizationCode", "implicit", "password", "deviceAuthorization"];

/** `apikey_<scheme>` with everything but letters, digits and `_` as `_`. */
export const apiKeyVariable = (scheme: string): string =>
  `apikey_${scheme.replace(/[^A-Za-z0-9_]/g, "_")}`;

/** The declared scheme objects, `$ref`s followed, by name. */
export function declaredSchemes(ctx: ModelContext): Map<string, JsonObject> {
  const components = isObject(ctx.document.components) ? ctx.document.components : {};
  const declared = isObject(components.securitySchemes) ? components.securitySchemes : {};
  const schemes = new Map<string, JsonObject>();
  for (const [name, raw] of Object.entries(declared)) {
    const resolved = ctx.deref(raw, child("#/components/securitySchemes", name));
    if (resolved && isObject(resolved.value) && typeof resolved.value.type === "string") {
      schemes.set(name, resolved.value);
    }
  }
  return schemes;
}

/** What the collection can do with one scheme, given how the collection authenticates. */
export function classifyScheme(
  name: string,
  scheme: JsonObject | undefined,
  auth: AuthModel,
): SchemeUse {
  if (!scheme) return { kind: "unsupported", name, why: "not declared in securitySchemes" };
  const cc = auth.kind === "client-credentials";
  const holder = "schemeName" in auth && auth.schemeName === name;
  switch (scheme.type) {
    case "apiKey": {
      const where = scheme.in === "query" || scheme.in === "cookie" ? scheme.in : "header";
      const param =
        typeof scheme.name === "string" && scheme.name !== "" ? scheme.name : "X-API-Key";
      return {
        kind: "api-key",
        name,
        in: where,
        param,
        variable: apiKeyVariable(name),
        // Even a key named Client_Id opens the API to whoever holds it.
        secret: true,
      };
    }
    case "http": {
      const kind = String(scheme.scheme).toLowerCase();
      if (kind === "basic") return { kind: "basic", name };
      if (kind === "bearer") {
        if (cc) return { kind: "client-credentials", name };
        return auth.kind === "bearer"
          ? { kind: "bearer", name }
          : { kind: "user-token", name, flows: ["bearer"] };
      }
      return { kind: "unsupported", name, why: `HTTP ${String(scheme.scheme)} is not supported` };
    }
    case "mutualTLS":
      return { kind: "mutual-tls", name };
    case "oauth2": {
      const flows = isObject(scheme.flows) ? Object.keys(scheme.flows) : [];
      if (cc && (holder || flows.includes("clientCredentials")))
        return { kind: "client-credentials", name };
      if (holder && auth.kind === "bearer") return { kind: "bearer", name };
      const user = flows.filter((f) => USER_FLOWS.includes(f));
      return { kind: "user-token", name, flows: user.length > 0 ? user : flows };
    }
    case "openIdConnect":
      if (holder && cc) return { kind: "client-credentials", name };
      if (holder && auth.kind === "bearer") return { kind: "bearer", name };
      return { kind: "user-token", name, flows: ["openIdConnect"] };
    default:
      return { kind: "unsupported", name, why: `type ${String(scheme.type)} is not supported` };
  }
}
