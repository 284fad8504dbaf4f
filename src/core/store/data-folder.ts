import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { StoreError } from '../errors.js';
import { checkDataFiles } from './check-data-files.js';
import { DataLock, type DataLockOptions } from './data-lock.js';
import { DATA_FILES, type DataFileName } from './data-files.js';
import { writeFileDurable } from './durable-write.js';

/**
 * The bot's data folder and the one lock on it, handed to every store that writes there so none
 * can write without checking the lock first. `readOnly` is for the admin command line beside a
 * running bot: it reads freely and every write is refused.
 */
export class DataFolder {
  private constructor(readonly dir: string, private readonly lock: DataLock | undefined) {}

  /**
   * Creates the folder (owner-only) if needed, checks no data file is a link or folder
   * (StoreError('store-invalid')) and takes the lock (StoreError('store-locked') if a live copy holds it).
   */
  static async open(dir: string, opts: DataLockOptions = {}): Promise<DataFolder> {
    try {
      // Owner-only: the files hold special-category data about children.
      await mkdir(dir, { recursive: true, mode: 0o700 });
      await checkDataFiles(dir);
      return new DataFolder(dir, await DataLock.acquire(dir, opts));
    } catch (err) {
      if (err instanceof StoreError) throw err;
      // One line naming the setting, not a raw ENOENT on a temporary lock file.
      const code = (err as NodeJS.ErrnoException).code ?? 'error';
      throw new StoreError(`The data folder ${dir} (DATA_DIR) cannot be used (${code}). Set DATA_DIR to a folder this user can create and write to.`, 'store-invalid', { cause: err });
    }
  }

  /** Reads without the lock; any write throws StoreError('store-locked'). */
  static readOnly(dir: string): DataFolder {
    return new DataFolder(dir, undefined);
  }

  /** Opened with {@link DataFolder.readOnly}: nothing may be written, not even a compaction. */
  get readOnly(): boolean {
    return this.lock === undefined;
  }

  /** A path inside the folder. */
  path(...parts: string[]): string {
    return join(this.dir, ...parts);
  }

  /** Where one of the fixed data files lives (DATA_FILES), the only way a store names its file. */
  file(name: DataFileName): string {
    return join(this.dir, DATA_FILES[name]);
  }

  /** Cheap check for reads of what is held in memory: throws once the lock is known lost or released. */
  assertHeld(): void {
    this.#lock().assertHeld();
  }

  /** Before every write: throws StoreError('store-locked') unless the lock file still names this process. */
  assertOwner(): Promise<void> {
    return this.#lock().assertOwner();
  }

  /** Replaces a data file durably (synced file and folder), checking the lock just before the rename. */
  writeFile(path: string, text: string): Promise<void> {
    this.#lock();
    return writeFileDurable(path, text, () => this.assertOwner());
  }

  /** Releases the lock; safe to call twice. */
  async close(): Promise<void> {
    await this.lock?.release();
  }

  #lock(): DataLock {
    if (!this.lock) throw new StoreError(`The data folder ${this.dir} was opened read-only, so nothing can be saved.`, 'store-locked');
    return this.lock;
  }
}
