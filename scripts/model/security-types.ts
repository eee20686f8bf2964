/**
 * Security as the spec writes it: per operation a list of alternatives (OR), each a set of
 * schemes that must all be satisfied (AND). Each scheme is classified by what the collection
 * can do with it; see requirements.ts for how one alternative is chosen.
 */

/** Where an API key goes: its own variable, one per scheme. */
export interface ApiKeyUse {
  kind: "api-key";
  name: string;
  in: "header" | "query" | "cookie";
  /** Header, query parameter or cookie name. */
  param: string;
  /** Collection/environment variable holding the key: `apikey_<scheme>`. */
  variable: string;
  /** Masked in every environment but the mock's (every API key is, today). */
  secret: boolean;
}

export type SchemeUse =
  /** Satisfied by the collection's client-credentials token ({{access_token}}, fetched). */
  | { kind: "client-credentials"; name: string }
  /** A bearer token the user supplies in {{access_token}} (no token endpoint known). */
  | { kind: "bearer"; name: string }
  | ApiKeyUse
  | { kind: "basic"; name: string }
  /** A flow a client-credentials tool cannot run: the user's token in {{user_access_token}}. */
  | { kind: "user-token"; name: string; flows: string[] }
  /** Transport level: a client certificate configured in Postman/Newman, noted only. */
  | { kind: "mutual-tls"; name: string }
  /** Undeclared, or a scheme specpost cannot send (HTTP digest, ...). */
  | { kind: "unsupported"; name: string; why: string };

export type SchemeKind = SchemeUse["kind"];

export interface AppliedScheme {
  scheme: SchemeUse;
  /** Scopes this requirement names for the scheme, as written. */
  scopes: string[];
}

/** One alternative (a security requirement object); empty = `{}`, no credentials needed. */
export interface RequirementModel {
  schemes: AppliedScheme[];
}

/**
 * Why the chosen alternative was chosen: `collection` (the collection satisfies it alone),
 * `optional` (`{}`: no credentials), `user-token` (needs {{user_access_token}}), `override`.
 */
export type ChoiceReason = "collection" | "optional" | "user-token" | "override";

export interface OperationSecurity {
  /** The effective requirement list (the operation's, else the root's), in spec order. */
  alternatives: RequirementModel[];
  /** Index into `alternatives`; absent when no alternative can be sent. */
  chosen?: number;
  reason?: ChoiceReason;
  /** Schemes an override switched off for this operation (not sent). */
  off?: string[];
}

/** Variable the user's own (authorization code, ...) token goes in. */
export const USER_TOKEN_VARIABLE = "user_access_token";

/** Kinds the collection satisfies with its own variables and token machinery. */
export const SATISFIABLE: ReadonlySet<SchemeKind> = new Set([
  "client-credentials",
  "bearer",
  "api-key",
  "basic",
  "mutual-tls",
]);
