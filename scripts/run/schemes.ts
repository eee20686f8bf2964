import type { CollectionDefinition } from "postman-collection";
import { idKeys, idSource } from "../collection/ids";
import { appliedSchemes } from "../model/requirements";
import { USER_TOKEN_VARIABLE } from "../model/security-types";
import type { ApiModel, OperationModel } from "../model/types";
import type { SchemeUsage } from "./report";

/**
 * Which security schemes each item of a collection sends, read from the collection itself
 * (its auth, inherited or its own, and the `{{apikey_*}}` and `{{user_access_token}}` it
 * references), with the model only naming them. Names and variables only: never a value.
 */
export interface SchemePlan {
  /** Item id → names of the schemes its request carries. */
  byItem: Map<string, string[]>;
  /** Every scheme some item carries, in order of first appearance. */
  catalog: SchemeUsage[];
}

/** Variables the collection's own client-credentials flow fills (the narrow one for the scope check). */
const TOKEN_VARIABLES = new Set(["access_token", "specpost_narrow_token"]);
const API_KEY_REFERENCE = /\{\{(apikey_[^{}]+)\}\}/g;
const MAX_DEPTH = 32;

interface Pair {
  key?: string;
  value?: unknown;
  disabled?: boolean;
}
interface AuthLike {
  type?: string;
  [attributes: string]: unknown;
}
interface ItemLike {
  id?: string;
  item?: ItemLike[];
  auth?: AuthLike | null;
  request?: {
    auth?: AuthLike | null;
    header?: Pair[] | string;
    url?: { query?: Pair[] } | string;
  };
}

export function schemePlanOf(collection: CollectionDefinition, model: ApiModel): SchemePlan {
  const names = schemeNames(model);
  const catalog = new Map<string, SchemeUsage>();
  const byItem = new Map<string, string[]>();
  const note = (name: string, what: string, hint?: string) => {
    if (!catalog.has(name))
      catalog.set(name, { name, what, sent: 0, skipped: 0, ...(hint && { hint }) });
    return name;
  };
  const visit = (items: readonly ItemLike[], inherited: AuthLike | undefined, depth: number) => {
    if (depth > MAX_DEPTH) return;
    for (const item of items) {
      const auth = item.auth && item.auth.type !== "inherit" ? item.auth : inherited;
      if (Array.isArray(item.item)) {
        visit(item.item, auth, depth + 1);
        continue;
      }
      if (!item.request || item.id === undefined) continue;
      const own = item.request.auth;
      const used = authSchemes(own && own.type !== "inherit" ? own : auth, names, item.id, note);
      for (const key of apiKeysOf(item.request)) {
        const name = names.apiKeys.get(key.variable) ?? key.variable.slice("apikey_".length);
        used.push(note(name, `API key, ${key.in} ${key.param}`));
      }
      byItem.set(item.id, [...new Set(used)]);
    }
  };
  const root = (collection as { auth?: AuthLike }).auth;
  visit((collection.item ?? []) as ItemLike[], root ?? undefined, 0);
  return { byItem, catalog: [...catalog.values()] };
}

type Note = (name: string, what: string, hint?: string) => string;

function authSchemes(
  auth: AuthLike | undefined | null,
  names: SchemeNames,
  itemId: string,
  note: Note,
): string[] {
  if (!auth?.type || auth.type === "noauth") return [];
  if (auth.type === "bearer" || auth.type === "oauth2") {
    const token = attribute(auth, auth.type, auth.type === "bearer" ? "token" : "accessToken");
    const variable = /^\{\{([^{}]+)\}\}$/.exec(token ?? "")?.[1];
    if (variable === USER_TOKEN_VARIABLE) {
      const users = names.userByItem.get(itemId) ?? names.users;
      const labels = users.length > 0 ? users : [USER_TOKEN_VARIABLE];
      return labels.map((name) => note(name, "user token", `set ${USER_TOKEN_VARIABLE}`));
    }
    if (variable !== undefined && TOKEN_VARIABLES.has(variable))
      return [note(names.token ?? "token", names.tokenWhat)];
    return [];
  }
  if (auth.type === "basic") return [note(names.basic ?? "basic", "HTTP basic")];
  if (auth.type === "apikey") {
    const where = attribute(auth, "apikey", "in") ?? "header";
    const param = attribute(auth, "apikey", "key") ?? "";
    return [note(names.collectionKey ?? "API key", `API key, ${where} ${param}`.trimEnd())];
  }
  return [];
}

