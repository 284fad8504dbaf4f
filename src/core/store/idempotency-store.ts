import { z } from 'zod/v4';
import type { DataFolder } from './data-folder.js';
import { GroupAppend } from './group-append.js';
import { replayJsonLines } from './json-lines.js';

/**
 * A key and when it stops counting (epoch ms). Keys are namespaced ids (`teams-activity:`,
 * `slack-event:`, `form:`, `button:`); anything that could carry typed text is hashed by the
 * caller, so this file never holds pupil details.
 */
const KeyLine = z.strictObject({
  k: z.string().min(1).max(300).regex(/^[a-z-]+:[\x21-\x7e]+$/, 'a namespaced id'),
  exp: z.number().int().nonnegative(),
});
type KeyLine = z.infer<typeof KeyLine>;

/** Options for {@link IdempotencyStore.open}. */
export interface IdempotencyStoreOptions {
  /** Epoch ms now; keys that have expired are dropped when the file is opened or compacted. */
  clock?: () => number;
  /** Most keys kept; the oldest written is dropped first. Default 50,000 (about 5 MB at most). */
  maxKeys?: number;
}

/**
 * What has already been done, kept in the data folder so that "saves nothing twice" holds across
 * a restart: `<dataDir>/idempotency.jsonl`, one JSON line per key, appended with group commit
 * (GroupAppend, as the reminder ledger and audit log), replayed and compacted at start-up.
 * A last line cut short by a crash is ignored; any other bad line stops start-up, naming it.
 * Bounded: expired keys are dropped, and past `maxKeys` the oldest go first.
 */
export class IdempotencyStore {
  #lines: number;
  #compactAtLines: number;
  #compacting: Promise<void> | undefined;
  /** Keys taken by a run still going (see take), and until when (epoch ms). */
  readonly #inFlight = new Map<string, number>();

  private constructor(
    private readonly folder: DataFolder,
    private readonly path: string,
    private readonly keys: Map<string, number>,
    private readonly maxKeys: number,
    private readonly clock: () => number,
    private readonly appender: GroupAppend,
  ) {
    this.#lines = keys.size;
    this.#compactAtLines = this.#nextCompaction();
  }

  /** Reads the file, drops expired keys and rewrites it if anything was dropped. Throws StoreError on a bad line. */
  static async open(folder: DataFolder, opts: IdempotencyStoreOptions = {}): Promise<IdempotencyStore> {
    const path = folder.file('idempotency');
    const maxKeys = Math.max(1, opts.maxKeys ?? 50_000);
    const { keys, lines, torn } = await replay(path);
    const clock = opts.clock ?? Date.now;
    sweep(keys, clock());
    trim(keys, maxKeys);
    // Rewrite a torn tail away too: the next append would otherwise glue itself onto it.
    if (torn || lines !== keys.size) await rewrite(folder, path, keys);
    return new IdempotencyStore(folder, path, keys, maxKeys, clock, new GroupAppend(folder, folder.dir));
  }

  /** Every key kept and not expired at `now` (epoch ms), with when it expires: for `store copy`. */
  live(now: number): [key: string, expiresAt: number][] {
    return [...this.keys].filter(([, exp]) => exp > now);
  }

  /** Whether `key` was stored and has not expired at `now` (epoch ms). */
  has(key: string, now: number): boolean {
    const exp = this.keys.get(key);
    if (exp === undefined) return false;
    if (exp > now) return true;
    this.keys.delete(key);
    return false;
  }

  /**
   * Takes `key` until `expiresAt` unless held at `now`; one process owns the file, so the check and
   * the set need no lock. The hold is kept in memory only: with one process there is no other
   * instance to keep out, and a hold that outlived a crash would answer the person's resend as done
   * when nothing was saved. {@link put} makes it last.
   */
  async take(key: string, expiresAt: number, now: number): Promise<boolean> {
    if (this.has(key, now)) return false;
    const held = this.#inFlight.get(key);
    if (held !== undefined && held > now) return false;
    this.#inFlight.set(key, expiresAt);
    return true;
  }

  /** Gives a key back: a line that has already expired, so the replay after a restart drops it too. */
  async release(key: string): Promise<void> {
    this.#inFlight.delete(key);
    if (!this.keys.has(key)) return;
    await this.put(key, 0);
    this.keys.delete(key);
  }

  /** Keys held now, expired or not yet swept. */
  get size(): number {
    return this.keys.size;
  }

  /**
   * Remembers `key` until `expiresAt` (epoch ms). Seen by {@link has} at once; resolves once the
   * line is on disk. Throws what the append throws (a full disk, a lost data-folder lock).
   */
  async put(key: string, expiresAt: number): Promise<void> {
    const line = KeyLine.parse({ k: key, exp: expiresAt });
    this.#inFlight.delete(key);
    // Delete first so Map order stays oldest-written first, which is what the cap drops.
    this.keys.delete(key);
    this.keys.set(key, expiresAt);
    trim(this.keys, this.maxKeys);
    // A rewrite in progress has already captured this key from memory; append after it, not into the old file.
    while (this.#compacting) await this.#compacting;
    this.#lines++;
    await this.appender.append(this.path, `${JSON.stringify(line)}\n`);
    if (this.#lines >= this.#compactAtLines && !this.#compacting) {
      // Not awaited: the caller's key is already on disk. A failed rewrite leaves the old file, still valid.
      this.#compacting = this.#compact().finally(() => (this.#compacting = undefined));
    }
  }

  /** Waits for every key put so far to be on disk. */
  async close(): Promise<void> {
    while (this.#compacting) await this.#compacting;
    await this.appender.drain();
  }

  /** The file is rewritten at run time too, so a bot that never restarts keeps it bounded. */
  async #compact(): Promise<void> {
    try {
      await this.appender.drain();
      sweep(this.keys, this.clock());
      await rewrite(this.folder, this.path, this.keys);
      this.#lines = this.keys.size;
    } catch {
      // Keep appending to the old file; try again after as many lines again.
    } finally {
      this.#compactAtLines = this.#lines + this.#nextCompaction();
    }
  }

  #nextCompaction(): number {
    return Math.max(1000, 2 * this.keys.size);
  }
}

function sweep(keys: Map<string, number>, now: number): void {
  for (const [k, exp] of keys) if (exp <= now) keys.delete(k);
}

function trim(keys: Map<string, number>, maxKeys: number): void {
  for (const k of keys.keys()) {
    if (keys.size <= maxKeys) break;
    keys.delete(k);
  }
}

/** Rebuilds the keys from the file; the last line for a key wins. */
async function replay(path: string): Promise<{ keys: Map<string, number>; lines: number; torn: boolean }> {
  const keys = new Map<string, number>();
  const { lines, torn } = await replayJsonLines(path, KeyLine, (line) => {
    keys.delete(line.k);
    keys.set(line.k, line.exp);
  }, 'Delete the file to start afresh (repeats sent just before the restart may then be saved again).');
  return { keys, lines, torn };
}

/** Durably replaces the file (temp file, fsync, rename), checking the data-folder lock first. */
async function rewrite(folder: DataFolder, path: string, keys: Map<string, number>): Promise<void> {
  await folder.writeFile(path, [...keys].map(([k, exp]) => `${JSON.stringify({ k, exp })}\n`).join(''));
}
