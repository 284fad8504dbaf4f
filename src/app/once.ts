import { createHash } from 'node:crypto';

/**
 * Idempotency guard so nothing is recorded or sent twice. Teams resends an activity it got no
 * answer to within about 15 s, users double-click card buttons, and Slack retries events it
 * thinks failed. Keys are ids (activity id, event id, form id, button press); entries are bounded
 * by count and age. In memory it shares in-flight runs and keeps their answers; with `persist`
 * each finished key is also written to the data folder, which is what survives a restart.
 */

/**
 * Where keys are kept across restarts and shared between instances: the data folder's
 * IdempotencyStore, or PostgreSQL's (PostgresIdempotencyStore). Times are epoch ms.
 */
export interface KeyStore {
  /**
   * Takes `key` until `expiresAt` unless it is held and unexpired at `now`, in one step (in
   * PostgreSQL, one statement, so two instances cannot both take it). True when taken now.
   */
  take(key: string, expiresAt: number, now: number): Promise<boolean>;
  /** Holds `key` until `expiresAt` (taken or not); resolves once it is stored. */
  put(key: string, expiresAt: number): Promise<void>;
  /** Gives a taken key back (the work failed, or its result is not to be kept), so a resend runs. */
  release(key: string): Promise<void>;
}

/**
 * How long a run holds its key before it finishes: another instance given the same form meanwhile
 * answers "already sent" rather than saving it twice, and if this instance dies mid-run the key
 * frees itself this soon, so the person's resend is saved after all.
 */
const IN_FLIGHT_MS = 2 * 60_000;

/** Options for {@link Once}. */
export interface OnceOptions<T> {
  /** How long a finished key is remembered. Default 10 minutes. */
  ttlMs?: number;
  /** Most keys remembered in memory; the oldest is dropped first. Default 10,000. */
  maxEntries?: number;
  clock?: { now(): number };
  /**
   * Also keep finished keys in `store` under `namespace` (e.g. `form:`). After a restart only the
   * key is known, not the answer: a repeat then gets `restored()` (required for {@link Once.run}).
   */
  persist?: { store: KeyStore; namespace: string; restored?: () => T };
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
  private readonly persist: OnceOptions<T>['persist'];

  constructor(opts: OnceOptions<T> = {}) {
    this.ttlMs = opts.ttlMs ?? 10 * 60_000;
    this.maxEntries = Math.max(1, opts.maxEntries ?? 10_000);
    this.clock = opts.clock ?? { now: () => Date.now() };
    this.persist = opts.persist;
  }

  /**
   * Runs `fn` for the first call with `key`. Concurrent calls share its promise and later calls
   * within the TTL get its stored value (or, after a restart, `persist.restored()`); all report
   * `repeat: true` so callers can skip side effects such as replying again. If `fn` rejects, or
   * `keep(value)` is false (a form returned with problems), the key is forgotten so a later send
   * runs anew. Throws what `fn` throws, or what the store throws when writing the key.
   */
  async run(key: string, fn: () => Promise<T>, keep: (value: T) => boolean = () => true): Promise<{ value: T; repeat: boolean }> {
    const existing = this.lookup(key);
    if (existing?.kind === 'mark') throw new TypeError('Once: key was marked by seen(); use separate instances for run() and seen()');
    if (existing?.kind === 'done') return { value: existing.value as T, repeat: true };
    if (existing?.promise) return { value: await existing.promise, repeat: true };
    if (this.persist && !this.persist.restored) throw new TypeError('Once: run() with persist needs persist.restored');

    const entry: Entry<T> = { at: this.clock.now(), kind: 'running' };
    // Wrap so a synchronous throw in fn behaves like a rejection and still clears the key.
    // Taken in the store first (held for IN_FLIGHT_MS), so another instance, or this one after a
    // restart, answers a repeat as already done rather than running it again.
    let took = false;
    entry.promise = (async () => {
      if (!(await this.#take(key, IN_FLIGHT_MS))) throw new AlreadyTaken();
      took = true;
      return fn();
    })();
    this.insert(key, entry);
    try {
      const value = await entry.promise;
      // Not ours if the size bound evicted it meanwhile; the key still goes to disk below.
      const ours = this.entries.get(key) === entry;
      if (ours) this.entries.delete(key);
      if (!keep(value)) {
        await this.#release(key);
        return { value, repeat: false };
      }
      // Re-insert so Map order stays oldest-first by completion time; the TTL starts now.
      if (ours) this.entries.set(key, { at: this.clock.now(), kind: 'done', value });
      // Recorded, then answered: the key is held for the whole TTL before the caller replies. The
      // window left is a crash after fn saved its work but before this write: the in-flight hold
      // still answers a resend for IN_FLIGHT_MS, and after that a resend runs again.
      await this.#keep(key);
      return { value, repeat: false };
    } catch (err) {
      if (this.entries.get(key) === entry) this.entries.delete(key);
      if (err instanceof AlreadyTaken) return { value: this.persist!.restored!(), repeat: true };
      if (took) await this.#release(key);
      throw err;
    }
  }

  /**
   * Marks `key` and says whether it was already marked (within the TTL, in this process or, with
   * `persist`, before a restart). Resolves once the mark is on disk; if writing it fails the mark
   * is dropped and the error thrown, so the caller does nothing it could not record.
   */
  async seen(key: string): Promise<boolean> {
    if (this.lookup(key)) return true;
    const entry: Entry<T> = { at: this.clock.now(), kind: 'mark' };
    this.insert(key, entry);
    try {
      const taken = await this.#take(key, this.ttlMs);
      // Taken is not yet kept in every store (the data folder holds a take in memory): keep it.
      if (taken) await this.#keep(key);
      return !taken;
    } catch (err) {
      if (this.entries.get(key) === entry) this.entries.delete(key);
      throw err;
    }
  }

  /** True when there is no store, or the store let this process take the key for `forMs`. */
  async #take(key: string, forMs: number): Promise<boolean> {
    if (!this.persist) return true;
    const now = this.clock.now();
    return this.persist.store.take(this.#stored(key), now + forMs, now);
  }

  /** Best effort: a key that cannot be given back frees itself when its hold runs out. */
  async #release(key: string): Promise<void> {
    if (this.persist) await this.persist.store.release(this.#stored(key)).catch(() => {});
  }

  async #keep(key: string): Promise<void> {
    if (this.persist) await this.persist.store.put(this.#stored(key), this.clock.now() + this.ttlMs);
  }

  /** Hashed, so the file holds fixed-size ids whatever a key is made of (conversation ids, commands). */
  #stored(key: string): string {
    return `${this.persist!.namespace}${createHash('sha256').update(key).digest('hex').slice(0, 32)}`;
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

/** A run found its key already taken in the store: by another instance, or before a restart. */
class AlreadyTaken extends Error {}
