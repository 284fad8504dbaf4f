import { randomBytes } from 'node:crypto';
import { constants, type BigIntStats } from 'node:fs';
import { link, lstat, open, readFile, rename, rmdir, unlink, utimes } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { z } from 'zod/v4';
import { StoreError } from '../errors.js';
import { DATA_FILES } from './data-files.js';
import { syncDir } from './durable-write.js';
import { describeNonFile } from './read-data-file.js';
import { currentIdentity, goneBecause } from './process-identity.js';

/** Lock timings; tests shorten them. */
export interface DataLockOptions {
  /** A live holder that has not refreshed the lock for this long is paused or hung, and loses it. */
  staleMs?: number;
  /** How often the holder refreshes the lock and checks it is still its own; well under staleMs. */
  updateMs?: number;
  /** Told when a lock is taken over (info) or lost (error); ids only. */
  log?: { info(msg: string, fields?: Record<string, unknown>): void; error(msg: string, fields?: Record<string, unknown>): void };
}

const Holder = z.object({
  pid: z.number().int().positive(),
  host: z.string(),
  bootId: z.string().nullable(),
  pidNamespace: z.string().nullable(),
  startTime: z.string().nullable(),
  token: z.string(),
  since: z.string(),
});
type Holder = z.infer<typeof Holder>;

const NOFOLLOW = { encoding: 'utf-8', flag: constants.O_RDONLY | constants.O_NOFOLLOW } as const;

/**
 * Which file sits at `.lock`. A takeover always puts a new file there (rename over it, or rm then
 * link), so a different inode means the lock changed hands. The change time is kept too: a file
 * created after ours was deleted may be given our freed inode number, but not our change time.
 */
interface FileId {
  dev: bigint;
  ino: bigint;
  ctimeNs: bigint;
}
const fileId = (st: BigIntStats): FileId => ({ dev: st.dev, ino: st.ino, ctimeNs: st.ctimeNs });
const sameFile = (a: FileId, b: FileId): boolean => a.dev === b.dev && a.ino === b.ino && a.ctimeNs === b.ctimeNs;

/** Saves refused after the lock is lost: shown to the person whose change it was, so kind and free of paths. */
const LOST = 'That was not saved: this copy of the bot has stopped saving because another copy took over its data. Please try again in a minute; if it keeps happening, tell your admin.';

/**
 * Exclusive use of a data folder: `<dataDir>/.lock` is a regular file naming its holder (pid,
 * start time, boot id, host, a random token), created with link() so it appears whole or not at
 * all. A holder that is gone (dead pid, pid reused, machine rebooted) is replaced at once; a live
 * one refuses the newcomer unless it has stopped refreshing the file's mtime for staleMs (paused
 * or hung). Every write first checks, with one lstat, that `.lock` is still the file this process
 * wrote, and reads it only when that is in doubt (our own heartbeat also changes it); the
 * heartbeat and release always read it. Once the token is not ours, writes stop with
 * StoreError('store-locked'), so a resumed process never overwrites what its successor saved.
 */
export class DataLock {
  readonly #path: string;
  readonly #record: string;
  readonly #log: DataLockOptions['log'];
  #state: 'held' | 'lost' | 'released' = 'held';
  #timer: NodeJS.Timeout | undefined;
  /** The file last read back as ours; undefined until then, so the next check reads it. */
  #own: FileId | undefined;

  private constructor(readonly dataDir: string, record: string, log: DataLockOptions['log']) {
    this.#path = join(resolve(dataDir), DATA_FILES.lock);
    this.#record = record;
    this.#log = log;
  }

