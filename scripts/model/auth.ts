import type { ModelContext } from "./context";
import { child, isObject, type JsonObject } from "./resolve";
import type { SecurityUsage } from "./security";
import { clientAuthOf, tokenParamsOf } from "./token-options";
import type { AuthModel } from "./types";

export const TOKEN_URL_EXTENSION = "x-specpost-token-url";

interface Scheme {
  name: string;
  pointer: string;
  value: JsonObject;
}

export interface AuthResult {
  auth: AuthModel;
  /**
   * No requirement applies anywhere although schemes are declared: the spec most likely
   * forgot `security`, so operations are treated as secured by the chosen scheme.
   */
  assumed: boolean;
}

const isAbsoluteUrl = (url: string): boolean => /^[a-z][a-z0-9+.-]*:\/\//i.test(url);

/** As written when absolute (the query string matters: KPN puts `grant_type` there). */
function absoluteTokenUrl(url: string, baseUrl: string): string {
  if (isAbsoluteUrl(url)) return url;
  try {
    return new URL(url, new URL(baseUrl).origin).href;
  } catch {
    return url;
  }
}

const clientCredentialsFlow = (s: Scheme): JsonObject | undefined => {
  if (s.value.type !== "oauth2" || !isObject(s.value.flows)) return undefined;
  const flow = s.value.flows.clientCredentials;
  return isObject(flow) && typeof flow.tokenUrl === "string" ? flow : undefined;
};

const carriesBearerToken = (s: Scheme): boolean =>
  s.value.type === "oauth2" ||
  s.value.type === "openIdConnect" ||
  (s.value.type === "http" && String(s.value.scheme).toLowerCase() === "bearer");

/** The scheme's (else the document's) token URL extension, trimmed; undefined when blank. */
function extensionOf(ctx: ModelContext, s: Scheme): string | undefined {
  const extension = s.value[TOKEN_URL_EXTENSION] ?? ctx.document[TOKEN_URL_EXTENSION];
  return typeof extension === "string" && extension.trim() !== "" ? extension.trim() : undefined;
}

const needsUser = (s: Scheme): boolean =>
  s.value.type === "openIdConnect" || (s.value.type === "oauth2" && !clientCredentialsFlow(s));

function describe(s: Scheme): string {
  if (s.value.type === "http") return `HTTP ${String(s.value.scheme)}`;
  if (s.value.type === "oauth2") return "OAuth 2.0 without a client credentials flow";
  return String(s.value.type);
}

function schemesInUse(
  ctx: ModelContext,
  usage: SecurityUsage,
): { schemes: Scheme[]; assumed: boolean } {
  const components = isObject(ctx.document.components) ? ctx.document.components : {};
  const declared = isObject(components.securitySchemes) ? components.securitySchemes : {};
  const assumed = !usage.anyRequirement && Object.keys(declared).length > 0;
  const names = assumed ? Object.keys(declared) : [...usage.schemes.keys()];
  const schemes: Scheme[] = [];
  for (const name of names) {
    const pointer = child("#/components/securitySchemes", name);
    if (!Object.hasOwn(declared, name)) {
      const at = usage.firstUse.get(name) ?? "#";
      ctx.report(
        "unresolved-ref",
        "warning",
        at,
        `Security requirement names scheme "${name}", which components.securitySchemes does not declare; it is ignored. Declare it or fix the name.`,
      );
      continue;
    }
    const resolved = ctx.deref(declared[name], pointer);
    if (!resolved) continue;
    if (!isObject(resolved.value) || typeof resolved.value.type !== "string") {
      ctx.report(
        "invalid-type",
        "error",
        pointer,
        `Security scheme "${name}" must be an object with a "type"; fix the spec.`,
      );
      continue;
    }
    schemes.push({ name, pointer, value: resolved.value });
  }
  return { schemes, assumed };
}

/**
 * How the collection authenticates. OAuth 2.0 client credentials wins over every other
 * scheme; a bearer-style scheme becomes client credentials when a token URL is known
 * (`--token-url`, else the `x-specpost-token-url` extension); the rest convert with a warning.
 */
