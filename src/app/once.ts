/**
 * Idempotency guard so nothing is recorded or sent twice. Teams resends an activity it got no
 * answer to within about 15 s, users double-click card buttons, and Slack retries events it
 * thinks failed. Keys are ids (activity id, event id, card action id); entries are bounded by
 * count and age, so this is memory-safe but per-process: it does not survive a restart.
 */

/** Options for {@link Once}. */
export interface OnceOptions {
  /** How long a finished key is remembered. Default 10 minutes. */
  ttlMs?: number;
  /** Most keys remembered; the oldest is dropped first. Default 10,000. */
  maxEntries?: number;
  clock?: { now(): number };
}

interface Entry<T> {
  /** When the entry was marked or its run finished. In-flight runs never expire. */
  at: number;
  kind: 'running' | 'done' | 'mark';
  promise?: Promise<T>;
  value?: T;
}

/**
 * Runs work at most once per key within a time window.
 *
 * Use one instance either for {@link Once.run} (work with a result) or for {@link Once.seen}
 * (plain dedupe); mixing them on the same key is a programming error and throws.
 */
export class Once<T> {
  private readonly entries = new Map<string, Entry<T>>();
  private readonly ttlMs: number;
  private readonly maxEntries: number;
  private readonly clock: { now(): number };

  constructor(opts: OnceOptions = {}) {
    this.ttlMs = opts.ttlMs ?? 10 * 60_000;
    this.maxEntries = Math.max(1, opts.maxEntries ?? 10_000);
    this.clock = opts.clock ?? { now: () => Date.now() };
  }

  /**
   * Runs `fn` for the first call with `key`. Concurrent calls share its promise and later calls
   * within the TTL get its stored value; both report `repeat: true` so callers can skip side
   * effects such as replying again. If `fn` rejects, concurrent callers get the same rejection
   * and the key is forgotten, so a later retry runs anew.
   */
  async run(key: string, fn: () => Promise<T>): Promise<{ value: T; repeat: boolean }> {
    const existing = this.lookup(key);
    if (existing?.kind === 'mark') throw new TypeError('Once: key was marked by seen(); use separate instances for run() and seen()');
    if (existing?.kind === 'done') return { value: existing.value as T, repeat: true };
    if (existing?.promise) return { value: await existing.promise, repeat: true };

    const entry: Entry<T> = { at: this.clock.now(), kind: 'running' };
    // Wrap so a synchronous throw in fn behaves like a rejection and still clears the key.
    entry.promise = (async () => fn())();
    this.insert(key, entry);
    try {
      const value = await entry.promise;
      if (this.entries.get(key) === entry) {
        // Re-insert so Map order stays oldest-first by completion time; the TTL starts now.
        this.entries.delete(key);
        this.entries.set(key, { at: this.clock.now(), kind: 'done', value });
      }
      return { value, repeat: false };
    } catch (err) {
      if (this.entries.get(key) === entry) this.entries.delete(key);
      throw err;
    }
  }

  /** Marks `key` and says whether it was already marked (within the TTL). */
  seen(key: string): boolean {
    const existing = this.lookup(key);
    if (existing) return true;
    this.insert(key, { at: this.clock.now(), kind: 'mark' });
    return false;
  }

  /** Forgets a finished key, e.g. a form that came back with errors and may be sent again corrected. */
  forget(key: string): void {
    if (this.entries.get(key)?.kind !== 'running') this.entries.delete(key);
  }

  /** Keys currently remembered (after dropping expired ones at the old end). */
  size(): number {
    this.expireOldest(this.clock.now());
    return this.entries.size;
  }

  private lookup(key: string): Entry<T> | undefined {
    const now = this.clock.now();
    this.expireOldest(now);
    const e = this.entries.get(key);
    if (e && this.isExpired(e, now)) {
      this.entries.delete(key);
      return undefined;
    }
    return e;
  }

  private insert(key: string, entry: Entry<T>): void {
    this.entries.set(key, entry);
    // Oldest-first eviction. In-flight runs can be evicted too: the bound is hard, and a
    // duplicate slipping through after 10,000 newer keys is the lesser harm.
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next();
      if (oldest.done) break;
      this.entries.delete(oldest.value);
    }
  }

  /** Map order is oldest-first, so expiry only needs to look at the front. */
  private expireOldest(now: number): void {
    for (const [key, e] of this.entries) {
      if (!this.isExpired(e, now)) {
        // A long in-flight run at the front shields later entries until it finishes; they
        // are still caught by lookup()'s own expiry check and the size bound.
        break;
      }
      this.entries.delete(key);
    }
  }

  private isExpired(e: Entry<T>, now: number): boolean {
    return e.kind !== 'running' && e.at + this.ttlMs <= now;
  }
}
