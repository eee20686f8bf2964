import { apiKeyVariable } from "../model/schemes";
import type { ApiModel, AuthModel } from "../model/types";
import { urlLiteral } from "./literal";
import { securityCredentials } from "./security-variables";
import { tokenParamVariable } from "./token";
import type { PostmanAuth, PostmanAuthAttribute, PostmanVariable } from "./types";

const attribute = (key: string, value: string): PostmanAuthAttribute => ({
  key,
  value,
  type: "string",
});

/** Collection-level auth: every request inherits it unless the operation opts out. */
export function collectionAuth(auth: AuthModel): PostmanAuth {
  switch (auth.kind) {
    case "client-credentials":
    case "bearer":
      return { type: "bearer", bearer: [attribute("token", "{{access_token}}")] };
    case "api-key":
      // Postman's API key helper sends headers and query parameters only: a cookie key
      // becomes the Cookie header.
      return auth.in === "cookie"
        ? {
            type: "apikey",
            apikey: [
              attribute("key", "Cookie"),
              attribute("value", `${auth.name}={{${apiKeyVariable(auth.schemeName)}}}`),
              attribute("in", "header"),
            ],
          }
        : {
            type: "apikey",
            apikey: [
              attribute("key", auth.name),
              attribute("value", `{{${apiKeyVariable(auth.schemeName)}}}`),
              attribute("in", auth.in),
            ],
          };
    case "basic":
      return {
        type: "basic",
        basic: [attribute("username", "{{username}}"), attribute("password", "{{password}}")],
      };
    case "none":
      return { type: "noauth" };
  }
}

/** A variable an environment sets: `secret` ones are masked in the Postman app. */
export interface CredentialVariable {
  key: string;
  secret: boolean;
  description: string;
}

/** The variables a user fills in per target (beside baseUrl), by auth kind. */
export function credentialVariables(auth: AuthModel): CredentialVariable[] {
  switch (auth.kind) {
    case "client-credentials":
      return [
        { key: "client_id", secret: false, description: "OAuth 2.0 client id." },
        {
          key: "client_secret",
          secret: true,
          description: "OAuth 2.0 client secret: set it in an environment, never in this file.",
        },
      ];
    case "bearer":
      return [
        {
          key: "access_token",
          secret: true,
          description: "Bearer token: the spec names no token endpoint, so supply one yourself.",
        },
      ];
    case "api-key":
      return [
        {
          key: apiKeyVariable(auth.schemeName),
          secret: true,
          description: `API key of scheme ${auth.schemeName}, sent as ${auth.in} ${auth.name}.`,
        },
      ];
    case "basic":
      return [
        { key: "username", secret: false, description: "HTTP Basic user name." },
        { key: "password", secret: true, description: "HTTP Basic password." },
      ];
    case "none":
      return [];
  }
}

/** Variables the token scripts keep their state in; listed so users can see and reset them. */
const TOKEN_STATE: Array<[string, string, string]> = [
  ["access_token", "", "Set by the token scripts: the current access token."],
  [
    "access_token_expires_at",
    "",
    "Set by the token scripts: when the access token expires (epoch milliseconds).",
  ],
  [
    "specpost_token_refresh_at",
    "",
    "Set by the token scripts: a new token is fetched from this moment (epoch milliseconds).",
  ],
  [
    "specpost_token_error",
    "",
    "Set by the token scripts after a failed token request; clear it to retry at once.",
  ],
  [
    "specpost_client_auth_used",
    "",
    "Set by the token scripts under client_auth auto: the method that worked (post or basic).",
  ],
  [
    "specpost_token_renewals",
    "0",
    "Set by the token scripts: tokens renewed after a 401 before their expiry, in this run.",
  ],
  [
    "specpost_token_resent",
    "0",
    "Set by the token scripts: requests sent again after such a 401, with the renewed token.",
  ],
  [
    "specpost_retry",
    "",
    "Set by the token scripts: the request refused with a 401 that is sent again next.",
  ],
  ["specpost_token_requests", "0", "Set by the token scripts: token requests sent in this run."],
  [
    "specpost_skipped_requests",
    "0",
    "Set by the token scripts: requests skipped because no token could be fetched.",
  ],
];

export function collectionVariables(baseUrl: string, auth: AuthModel): PostmanVariable[] {
  const variables: PostmanVariable[] = [
    {
      key: "baseUrl",
      value: urlLiteral(baseUrl),
      type: "string",
      description: "Base URL of the API.",
    },
  ];
  if (auth.kind === "client-credentials") {
    variables.push({
      key: "tokenUrl",
      value: urlLiteral(auth.tokenUrl),
      type: "string",
      description: "OAuth 2.0 token endpoint (client credentials).",
    });
  }
  for (const credential of credentialVariables(auth)) {
    variables.push({
      key: credential.key,
      value: "",
      type: "string",
      description: credential.description,
    });
  }
  if (auth.kind === "client-credentials") {
    if (auth.scopes.length > 0) {
      variables.push({
        key: "scope",
        value: auth.scopes.join(" "),
        type: "string",
        description: "Scopes requested with every token.",
      });
    }
    variables.push({
      key: "client_auth",
      value: auth.clientAuth ?? "auto",
      type: "string",
      description:
        "How the client authenticates at the token endpoint: post (client_id and client_secret in the body), basic (HTTP Basic header) or auto (the one that worked last, the other once on invalid_client).",
    });
    for (const param of auth.tokenParams ?? []) {
      variables.push({
        key: tokenParamVariable(param.name),
        value: param.value,
        type: "string",
        description: `Sent as ${param.name} with every token request (empty: not sent).`,
      });
    }
    for (const [key, value, description] of TOKEN_STATE) {
      variables.push({ key, value, type: "string", description });
    }
  }
  return variables;
}

/**
 * Variables for the schemes the operations name beyond the collection's own (API keys of
 * AND-combinations, a user's token): empty, for the user to set per environment.
 */
export function securityVariables(model: ApiModel): PostmanVariable[] {
  return securityCredentials(model).map((credential) => ({
    key: credential.key,
    value: credential.initial ?? "",
    type: "string",
    description: credential.description,
  }));
}