export function buildAuth(ctx: ModelContext, baseUrl: string, usage: SecurityUsage): AuthResult {
  const { schemes, assumed } = schemesInUse(ctx, usage);
  const auth = chooseAuth(ctx, baseUrl, usage, schemes);
  if (assumed && auth.kind !== "none") {
    ctx.report(
      "assumed-security",
      "warning",
      "#/components/securitySchemes",
      `No security requirement applies to any operation; assuming every operation uses scheme "${auth.schemeName}". Add "security: [{${auth.schemeName}: []}]" to the spec to say so.`,
    );
  }
  return { auth, assumed };
}

function chooseAuth(
  ctx: ModelContext,
  baseUrl: string,
  usage: SecurityUsage,
  schemes: Scheme[],
): AuthModel {
  const scopes = (name: string) => [...(usage.schemes.get(name) ?? [])].sort();
  const option = ctx.options.tokenUrl;
  const withFlow = schemes.find((s) => clientCredentialsFlow(s) !== undefined);
  // An OAuth 2.0 scheme with user flows only (or OpenID Connect) holds the token only when a
  // token URL turns it into client credentials; else it needs the user's token (schemes.ts).
  const tokenUrlKnown = (s: Scheme) =>
    option !== undefined || typeof extensionOf(ctx, s) === "string" || s.value.type === "http";
  const holder = withFlow ?? schemes.find((s) => carriesBearerToken(s) && tokenUrlKnown(s));
  if (holder) {
    const clientCredentials = (
      tokenUrl: string,
      source: "flow" | "extension" | "option",
    ): AuthModel => {
      // Absent when default (auto, none): models without these settings stay as they were.
      const clientAuth = clientAuthOf(ctx, holder.value, holder.pointer);
      const tokenParams = tokenParamsOf(ctx, holder.value, holder.pointer);
      return {
        kind: "client-credentials",
        schemeName: holder.name,
        tokenUrl: absoluteTokenUrl(tokenUrl, baseUrl),
        scopes: scopes(holder.name),
        source,
        ...(clientAuth !== "auto" && { clientAuth }),
        ...(tokenParams.length > 0 && { tokenParams }),
      };
    };
    if (option) return clientCredentials(option, "option");
    const flow = clientCredentialsFlow(holder);
    if (flow) return clientCredentials(String(flow.tokenUrl), "flow");
    const extension = extensionOf(ctx, holder);
    if (extension !== undefined) return clientCredentials(extension, "extension");
    ctx.report(
      "no-token-url",
      "warning",
      holder.pointer,
      `Scheme "${holder.name}" is ${describe(holder)} and names no token endpoint; pass --token-url <url> or add ${TOKEN_URL_EXTENSION} to the scheme. Until then the collection sends a bearer token you supply.`,
    );
    return { kind: "bearer", schemeName: holder.name };
  }
  const ignored = option ? " --token-url is ignored without an OAuth 2.0 or bearer scheme." : "";
  const apiKey = schemes.find((s) => s.value.type === "apiKey");
  if (apiKey) {
    const where =
      apiKey.value.in === "query" || apiKey.value.in === "cookie" ? apiKey.value.in : "header";
    const name = typeof apiKey.value.name === "string" ? apiKey.value.name : "X-API-Key";
    ctx.report(
      "no-client-credentials",
      "warning",
      apiKey.pointer,
      `Scheme "${apiKey.name}" is an API key (${where} "${name}"), not OAuth 2.0 client credentials; the collection sends the key from the environment and fetches no token.${ignored}`,
    );
    return { kind: "api-key", schemeName: apiKey.name, name, in: where };
  }
  const basic = schemes.find(
    (s) => s.value.type === "http" && String(s.value.scheme).toLowerCase() === "basic",
  );
  if (basic) {
    ctx.report(
      "no-client-credentials",
      "warning",
      basic.pointer,
      `Scheme "${basic.name}" is HTTP basic, not OAuth 2.0 client credentials; the collection sends a username and password from the environment and fetches no token.${ignored}`,
    );
    return { kind: "basic", schemeName: basic.name };
  }
  // User flows are warned about once per scheme with their operation count (requirements.ts).
  for (const other of schemes.filter((s) => !needsUser(s))) {
    ctx.report(
      "unsupported-auth",
      "warning",
      other.pointer,
      `Scheme "${other.name}" (${describe(other)}) is not supported; requests are sent without credentials.`,
    );
  }
  if (schemes.length === 0) {
    ctx.report(
      "no-client-credentials",
      "warning",
      "#",
      `The spec declares no security; requests are sent without credentials and no token is fetched.${ignored}`,
    );
  }
  return { kind: "none" };
}
