import type { z } from 'zod/v4';
import type { DataFolder } from './data-folder.js';
import type { DataFileName } from './data-files.js';
import { JsonDocument } from './json-document.js';
import type { FileVersions } from './migrations.js';

/**
 * One small settings-like document (staff grants, Teams conversation references, the LA channel
 * link, terminal drafts), read synchronously from memory and changed through `update`. A data-folder
 * file ({@link JsonDocument}) or a PostgreSQL row shared by every instance (PostgresDocuments).
 */
export interface SettingsDocument<T> {
  /** The current content. Treat as read-only; change it with `update`. */
  readonly data: T;
  /** Applies `change` to the latest content and keeps the result; changes never overwrite one another. */
  update(change: (current: T) => T): Promise<T>;
  /** Waits for writes in flight. */
  close(): Promise<void>;
}

/**
 * Opens the document a data file's name stands for, validated with `schema` (StoreError('store-invalid')
 * when what is kept is not valid), or `empty()` when there is none yet.
 */
export type DocumentSource = <S extends z.ZodType>(name: DataFileName, schema: S, empty: () => z.infer<S>, versions: FileVersions) => Promise<SettingsDocument<z.infer<S>>>;

/** Documents as files in the data folder: the embedded default. */
export const fileDocuments =
  (folder: DataFolder): DocumentSource =>
  (name, schema, empty, versions) =>
    JsonDocument.open(folder, name, schema, empty, versions);

/** A store opened on a data folder keeps its file there; one opened on a source keeps it wherever that source does. */
export const documentSource = (where: DataFolder | DocumentSource): DocumentSource => (typeof where === 'function' ? where : fileDocuments(where));
