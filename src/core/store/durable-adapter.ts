import type { Adapter, Low } from 'lowdb';
import type { DataFolder } from './data-folder.js';
import { readDataFile } from './read-data-file.js';

/**
 * A lowdb adapter for one file in the data folder. lowdb's own file adapter (steno) renames a temp
 * file without fsync, so a power cut can lose a write the bot already confirmed (lowdb #549); this
 * one writes through `DataFolder.writeFile` (temp file, fsync, rename, folder fsync, lock checked
 * first). Reading returns the raw parse: stores validate with zod before adopting the data.
 */
export class DurableAdapter<T> implements Adapter<T> {
  constructor(
    private readonly folder: DataFolder,
    readonly path: string,
    private readonly stringify: (data: T) => string,
  ) {}

  /** lowdb's Adapter contract; the stores read and validate their files themselves when they open. */
  async read(): Promise<T | null> {
    const text = await readDataFile(this.path);
    return text === undefined ? null : (JSON.parse(text) as T);
  }

  write(data: T): Promise<void> {
    return this.folder.writeFile(this.path, this.stringify(data));
  }
}

/**
 * Writes `next` through the adapter and only then makes it `db.data`: readers never see a change
 * the file does not hold yet, and a failed write (lock lost, disk full) leaves memory as it was.
 * Throws what the write throws.
 */
export async function commit<T>(db: Low<T>, next: T): Promise<void> {
  await db.adapter.write(next);
  db.data = next;
}
