/** Items the stateful mock keeps at most, and their serialised size: the oldest go first. */
export const STATE_MAX_ITEMS = 10_000;
export const STATE_MAX_BYTES = 32 * 1024 * 1024;

interface Stored {
  value: unknown;
  bytes: number;
  /** Created by a POST with an id the mock issued (not a PUT to a path the client chose). */
  issued: boolean;
}

/**
 * What POST/PUT/PATCH created, by concrete item path (segments decoded, `/projects/p1`),
 * and what DELETE removed: the deleted path answers 404, and when a POST of the run had created
 * it (an id the mock issued), everything under it too. Deleting any other path stays local: a
 * collection sends the spec's example values, so `DELETE /orgs/{org}` with org "string" must not
 * turn every later `/orgs/string/...` request of the run into a 404 (GitHub's collection had 317
 * failures from that). In memory, for one mock (one run), bounded by count and bytes.
 */
export class ResourceState {
  readonly #items = new Map<string, Stored>();
  /** Deleted paths; true: the run had created it, so everything under it is gone too. */
  readonly #deleted = new Map<string, boolean>();
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

  /** Whether the item was deleted, or lies under one the run created and deleted. */
  isDeleted(key: string): boolean {
    if (this.#deleted.size === 0) return false;
    if (this.#deleted.has(key)) return true;
    for (let at = key.lastIndexOf("/"); at > 0; at = key.lastIndexOf("/", at - 1)) {
      if (this.#deleted.get(key.slice(0, at)) === true) return true;
    }
    return false;
  }

  /** `issued`: the path ends in an id this mock issued (a POST's create). */
  put(key: string, value: unknown, issued = false): void {
    const bytes = JSON.stringify(value)?.length ?? 0;
    if (bytes > this.#maxBytes) return;
    const was = this.#items.get(key)?.issued ?? false;
    this.#remove(key);
    this.#deleted.delete(key);
    this.#items.set(key, { value, bytes, issued: issued || was });
    this.#bytes += bytes;
    for (const oldest of this.#items.keys()) {
      if (this.#items.size <= this.#maxItems && this.#bytes <= this.#maxBytes) break;
      this.#remove(oldest);
    }
  }

  /**
   * Forgets the item, and when the run created it, what lies under it; later requests for them
   * answer 404. A path the run did not create goes alone (GitHub's `DELETE /repos/{owner}/{repo}`
   * with the example repo must not take the issues the run created under it along).
   */
  delete(key: string): void {
    // Only what a POST created with an id the mock issued takes what lies under it along: a
    // PUT to an example path (GitHub's secrets) is no sign the collection orders its
    // sub-resources before its DELETE, a chained id is.
    const created = this.#items.get(key)?.issued ?? false;
    const prefix = `${key}/`;
    this.#remove(key);
    if (created) {
      for (const stored of [...this.#items.keys()]) {
        if (stored.startsWith(prefix)) this.#remove(stored);
      }
    }
    this.#markDeleted(key, created);
  }

  #markDeleted(key: string, cascades: boolean): void {
    this.#deleted.delete(key);
    if (this.#deleted.size >= this.#maxItems) {
      const oldest = this.#deleted.keys().next().value;
      if (oldest !== undefined) this.#deleted.delete(oldest);
    }
    this.#deleted.set(key, cascades);
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
