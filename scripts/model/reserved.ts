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
]);

export const isReservedVariable = (name: string): boolean =>
  RESERVED.has(name) || name.startsWith("specpost_") || name.startsWith("apikey_");
