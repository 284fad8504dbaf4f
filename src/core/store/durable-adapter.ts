import type { Adapter } from 'lowdb';
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

  async read(): Promise<T | null> {
    const text = await readDataFile(this.path);
    return text === undefined ? null : (JSON.parse(text) as T);
  }

  write(data: T): Promise<void> {
    return this.folder.writeFile(this.path, this.stringify(data));
  }
}

/**
 * Sets `db.data` to `next` and writes it; if the write fails (lock lost, disk full) memory goes
 * back to what it was, so memory never holds what the file does not. Throws what the write throws.
 */
export async function commit<T>(db: { data: T; write(): Promise<void> }, next: T): Promise<void> {
  const before = db.data;
  db.data = next;
  try {
    await db.write();
  } catch (err) {
    db.data = before;
    throw err;
  }
}
