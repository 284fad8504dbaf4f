import { mkdir, readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { DataFile } from 'lowdb/node';
import type { z } from 'zod/v4';
import { StoreError } from '../errors.js';
import { KeyedSerialQueue } from './serial-queue.js';
import { describeFirstIssue } from './zod-issue.js';

/**
 * A small JSON file of settings-like data (staff roles, conversation references), validated with
 * zod when opened. A file someone edited by hand into something invalid stops start-up with the
 * file and field named and is never overwritten. Writes are atomic (lowdb's steno: temp file and
 * rename) and one at a time; the data-folder lock keeps a second process out.
 */
export class JsonDocument<T> {
  readonly #file: DataFile<T>;
  readonly #writes = new KeyedSerialQueue();
  #data: T;

  private constructor(file: DataFile<T>, data: T) {
    this.#file = file;
    this.#data = data;
  }

  static async open<S extends z.ZodType>(path: string, schema: S, empty: () => z.infer<S>): Promise<JsonDocument<z.infer<S>>> {
    await mkdir(dirname(path), { recursive: true });
    const text = await readFile(path, 'utf-8').catch((err: NodeJS.ErrnoException) => {
      if (err.code === 'ENOENT') return undefined;
      throw err;
    });
    const file = new DataFile<z.infer<S>>(path, { parse: (t) => JSON.parse(t) as z.infer<S>, stringify: (d) => `${JSON.stringify(d, null, 2)}\n` });
    if (text === undefined) return new JsonDocument(file, empty());
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw new StoreError(`${path} is not valid JSON, so the bot will not start. Nothing was changed.`, 'store-invalid');
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) throw new StoreError(`${path}: ${describeFirstIssue(parsed.error)}. The bot will not start; nothing was changed.`, 'store-invalid');
    return new JsonDocument(file, parsed.data);
  }

  /** The current content. Treat as read-only; change it with `update`. */
  get data(): T {
    return this.#data;
  }

  /** Applies `change` and writes the result; changes run one after another so none is lost. */
  update(change: (current: T) => T): Promise<T> {
    return this.#writes.run('file', async () => {
      const next = change(this.#data);
      await this.#file.write(next);
      this.#data = next;
      return next;
    });
  }

  async close(): Promise<void> {
    await this.#writes.drain();
  }
}
