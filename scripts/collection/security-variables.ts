import type { ApiKeyUse } from "../model/security-types";
import { USER_TOKEN_VARIABLE } from "../model/security-types";
import type { ApiModel } from "../model/types";

/** A credential beyond the collection's own scheme; `initial`: not a credential, a counter. */
export interface SecurityCredential {
  key: string;
  /** Masked (`type: secret`) in every environment but the mock's. */
  secret: boolean;
  description: string;
  initial?: string;
  /** Kept out of environments: state the scripts keep, not something a user sets. */
  state?: true;
  /** What the mock environment puts in it. */
  mock?: "api-key" | "username" | "password";
}

/**
 * Every API key any alternative of any operation names (in first-use order), HTTP Basic
 * slots when an operation sends basic but the collection's auth is not, and the user token
 * slot when an operation needs one. The collection's own scheme's variables are not repeated.
 */
export function securityCredentials(model: ApiModel): SecurityCredential[] {
  const keys = new Map<string, ApiKeyUse>();
  let basic = false;
  let user = false;
  for (const operation of model.operations) {
    const security = operation.security;
    if (!security) continue;
    for (const requirement of security.alternatives) {
      for (const { scheme } of requirement.schemes) {
        if (scheme.kind === "api-key" && !keys.has(scheme.variable))
          keys.set(scheme.variable, scheme);
        if (scheme.kind === "basic") basic = true;
      }
    }
    const chosen =
      security.chosen === undefined ? undefined : security.alternatives[security.chosen];
    if (chosen?.schemes.some((s) => s.scheme.kind === "user-token")) user = true;
  }
  const own = model.auth.kind === "api-key" ? model.auth.schemeName : undefined;
  const credentials: SecurityCredential[] = [];
  for (const key of keys.values()) {
    if (key.name === own) continue;
    credentials.push({
      key: key.variable,
      secret: key.secret,
      description: `API key of scheme ${key.name}, sent as ${key.in} ${key.param}.`,
      mock: "api-key",
    });
  }
  if (basic && model.auth.kind !== "basic") {
    credentials.push(
      { key: "username", secret: false, description: "HTTP Basic user name.", mock: "username" },
      { key: "password", secret: true, description: "HTTP Basic password.", mock: "password" },
    );
  }
  if (user) {
    credentials.push(
      {
        key: USER_TOKEN_VARIABLE,
        secret: true,
        description:
          "A user's access token (authorization code, implicit, password or device flow) for the operations that need one; while it is empty they are skipped.",
      },
      {
        key: "specpost_user_token_skipped",
        secret: false,
        initial: "0",
        state: true,
        description: "Set by the scripts: requests skipped because user_access_token is empty.",
      },
    );
  }
  return credentials;
}
