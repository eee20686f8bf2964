import {
  MOCK_CLIENT_ID,
  MOCK_CLIENT_SECRET,
  MOCK_DEFAULT_PORT,
  MOCK_HOST,
} from "../mock/constants";
import {
  MOCK_API_KEY,
  MOCK_BEARER_TOKEN,
  MOCK_PASSWORD,
  MOCK_USERNAME,
} from "../mock/security-constants";
import { isReservedVariable } from "../model/reserved";
import type { ApiModel, ServerTarget } from "../model/types";
import { credentialVariables } from "./auth";
import { trimTrailingSlash } from "./build";
import { idKeys, idSource } from "./ids";
import { urlLiteral } from "./literal";
import { securityCredentials } from "./security-variables";
import type { PostmanEnvironment, PostmanEnvironmentValue } from "./types";

export const TARGETS = ["mock", "sandbox", "production"] as const;
export type Target = (typeof TARGETS)[number];

export const MOCK_ORIGIN = `http://${MOCK_HOST}:${MOCK_DEFAULT_PORT}`;

/**
 * The mock serves the API and the token endpoint on one origin, at the same paths as the real
 * URLs, so a collection runs against it by swapping the origin only.
 */
export function mockUrl(url: string): string {
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(url)) {
    return `${MOCK_ORIGIN}${url === "" || url.startsWith("/") ? "" : "/"}${url}`;
  }
  const parsed = new URL(url);
  const path = parsed.pathname === "/" && !url.endsWith("/") ? "" : parsed.pathname;
  return `${MOCK_ORIGIN}${path}${parsed.search}`;
}

const MOCK_VALUES = { "api-key": MOCK_API_KEY, username: MOCK_USERNAME, password: MOCK_PASSWORD };

const value = (key: string, text: string, secret = false): PostmanEnvironmentValue => ({
  key,
  value: text,
  type: secret ? "secret" : "default",
  enabled: true,
});

function environmentValues(model: ApiModel, target: Target): PostmanEnvironmentValue[] {
  const baseUrl = trimTrailingSlash(model.baseUrl);
  const auth = model.auth;
  const values = [
    // URLs from the spec: Postman resolves `{{x}}` inside variable values too (literal.ts).
    value("baseUrl", urlLiteral(target === "mock" ? trimTrailingSlash(mockUrl(baseUrl)) : baseUrl)),
  ];
  if (auth.kind === "client-credentials") {
    const tokenUrl = target === "mock" ? mockUrl(auth.tokenUrl) : auth.tokenUrl;
    values.push(value("tokenUrl", urlLiteral(tokenUrl)));
  }
  for (const credential of credentialVariables(auth)) {
    let text = "";
    // The mock's demo credentials open nothing but the local mock: not secrets.
    if (target === "mock" && credential.key === "client_id") text = MOCK_CLIENT_ID;
    if (target === "mock" && credential.key === "client_secret") text = MOCK_CLIENT_SECRET;
    if (target === "mock" && auth.kind === "api-key") text = MOCK_API_KEY;
    if (target === "mock" && auth.kind === "bearer") text = MOCK_BEARER_TOKEN;
    if (target === "mock" && auth.kind === "basic")
      text = credential.key === "username" ? MOCK_USERNAME : MOCK_PASSWORD;
    values.push(value(credential.key, text, credential.secret && target !== "mock"));
  }
  // The schemes of AND-combinations and alternatives: the mock's values in the mock, else empty and secret.
  for (const credential of securityCredentials(model)) {
    if (credential.state) continue;
    const text = target === "mock" && credential.mock ? MOCK_VALUES[credential.mock] : "";
    values.push(value(credential.key, text, credential.secret && target !== "mock"));
  }
  return values;
}

/** A server variable's environment name: its own, unless the collection owns that name. */
const serverVariable = (name: string): string =>
  isReservedVariable(name) ? `server_${name}` : name;

/**
 * A server's environment: baseUrl is its URL with each `{variable}` a `{{variable}}` reference
 * (the spec's own text around them literal, literal.ts), the variables at their defaults
 * beside it; token URL and credentials as for production.
 */
function serverValues(model: ApiModel, server: ServerTarget): PostmanEnvironmentValue[] {
  const known = new Set(server.variables.map((v) => v.name));
  const baseUrl = server.url
    .split(/(\{[^{}]+\})/)
    .map((part) => {
      const name = /^\{([^{}]+)\}$/.exec(part)?.[1];
      return name !== undefined && known.has(name)
        ? `{{${serverVariable(name)}}}`
        : urlLiteral(part);
    })
    .join("");
  const [, ...rest] = environmentValues(model, "production");
  return [
    value("baseUrl", baseUrl),
    ...rest,
    ...server.variables.map((v) => value(serverVariable(v.name), urlLiteral(v.value))),
  ];
}

/**
 * One environment per target; sandbox and production differ only in the credentials users
 * set. A spec with several servers also gets one per server (`server-<name>`).
 */
export function buildEnvironments(
  model: ApiModel,
): Array<{ target: string; environment: PostmanEnvironment }> {
  const ids = idSource(model.title);
  const fixed = TARGETS.map((target) => ({
    target,
    environment: {
      id: ids.of(idKeys.environment(target)),
      name: `${model.title} (${target})`,
      values: environmentValues(model, target),
      _postman_variable_scope: "environment" as const,
    },
  }));
  const servers = (model.servers ?? []).map((server) => ({
    target: server.name,
    environment: {
      id: ids.of(idKeys.environment(server.name)),
      name: `${model.title} (${server.label})`,
      values: serverValues(model, server),
      _postman_variable_scope: "environment" as const,
    },
  }));
  return [...fixed, ...servers];
}