function attribute(auth: AuthLike, type: string, key: string): string | undefined {
  const list = auth[type];
  if (!Array.isArray(list)) return undefined;
  const found = (list as Pair[]).find((pair) => pair.key === key);
  return typeof found?.value === "string" ? found.value : undefined;
}

/** `{{apikey_*}}` references in enabled headers (Cookie included) and query parameters. */
function apiKeysOf(
  request: NonNullable<ItemLike["request"]>,
): { variable: string; in: string; param: string }[] {
  const found: { variable: string; in: string; param: string }[] = [];
  const scan = (pairs: Pair[] | undefined, where: "header" | "query") => {
    for (const pair of Array.isArray(pairs) ? pairs : []) {
      if (pair.disabled || typeof pair.value !== "string" || typeof pair.key !== "string") continue;
      if (where === "header" && pair.key.toLowerCase() === "cookie") {
        for (const part of pair.value.split(";")) {
          const [param = "", value = ""] = part.split("=").map((s) => s.trim());
          for (const m of value.matchAll(API_KEY_REFERENCE))
            found.push({ variable: m[1] ?? "", in: "cookie", param });
        }
        continue;
      }
      for (const m of pair.value.matchAll(API_KEY_REFERENCE))
        found.push({ variable: m[1] ?? "", in: where, param: pair.key });
    }
  };
  scan(typeof request.header === "string" ? undefined : request.header, "header");
  scan(typeof request.url === "string" ? undefined : request.url?.query, "query");
  return found;
}

interface SchemeNames {
  token?: string;
  tokenWhat: string;
  basic?: string;
  collectionKey?: string;
  /** API key variable → scheme name. */
  apiKeys: Map<string, string>;
  /** Every user-token scheme an operation's chosen alternative names. */
  users: string[];
  userByItem: Map<string, string[]>;
}

/** Scheme names as the spec writes them, by what the collection sends for them. */
function schemeNames(model: ApiModel): SchemeNames {
  const { auth } = model;
  const names: SchemeNames = {
    tokenWhat: auth.kind === "bearer" ? "bearer token" : "client credentials token",
    apiKeys: new Map(),
    users: [],
    userByItem: new Map(),
  };
  if (auth.kind === "client-credentials" || auth.kind === "bearer") names.token = auth.schemeName;
  if (auth.kind === "basic") names.basic = auth.schemeName;
  if (auth.kind === "api-key") names.collectionKey = auth.schemeName;
  const ids = idSource(model.title);
  const users = new Set<string>();
  for (const operation of model.operations as readonly OperationModel[]) {
    const mine: string[] = [];
    for (const { scheme } of appliedSchemes(operation)) {
      if (scheme.kind === "api-key") names.apiKeys.set(scheme.variable, scheme.name);
      if (scheme.kind === "user-token") mine.push(scheme.name);
      if (scheme.kind === "basic") names.basic ??= scheme.name;
    }
    for (const name of mine) users.add(name);
    if (mine.length > 0) names.userByItem.set(ids.of(idKeys.operation(operation.key)), mine);
  }
  names.users = [...users];
  return names;
}

/** The catalog's schemes counted over executions: sent when the item sent its request, else skipped. */
export function countSchemes(
  catalog: readonly SchemeUsage[],
  executions: readonly { method: string; schemes?: string[] }[],
): SchemeUsage[] {
  const counts = new Map(catalog.map((s) => [s.name, { ...s, sent: 0, skipped: 0 }]));
  for (const execution of executions) {
    for (const name of execution.schemes ?? []) {
      const usage = counts.get(name);
      if (!usage) continue;
      if (execution.method) usage.sent++;
      else usage.skipped++;
    }
  }
  return [...counts.values()];
}
