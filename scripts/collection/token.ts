import { TOKEN_PARAM_PREFIX } from "../model/reserved";
import type { AuthModel } from "../model/types";
import { postmanScriptLines } from "./contracts";
import type { PostmanEvent, PostmanFormParam, PostmanItem } from "./types";

type ClientCredentials = Extract<AuthModel, { kind: "client-credentials" }>;

export const TOKEN_REQUEST_NAME = "Get Access Token";

/**
 * Renewal timing. The margin is the smaller of a minute and a tenth of the token's
 * lifetime, so KPN's one-hour tokens renew a minute early and a 2-second token 0.2 s early.
 */
export const TOKEN_TIMING = {
  marginMs: 60_000,
  marginRatio: 0.1,
  // Assumed when the endpoint sends no expires_in: short, so a wrong guess costs little.
  defaultLifetimeMs: 300_000,
  // How long a failed token request is remembered (see token-prerequest.js).
  failureHoldMs: 300_000,
} as const;

/**
 * Token endpoint faults (5xx, 429, network errors) are retried three times, backing off
 * 0.5, 1 and 2 s or as Retry-After says, never longer than 10 s a wait: a run survives an
 * Apigee hiccup and still ends within ~30 s when the endpoint is down. 4xx is never retried.
 */
export const TOKEN_RETRIES = { tokenRetries: 3, retryBaseMs: 500, retryMaxWaitMs: 10_000 } as const;

/** Collection variable holding a token parameter's value. */
export const tokenParamVariable = (name: string): string => `${TOKEN_PARAM_PREFIX}${name}`;

const FILES = ["token-common.js", "token-fetch.js"];

/** What every token script needs to shape a token request. */
export function requestConfig(auth: ClientCredentials) {
  return {
    grantTypeInBody: !tokenUrlHasGrantType(auth.tokenUrl),
    sendScope: auth.scopes.length > 0,
    tokenParams: (auth.tokenParams ?? []).map((p) => p.name),
    ...TOKEN_TIMING,
    ...TOKEN_RETRIES,
  };
}

/** True when the token URL already carries grant_type in its query, as KPN's does. */
export function tokenUrlHasGrantType(tokenUrl: string): boolean {
  const query = tokenUrl.includes("?") ? tokenUrl.slice(tokenUrl.indexOf("?") + 1) : "";
  return new URLSearchParams(query.split("#")[0]).has("grant_type");
}

const script = (listen: PostmanEvent["listen"], config: object, files: string[]): PostmanEvent => ({
  listen,
  script: {
    type: "text/javascript",
    exec: [
      `const SPECPOST = ${JSON.stringify(config)};`,
      ...files.flatMap((file) => postmanScriptLines(file)),
    ],
  },
});

/**
 * Pre-request event that shapes a token request as the scripts send it (client_auth, token
 * parameters). The Auth check for wrong credentials uses it with its wrong secret.
 */
export function tokenShapingEvent(auth: ClientCredentials, wrongSecret?: string): PostmanEvent {
  const config = { ...requestConfig(auth), ...(wrongSecret !== undefined && { wrongSecret }) };
  return script("prerequest", config, [...FILES, "token-item.js"]);
}

/** The "Get Access Token" request: first in the collection, its test stores the token. */
export function tokenRequestItem(auth: ClientCredentials, id: string): PostmanItem {
  const form: PostmanFormParam[] = [
    { key: "client_id", value: "{{client_id}}", type: "text" },
    { key: "client_secret", value: "{{client_secret}}", type: "text" },
  ];
  if (!tokenUrlHasGrantType(auth.tokenUrl)) {
    form.push({ key: "grant_type", value: "client_credentials", type: "text" });
  }
  if (auth.scopes.length > 0) form.push({ key: "scope", value: "{{scope}}", type: "text" });
  for (const param of auth.tokenParams ?? []) {
    form.push({ key: param.name, value: `{{${tokenParamVariable(param.name)}}}`, type: "text" });
  }
  const config = requestConfig(auth);
  return {
    id,
    name: TOKEN_REQUEST_NAME,
    event: [tokenShapingEvent(auth), script("test", config, [...FILES, "token-test.js"])],
    request: {
      auth: { type: "noauth" },
      method: "POST",
      header: [
        { key: "Content-Type", value: "application/x-www-form-urlencoded" },
        { key: "Accept", value: "application/json" },
      ],
      body: { mode: "urlencoded", urlencoded: form },
      url: { raw: "{{tokenUrl}}", host: ["{{tokenUrl}}"] },
      description:
        "OAuth 2.0 client-credentials token request. The collection's pre-request script sends " +
        "it by itself whenever a request needs a token; run it by hand to check credentials. " +
        "Its test stores the token in `access_token` and its expiry in `access_token_expires_at`. " +
        "`client_auth` says how the client authenticates: `post` (client_id and client_secret in " +
        "the body), `basic` (HTTP Basic header) or `auto` (the one that worked last, the other once " +
        "on invalid_client). The pre-request script sets the body and headers to match.",
    },
    response: [],
  };
}

/** Collection-level pre-request event that fetches and caches the token. */
export function tokenPrerequestEvent(auth: ClientCredentials, noTokenItemIds: string[]) {
  return script("prerequest", { noTokenItemIds, ...requestConfig(auth) }, [
    ...FILES,
    "token-prerequest.js",
  ]);
}

/** Renewals after a 401 mid-run (see token-renew.js): enough for a revocation or two. */
export const MAX_RENEWALS = 3;

/** The constant token-renew.js reads its config from. */
export const RENEW_CONSTANT = "SPECPOST_RENEW";

/**
 * Lines that renew a token the API refused before its expiry and send the refused request
 * again (token-renew.js). They open the collection's test script, in front of the contract
 * checks, which read what they decided: one script, so the order cannot change, and no
 * script event of its own for the sandbox to start on every request. `noRetryItemIds`: items
 * whose own scripts choose the next request (workflow steps, Cleanup requests), renewed for
 * the next requests but not re-sent.
 */
export function tokenRenewLines(noTokenItemIds: string[], noRetryItemIds: string[]): string[] {
  const config = { noTokenItemIds, noRetryItemIds, maxRenewals: MAX_RENEWALS };
  return [
    `const ${RENEW_CONSTANT} = ${JSON.stringify(config)};`,
    ...postmanScriptLines("token-renew.js"),
  ];
}

/** The longest wait after an API call answered 429 (see api-quota.js). */
export const MAX_QUOTA_WAIT_MS = 10_000;

/** Collection-level test event that waits out a 429's Retry-After or quota-reset-UTC. */
export function apiQuotaEvent(noRetryItemIds: string[]): PostmanEvent {
  return script("test", { maxQuotaWaitMs: MAX_QUOTA_WAIT_MS, noRetryItemIds }, ["api-quota.js"]);
}
