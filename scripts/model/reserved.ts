/**
 * Collection variables the generated collection owns (token machinery, credentials, base
 * URL): neither a user's `set` nor a chain may overwrite one, or authentication would break
 * or a secret land in the wrong place.
 */
const RESERVED = new Set([
  "baseUrl",
  "tokenUrl",
  "client_id",
  "client_secret",
  "access_token",
  "access_token_expires_at",
  "scope",
  "api_key",
  "username",
  "password",
  "user_access_token",
  // How the token request is sent (issue 11): the method, and one variable per extra parameter.
  "client_auth",
]);

/** `token_param_audience` holds the `audience` sent with every token request. */
export const TOKEN_PARAM_PREFIX = "token_param_";

export const isReservedVariable = (name: string): boolean =>
  RESERVED.has(name) ||
  name.startsWith("specpost_") ||
  name.startsWith("apikey_") ||
  name.startsWith(TOKEN_PARAM_PREFIX);
