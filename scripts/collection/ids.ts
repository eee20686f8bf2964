import { v5 as uuidv5 } from "uuid";

/**
 * Fixed namespace for every id specpost derives. Changing it would rewrite every id in every
 * committed collection, so it never changes.
 */
export const SPECPOST_ID_NAMESPACE = "6b0f3c8e-2a57-5d4e-9c1b-7f3e8a2d4c60";

/** Ids derived from the spec, not random: regenerating the same spec gives the same ids. */
export interface IdSource {
  /** UUIDv5 of the spec title and a key that is stable across regenerations. */
  of(key: string): string;
}

export function idSource(title: string): IdSource {
  // JSON of the pair, so no title/key split can collide with another one.
  return { of: (key) => uuidv5(JSON.stringify([title, key]), SPECPOST_ID_NAMESPACE) };
}

/** The stable keys, in one place so no two parts of a collection ever share an id. */
export const idKeys = {
  collection: () => "collection",
  tokenRequest: () => "token-request",
  folder: (tag: string) => `folder:${tag}`,
  operation: (opKey: string) => `operation:${opKey}`,
  response: (opKey: string, status: string, contentType: string) =>
    `response:${opKey}:${status}:${contentType}`,
  authCheck: (name: string) => `auth-check:${name}`,
  environment: (target: string) => `environment:${target}`,
} as const;
