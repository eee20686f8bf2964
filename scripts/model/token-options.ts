import type { ModelContext } from "./context";
import { child, isObject, type JsonObject } from "./resolve";
import { CLIENT_AUTH_METHODS, type ClientAuth, type TokenParam } from "./types";

export const CLIENT_AUTH_EXTENSION = "x-specpost-client-auth";
export const TOKEN_PARAMS_EXTENSION = "x-specpost-token-params";

/** Form fields the token scripts own: a token parameter may not replace them. */
const OWNED = new Set(["grant_type", "client_id", "client_secret", "scope"]);
const PARAM_NAME = /^[A-Za-z0-9_.~-]{1,64}$/;
const MAX_PARAMS = 20;

const isClientAuth = (value: unknown): value is ClientAuth =>
  typeof value === "string" && (CLIENT_AUTH_METHODS as readonly string[]).includes(value);

/** Why a token parameter name cannot be used, or undefined when it can. */
export function tokenParamNameProblem(name: string): string | undefined {
  if (!PARAM_NAME.test(name))
    return `"${name}" is not a form parameter name (letters, digits, _ . ~ -)`;
  if (OWNED.has(name)) return `"${name}" is sent by specpost itself`;
  return undefined;
}

/** `--client-auth` wins over `x-specpost-client-auth` on the scheme; the default is auto. */
export function clientAuthOf(ctx: ModelContext, scheme: JsonObject, pointer: string): ClientAuth {
  if (ctx.options.clientAuth) return ctx.options.clientAuth;
  const written = scheme[CLIENT_AUTH_EXTENSION];
  if (written === undefined) return "auto";
  if (isClientAuth(written)) return written;
  ctx.report(
    "invalid-type",
    "warning",
    child(pointer, CLIENT_AUTH_EXTENSION),
    `${CLIENT_AUTH_EXTENSION} must be "post", "basic" or "auto", got ${JSON.stringify(written)}; using auto.`,
  );
  return "auto";
}

/**
 * `x-specpost-token-params` (an object of strings) on the scheme, then `--token-param`
 * options, a later one replacing an earlier one of the same name; sorted by name.
 */
export function tokenParamsOf(
  ctx: ModelContext,
  scheme: JsonObject,
  pointer: string,
): TokenParam[] {
  const params = new Map<string, string>();
  const written = scheme[TOKEN_PARAMS_EXTENSION];
  const at = child(pointer, TOKEN_PARAMS_EXTENSION);
  if (written !== undefined && !isObject(written)) {
    ctx.report(
      "invalid-type",
      "warning",
      at,
      `${TOKEN_PARAMS_EXTENSION} must be an object of names to string values; it is ignored.`,
    );
  } else if (written !== undefined) {
    for (const [name, value] of Object.entries(written).slice(0, MAX_PARAMS)) {
      const problem = tokenParamNameProblem(name);
      if (problem !== undefined || (typeof value !== "string" && typeof value !== "number")) {
        ctx.report(
          "invalid-type",
          "warning",
          child(at, name),
          `Token parameter ${problem ?? `"${name}" must have a string value`}; it is ignored.`,
        );
        continue;
      }
      params.set(name, String(value));
    }
  }
  for (const param of ctx.options.tokenParams ?? []) params.set(param.name, param.value);
  return [...params.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([name, value]) => ({ name, value }));
}
