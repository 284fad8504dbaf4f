import type { KeyStore } from '../../../app/once.js';
import type { PostgresDatabase } from './database.js';

/** Options for {@link PostgresIdempotencyStore}. */
export interface PostgresIdempotencyOptions {
  /** Epoch ms now, for sweeping expired keys. */
  clock?: () => number;
  /** Expired keys are deleted at most this often (ms). Default one minute. */
  sweepEveryMs?: number;
}

/**
 * What was already done, in PostgreSQL (table `idempotency_key`) and shared by every instance:
 * Teams resending an activity, or Slack retrying an event, to another instance behind the load
 * balancer finds the key the first instance took. A key is taken by one statement (insert, or
 * take over an expired row), so of two instances given the same id at once exactly one runs it.
 * Keys are hashed, namespaced ids (Once hashes them), never pupil details. Expired rows are swept
 * now and then by whichever instance is writing.
 */
export class PostgresIdempotencyStore implements KeyStore {
  readonly #clock: () => number;
  readonly #sweepEveryMs: number;
  #lastSweep = 0;

  constructor(
    private readonly db: PostgresDatabase,
    opts: PostgresIdempotencyOptions = {},
  ) {
    this.#clock = opts.clock ?? Date.now;
    this.#sweepEveryMs = opts.sweepEveryMs ?? 60_000;
  }

  async take(key: string, expiresAt: number, now: number): Promise<boolean> {
    const r = await this.db.query(
      'INSERT INTO idempotency_key AS k (key, expires_at) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET expires_at = EXCLUDED.expires_at WHERE k.expires_at <= $3 RETURNING 1',
      [key, expiresAt, now],
    );
    await this.#sweep();
    return r.rowCount === 1;
  }

  async put(key: string, expiresAt: number): Promise<void> {
    await this.db.query('INSERT INTO idempotency_key (key, expires_at) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET expires_at = EXCLUDED.expires_at', [key, expiresAt]);
  }

  async release(key: string): Promise<void> {
    await this.db.query('DELETE FROM idempotency_key WHERE key = $1', [key]);
  }

  /** Whether `key` is held and unexpired at `now` (epoch ms): for tests and the copy command. */
  async has(key: string, now: number): Promise<boolean> {
    const r = await this.db.query('SELECT 1 FROM idempotency_key WHERE key = $1 AND expires_at > $2', [key, now]);
    return r.rowCount === 1;
  }

  async #sweep(): Promise<void> {
    const now = this.#clock();
    if (now - this.#lastSweep < this.#sweepEveryMs) return;
    this.#lastSweep = now;
    await this.db.query('DELETE FROM idempotency_key WHERE expires_at <= $1', [now]);
  }
}
