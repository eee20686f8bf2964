import type { ModelContext } from "./context";
import { child, isObject } from "./resolve";
import type { ServerTarget } from "./types";

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

/** Servers turned into environments, at most (a spec listing hundreds is not asking for files). */
const MAX_SERVER_TARGETS = 20;

function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40)
    .replace(/-+$/, "");
}

/**
 * One target per entry of a root `servers` list that has several (issue 11 item 5): named from
 * its description, else its host; variables at their defaults, listed so users can change
 * them. Relative URLs are left out (they need the host of the first one, which is baseUrl).
 */
export function buildServerTargets(ctx: ModelContext): ServerTarget[] {
  const servers = ctx.document.servers;
  if (!Array.isArray(servers) || servers.length < 2) return [];
  const targets: ServerTarget[] = [];
  const taken = new Set(["mock", "sandbox", "production"]);
  for (const server of servers.slice(0, MAX_SERVER_TARGETS)) {
    if (!isObject(server) || typeof server.url !== "string") continue;
    const resolved = substitute(server.url.trim(), server.variables);
    if (!/^https?:\/\/[^/]/i.test(resolved)) continue;
    const description =
      typeof server.description === "string" && server.description.trim() !== ""
        ? server.description.trim()
        : undefined;
    const label = description ?? new URL(resolved).host;
    const base = `server-${slug(label) || "api"}`;
    let name = base;
    for (let n = 2; taken.has(name) && n < 100; n++) name = `${base}-${n}`;
    taken.add(name);
    const variables: ServerTarget["variables"] = [];
    for (const [key, raw] of Object.entries(isObject(server.variables) ? server.variables : {})) {
      if (!isObject(raw)) continue;
      const value = raw.default ?? (Array.isArray(raw.enum) ? raw.enum[0] : undefined);
      if (value !== undefined) variables.push({ name: key, value: String(value) });
    }
    targets.push({
      name,
      label,
      url: stripTrailingSlashes(server.url.trim()),
      variables,
    });
  }
  return targets;
}
