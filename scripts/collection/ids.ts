import { createHash } from "node:crypto";

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
  // Each operation's id is asked for several times (item, contract data, run order).
  const known = new Map<string, string>();
  return {
    of(key) {
      let id = known.get(key);
      if (id === undefined) {
        // JSON of the pair, so no title/key split can collide with another one.
        id = uuidV5(JSON.stringify([title, key]));
        known.set(key, id);
      }
      return id;
    },
  };
}

const NAMESPACE_BYTES = Buffer.from(SPECPOST_ID_NAMESPACE.replace(/-/g, ""), "hex");

/**
 * RFC 4122 version 5 UUID of `name` (UTF-8) in specpost's namespace: the same bytes as the
 * `uuid` package's v5, without its per-call byte copying (10,000 operations ask for ~50,000).
 */
function uuidV5(name: string): string {
  const hash = createHash("sha1").update(NAMESPACE_BYTES).update(name, "utf8").digest();
  hash[6] = ((hash[6] as number) & 0x0f) | 0x50;
  hash[8] = ((hash[8] as number) & 0x3f) | 0x80;
  const hex = hash.toString("hex", 0, 16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
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