  /**
   * Takes the lock or throws StoreError('store-locked') naming the live holder's pid and the folder,
   * or StoreError('store-invalid') if `.lock` is a symbolic link or not a lock this bot wrote.
   * The folder must exist.
   */
  static async acquire(dataDir: string, opts: DataLockOptions = {}): Promise<DataLock> {
    const staleMs = opts.staleMs ?? 30_000;
    const holder: Holder = { ...currentIdentity(), token: randomBytes(16).toString('hex'), since: new Date().toISOString() };
    const lock = new DataLock(dataDir, `${JSON.stringify(holder)}\n`, opts.log);
    const tmp = join(resolve(dataDir), `.lock.${holder.token}.tmp`);
    const handle = await open(tmp, constants.O_CREAT | constants.O_EXCL | constants.O_WRONLY | constants.O_NOFOLLOW, 0o600);
    try {
      await handle.writeFile(lock.#record);
      await handle.sync();
    } finally {
      await handle.close();
    }
    try {
      await lock.#take(tmp, staleMs);
    } finally {
      await unlink(tmp).catch(() => {});
    }
    await syncDir(dataDir);
    lock.#timer = setInterval(() => void lock.#heartbeat(), opts.updateMs ?? Math.floor(staleMs / 3));
    lock.#timer.unref();
    return lock;
  }

  async #take(tmp: string, staleMs: number): Promise<void> {
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        await link(tmp, this.#path); // fails with EEXIST if anyone holds it: never two at once
        return;
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      }
      const st = await lstat(this.#path).catch(() => undefined);
      if (!st) continue; // released meanwhile
      if (st.isDirectory() && Date.now() - st.mtimeMs > staleMs) {
        // Left by an older version of the bot (proper-lockfile's folder), crashed: its own rule was 30 s.
        await rmdir(this.#path).catch(() => {});
        continue;
      }
      if (st.isDirectory()) throw locked(this.dataDir, 'an older version');
      if (!st.isFile()) throw new StoreError(describeNonFile(this.#path, st), 'store-invalid');
      const text = await readFile(this.#path, NOFOLLOW);
      const parsed = Holder.safeParse(safeJson(text));
      if (!parsed.success) throw new StoreError(`${this.#path} is not a lock this bot wrote. If no copy of the bot is running, delete it.`, 'store-invalid');
      const held = parsed.data;
      const why = goneBecause(held) ?? (Date.now() - st.mtimeMs > staleMs ? `process ${held.pid} has not refreshed it for ${Math.round((Date.now() - st.mtimeMs) / 1000)} s` : undefined);
      if (!why) throw locked(this.dataDir, held.host === currentIdentity().host ? `process ${held.pid}` : `process ${held.pid} on ${held.host}`);
      // Only replace the holder we judged: if someone else took it meanwhile, look again.
      if ((await readFile(this.#path, NOFOLLOW).catch(() => '')) !== text) continue;
      await rename(tmp, this.#path);
      this.#log?.info('took over the data-folder lock', { previousPid: held.pid, reason: why });
      return;
    }
    throw locked(this.dataDir, 'another process');
  }

  /** Refreshes the mtime (our heartbeat) while the file is still ours; notices a takeover within updateMs. */
  async #heartbeat(): Promise<void> {
    if (this.#state !== 'held') return;
    try {
      await this.#confirm();
      const now = new Date();
      await utimes(this.#path, now, now);
    } catch {
      // #confirm has recorded a loss; anything else (a busy disk) is retried on the next beat.
    }
  }

  /** Throws unless this process still believes it holds the lock; cheap, for reads. */
  assertHeld(): void {
    if (this.#state === 'released') throw new StoreError(`The store for data folder ${this.dataDir} has been closed.`, 'store-locked');
    if (this.#state === 'lost') throw new StoreError(LOST, 'store-locked');
  }

  /**
   * Before every write: throws StoreError('store-locked') if the lock file is no longer ours. One
   * lstat when `.lock` is the very file last read back as ours; otherwise the file is read.
   */
  async assertOwner(): Promise<void> {
    this.assertHeld();
    const st = await lstat(this.#path, { bigint: true }).catch(() => undefined);
    if (st && this.#own && sameFile(fileId(st), this.#own)) return;
    await this.#confirm();
  }

  /** The full check: reads `.lock` and remembers which file it is if it is still ours; otherwise records the loss and throws. */
  async #confirm(): Promise<void> {
    const now = await readOwn(this.#path);
    if (now?.text === this.#record) {
      this.#own = now.id;
      return;
    }
    this.#own = undefined;
    if (this.#state === 'held') {
      this.#state = 'lost';
      clearInterval(this.#timer);
      this.#log?.error('lost the data-folder lock to another process; no more writes', { dataDir: this.dataDir });
    }
    throw new StoreError(LOST, 'store-locked');
  }

  /** Releases the lock (only if it is still ours); safe to call twice. */
  async release(): Promise<void> {
    clearInterval(this.#timer);
    const was = this.#state;
    this.#state = 'released';
    if (was !== 'held') return;
    if ((await readFile(this.#path, NOFOLLOW).catch(() => undefined)) === this.#record) await unlink(this.#path).catch(() => {});
  }
}

/** The lock file's text and which file it is, both through one handle, so they belong together. */
async function readOwn(path: string): Promise<{ text: string; id: FileId } | undefined> {
  const handle = await open(path, constants.O_RDONLY | constants.O_NOFOLLOW).catch(() => undefined);
  if (!handle) return undefined;
  try {
    return { text: await handle.readFile('utf-8'), id: fileId(await handle.stat({ bigint: true })) };
  } catch {
    return undefined;
  } finally {
    await handle.close();
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function locked(dataDir: string, who: string): StoreError {
  return new StoreError(`Another copy of the bot (${who}) is using data folder ${dataDir}. Stop it first.`, 'store-locked');
}
