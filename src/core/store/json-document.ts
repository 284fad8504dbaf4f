import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { Low } from 'lowdb';
import type { z } from 'zod/v4';
import { StoreError } from '../errors.js';
import type { DataFolder } from './data-folder.js';
import type { DataFileName } from './data-files.js';
import { commit, DurableAdapter } from './durable-adapter.js';
import { howToFix, jsonMistakeAt } from './fix-advice.js';
import { keepBackup } from './keep-backup.js';
import { newerFileMessage, upgrade, type FileVersions } from './migrations.js';
import { readDataFile } from './read-data-file.js';
import { KeyedSerialQueue } from './serial-queue.js';
import { describeFirstIssue } from './zod-issue.js';

/**
 * A small JSON file of settings-like data (staff roles, conversation references), validated with
 * zod when opened. Like the school files it carries a `schemaVersion`: an older file is migrated
 * (the original kept beside it), a newer one refused. A file someone edited by hand into something
 * invalid stops start-up with the file and field named and is never overwritten. Writes are durable and atomic (temp file, fsync,
 * rename, folder fsync), one at a time, and each first checks the data-folder lock is still ours.
 */
export class JsonDocument<T> {
  readonly #writes = new KeyedSerialQueue();
  readonly #db: Low<T>;

  private constructor(folder: DataFolder, path: string, data: T) {
    this.#db = new Low(new DurableAdapter<T>(folder, path, (d) => `${JSON.stringify(d, null, 2)}\n`), data);
  }

  /**
   * Reads the data file `name` in `folder` (a byte-order mark is ignored), or starts from `empty()` if
   * it is missing. A file at an older version than `versions.current` is migrated, its bytes kept as
   * a backup beside it, and rewritten once; opened read-only, the migrated content is only read.
   * Throws StoreError('store-invalid') naming the file if it is not valid JSON, was written by a newer
   * version of the bot, fails `schema`, or is a symbolic link; such a file is left as it is.
   */
  static async open<S extends z.ZodType>(folder: DataFolder, name: DataFileName, schema: S, empty: () => z.infer<S>, versions: FileVersions): Promise<JsonDocument<z.infer<S>>> {
    const path = folder.file(name);
    await mkdir(dirname(path), { recursive: true, mode: 0o700 });
    const text = await readDataFile(path);
    if (text === undefined) return new JsonDocument(folder, path, empty());
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (err) {
      // Only the mistake's position is read from the SyntaxError: its quoted text may hold pupil details.
      const at = jsonMistakeAt(text, err);
      throw new StoreError(`${path} is not valid JSON${at ? ` at ${at}` : ''}, so the bot will not start. Nothing was changed. ${await howToFix(path, { json: true, ...(at ? { at } : {}) })}`, 'store-invalid');
    }
    const refuse = async (problem: string) => new StoreError(`${path}: ${problem}. The bot will not start; nothing was changed. ${await howToFix(path, { field: true })}`, 'store-invalid');
    const upgraded = upgrade(json, versions);
    if (!upgraded.ok) throw upgraded.newer !== undefined ? new StoreError(newerFileMessage(path, upgraded.newer, versions.current), 'store-invalid') : await refuse(upgraded.problem);
    const parsed = schema.safeParse(upgraded.value);
    if (!parsed.success) throw await refuse(describeFirstIssue(parsed.error));
    const doc = new JsonDocument(folder, path, parsed.data);
    if (upgraded.from < versions.current && !folder.readOnly) {
      await folder.assertOwner();
      await keepBackup(path, upgraded.from, new Date());
      await doc.#db.write();
    }
    return doc;
  }

  /** The current content. Treat as read-only; change it with `update`. */
  get data(): T {
    return this.#db.data;
  }

  /**
   * Applies `change` and writes the result; changes run one after another so none is lost.
   * Throws StoreError('store-locked') (nothing saved, memory unchanged) once the lock is lost.
   */
  update(change: (current: T) => T): Promise<T> {
    return this.#writes.run('file', async () => {
      const next = change(this.#db.data);
      await commit(this.#db, next);
      return next;
    });
  }

  async close(): Promise<void> {
    await this.#writes.drain();
  }
}
