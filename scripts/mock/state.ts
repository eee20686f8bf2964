/** Items the stateful mock keeps at most, and their serialised size: the oldest go first. */
export const STATE_MAX_ITEMS = 10_000;
export const STATE_MAX_BYTES = 32 * 1024 * 1024;

interface Stored {
  value: unknown;
  bytes: number;
}

/**
 * What POST/PUT/PATCH created, by concrete item path (segments decoded, `/projects/p1`),
 * and what DELETE removed (a deleted item, and everything under it, answers 404). In memory,
 * for one mock (one run), bounded by count and bytes.
 */
export class ResourceState {
  readonly #items = new Map<string, Stored>();
  readonly #deleted = new Set<string>();
  #bytes = 0;
  #next = 0;
  readonly #maxItems: number;
  readonly #maxBytes: number;

  constructor(maxItems = STATE_MAX_ITEMS, maxBytes = STATE_MAX_BYTES) {
    this.#maxItems = Math.max(1, maxItems);
    this.#maxBytes = Math.max(1, maxBytes);
  }

  /** A number never issued before by this mock. */
  nextNumber(): number {
    this.#next += 1;
    return this.#next;
  }

  get(key: string): unknown {
    return this.#items.get(key)?.value;
  }

  /** Whether the item or one of its ancestors was deleted (and not created again). */
  isDeleted(key: string): boolean {
    if (this.#deleted.size === 0) return false;
    for (let at = key.length; at > 0; at = key.lastIndexOf("/", at - 1)) {
      if (this.#deleted.has(key.slice(0, at))) return true;
    }
    return false;
  }

  put(key: string, value: unknown): void {
    const bytes = JSON.stringify(value)?.length ?? 0;
    if (bytes > this.#maxBytes) return;
    this.#remove(key);
    this.#deleted.delete(key);
    this.#items.set(key, { value, bytes });
    this.#bytes += bytes;
    for (const oldest of this.#items.keys()) {
      if (this.#items.size <= this.#maxItems && this.#bytes <= this.#maxBytes) break;
      this.#remove(oldest);
    }
  }

  /** Forgets the item and what lies under it; later requests for them answer 404. */
  delete(key: string): void {
    const prefix = `${key}/`;
    for (const stored of [...this.#items.keys()]) {
      if (stored === key || stored.startsWith(prefix)) this.#remove(stored);
    }
    if (this.#deleted.size >= this.#maxItems) {
      const oldest = this.#deleted.values().next().value;
      if (oldest !== undefined) this.#deleted.delete(oldest);
    }
    this.#deleted.add(key);
  }

  /** Items stored directly under `collection` (`/projects` → `/projects/p1`), oldest first. */
  children(collection: string, limit: number): unknown[] {
    const prefix = `${collection}/`;
    const out: unknown[] = [];
    for (const [key, stored] of this.#items) {
      if (out.length >= limit) break;
      if (key.startsWith(prefix) && !key.slice(prefix.length).includes("/")) out.push(stored.value);
    }
    return out;
  }

  clear(): void {
    this.#items.clear();
    this.#deleted.clear();
    this.#bytes = 0;
  }

  #remove(key: string): void {
    const stored = this.#items.get(key);
    if (!stored) return;
    this.#bytes -= stored.bytes;
    this.#items.delete(key);
  }
}
