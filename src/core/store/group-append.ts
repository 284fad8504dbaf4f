import { appendFile, mkdir } from 'node:fs/promises';

/**
 * Appends lines to files with group commit: lines that arrive while a write is under way go out
 * together in the next write, in the order they came, and each caller's promise resolves once its
 * line is on disk. A busy bot does one append per batch instead of one per line, and lines from
 * different callers never interleave within a line.
 */
export class GroupAppend {
  #dirReady = false;
  #pending: { file: string; line: string; done: () => void; failed: (err: unknown) => void }[] = [];
  #flushing: Promise<void> | undefined;

  constructor(private readonly dir: string) {}

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
        // Owner-only: these files hold ids of children's records.
        if (!this.#dirReady) await mkdir(this.dir, { recursive: true, mode: 0o700 });
        this.#dirReady = true;
        for (let i = 0; i < batch.length; ) {
          let j = i;
          while (j < batch.length && batch[j]!.file === batch[i]!.file) j++;
          await appendFile(batch[i]!.file, batch.slice(i, j).map((b) => b.line).join(''), { encoding: 'utf-8', mode: 0o600 });
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
