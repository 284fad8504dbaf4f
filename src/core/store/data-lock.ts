import { resolve, join } from 'node:path';
import lockfile from 'proper-lockfile';
import { StoreError } from '../errors.js';

/** Lock timings; tests shorten them. proper-lockfile raises stale to at least 2 s and update to at least 1 s. */
export interface DataLockOptions {
  /** A lock not refreshed for this long belongs to a crashed process and may be taken. */
  staleMs?: number;
  /** How often the holder refreshes the lock; must be well under staleMs. */
  updateMs?: number;
}

/**
 * Exclusive use of a data directory, via a `<dataDir>/.lock` directory that proper-lockfile
 * keeps fresh. lowdb has no multi-process support, so two bots on one directory would lose
 * updates or corrupt files; the second one must refuse to start instead.
 */
export class DataLock {
  #compromised = false;
  #release: (() => Promise<void>) | undefined;

  private constructor(readonly dataDir: string) {}

  /** Takes the lock or throws StoreError('store-locked'). The directory must exist. */
  static async acquire(dataDir: string, opts: DataLockOptions = {}): Promise<DataLock> {
    const held = new DataLock(dataDir);
    const staleMs = opts.staleMs ?? 30_000;
    try {
      held.#release = await lockfile.lock(resolve(dataDir), {
        lockfilePath: join(resolve(dataDir), '.lock'),
        stale: staleMs,
        update: opts.updateMs ?? Math.floor(staleMs / 3),
        retries: 0,
        // The default throws from a timer and kills the process; fail the next write instead.
        onCompromised: () => {
          held.#compromised = true;
        },
      });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ELOCKED') {
        throw new StoreError(
          `Another copy of the bot is using data directory ${dataDir}. Stop it first.`,
          'store-locked',
          { cause: err },
        );
      }
      throw err;
    }
    return held;
  }

  /** Throws unless the lock is still ours: after a compromise another process may be writing. */
  assertHeld(): void {
    if (!this.#release) {
      throw new StoreError(`The case store for data directory ${this.dataDir} has been closed.`, 'store-locked');
    }
    if (this.#compromised) {
      throw new StoreError(
        `The bot lost its lock on data directory ${this.dataDir}, so it has stopped writing. Restart it.`,
        'store-locked',
      );
    }
  }

  /** Releases the lock; safe to call twice. */
  async release(): Promise<void> {
    const release = this.#release;
    this.#release = undefined;
    if (!release) return;
    try {
      await release();
    } catch (err) {
      // A compromised lock may already be gone or someone else's; there is nothing left to free.
      if (!this.#compromised) throw err;
    }
  }
}
