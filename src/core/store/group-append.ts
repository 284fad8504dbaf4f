import { mkdir } from 'node:fs/promises';
import type { DataFolder } from './data-folder.js';
import { appendDurable, syncDir } from './durable-write.js';

/**
 * Appends lines to files with group commit: lines that arrive while a write is under way go out
 * together in the next write, in the order they came, and each caller's promise resolves once its
 * line is on disk (fsynced). A busy bot does one append and one fsync per batch instead of one per
 * line, and lines from different callers never interleave within a line. Each batch first checks
 * the data-folder lock is still ours; if not, every line in it fails with StoreError('store-locked').
 */
export class GroupAppend {
  #dirReady = false;
  /** Files this process has already synced into the folder. */
  readonly #known = new Set<string>();
  #pending: { file: string; line: string; done: () => void; failed: (err: unknown) => void }[] = [];
  #flushing: Promise<void> | undefined;

  constructor(private readonly folder: DataFolder, private readonly dir: string) {}

  /** `line` must end with a newline. */
  append(file: string, line: string): Promise<void> {
    return new Promise((done, failed) => {
      this.#pending.push({ file, line, done, failed });
      this.#flushing ??= this.#flush();
    });
  }

  /** Resolves once every line appended so far is written (or has failed). */
  async drain(): Promise<void> {
    while (this.#flushing) await this.#flushing;
  }

  async #flush(): Promise<void> {
    while (this.#pending.length) {
      const batch = this.#pending;
      this.#pending = [];
      try {
        await this.folder.assertOwner();
        // Owner-only: these files hold ids of children's records.
        if (!this.#dirReady) await mkdir(this.dir, { recursive: true, mode: 0o700 });
        this.#dirReady = true;
        for (let i = 0; i < batch.length; ) {
          let j = i;
          while (j < batch.length && batch[j]!.file === batch[i]!.file) j++;
          const file = batch[i]!.file;
          await appendDurable(file, batch.slice(i, j).map((b) => b.line).join(''));
          // A new file's name is only durable once its folder is synced; once per file is enough.
          if (!this.#known.has(file)) {
            await syncDir(this.dir);
            this.#known.add(file);
          }
          i = j;
        }
        batch.forEach((b) => b.done());
      } catch (err) {
        this.#dirReady = false;
        batch.forEach((b) => b.failed(err));
      }
    }
    this.#flushing = undefined;
  }
}
