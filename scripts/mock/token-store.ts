import { randomBytes } from "node:crypto";

const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
/** Length of KPN's opaque tokens (e.g. `staG765sBUuai4OMeZiTful6PTRt`). */
const TOKEN_LENGTH = 28;
/** A long run must not grow memory without bound; the oldest tokens go first. */
const MAX_TOKENS = 100_000;

export type TokenState = "valid" | "expired" | "unknown";

export interface IssuedToken {
  accessToken: string;
  issuedAt: number;
  expiresAt: number;
}

function opaqueToken(): string {
  const bytes = randomBytes(TOKEN_LENGTH);
  let token = "";
  // 256 % 62 bias is irrelevant for a mock; uniqueness is what matters.
  for (const byte of bytes) token += ALPHABET[byte % ALPHABET.length];
  return token;
}

/** Tokens the mock issued, with their expiry. Lives in memory only: tokens are never written. */
export class TokenStore {
  private readonly expiries = new Map<string, number>();

  constructor(
    private readonly ttlSeconds: number,
    private readonly now: () => number,
  ) {}

  issue(): IssuedToken {
    const issuedAt = this.now();
    const expiresAt = issuedAt + this.ttlSeconds * 1000;
    let accessToken = opaqueToken();
    while (this.expiries.has(accessToken)) accessToken = opaqueToken();
    if (this.expiries.size >= MAX_TOKENS) {
      const oldest = this.expiries.keys().next().value;
      if (oldest !== undefined) this.expiries.delete(oldest);
    }
    this.expiries.set(accessToken, expiresAt);
    return { accessToken, issuedAt, expiresAt };
  }

  check(accessToken: string): TokenState {
    const expiresAt = this.expiries.get(accessToken);
    if (expiresAt === undefined) return "unknown";
    return this.now() >= expiresAt ? "expired" : "valid";
  }

  get ttl(): number {
    return this.ttlSeconds;
  }
}
