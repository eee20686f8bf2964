import type { ModelContext } from "./context";
import { child, isObject } from "./resolve";

const LOCALHOST = "http://localhost";

/** `{var}` replaced by the variable's default (or first enum value). */
function substitute(url: string, variables: unknown): string {
  if (!isObject(variables)) return url;
  return url.replace(/\{([^}]+)\}/g, (whole, name: string) => {
    const variable = variables[name];
    if (!isObject(variable)) return whole;
    const value = variable.default ?? (Array.isArray(variable.enum) ? variable.enum[0] : undefined);
    return value === undefined ? whole : String(value);
  });
}

const stripTrailingSlashes = (url: string): string => url.replace(/\/+$/, "");

/**
 * URL of the first server in `servers`, variables at their defaults, no trailing slash;
 * undefined when the list is absent or empty.
 */
export function firstServerUrl(servers: unknown): string | undefined {
  if (!Array.isArray(servers)) return undefined;
  const first = servers[0];
  if (!isObject(first) || typeof first.url !== "string") return undefined;
  return substitute(first.url.trim(), first.variables);
}

/**
 * The base URL every request starts with. A relative (or missing) server URL cannot be
 * called as is: it becomes `http://localhost` + path, with a warning to set `baseUrl`.
 */
export function buildBaseUrl(ctx: ModelContext): string {
  const written = firstServerUrl(ctx.document.servers);
  const pointer = written === undefined ? "#" : child("#", "servers", 0, "url");
  return absoluteBaseUrl(ctx, written, pointer);
}

export function absoluteBaseUrl(
  ctx: ModelContext,
  written: string | undefined,
  pointer: string,
): string {
  if (written !== undefined && /^[a-z][a-z0-9+.-]*:\/\//i.test(written)) {
    return stripTrailingSlashes(written);
  }
  // Swagger 2.0 without `schemes` converts to a scheme-relative `//host/base`.
  if (written?.startsWith("//")) {
    const url = stripTrailingSlashes(`https:${written}`);
    ctx.report(
      "no-base-url",
      "warning",
      pointer,
      `Server URL "${written}" has no scheme; using ${url}. Set baseUrl in the environment if that is wrong.`,
    );
    return url;
  }
  const path = stripTrailingSlashes(
    written === undefined ? "" : `/${written.replace(/^\.?\/+/, "")}`,
  );
  const url = `${LOCALHOST}${path}`;
  const why =
    written === undefined ? "The spec declares no servers" : `Server URL "${written}" is relative`;
  ctx.report(
    "no-base-url",
    "warning",
    pointer,
    `${why}; requests go to ${url}. Set baseUrl in the environment to the real API host.`,
  );
  return url;
}
