import { stat } from 'node:fs/promises';
import { AppError, StoreError } from '../../errors.js';
import { DataFolder } from '../data-folder.js';
import { describeDatabase, PostgresDatabase } from '../postgres/database.js';
import { clearFolder, readFolderDump, writeFolderDump } from './folder-dump.js';
import { readPostgresDump, writePostgresDump } from './postgres-dump.js';
import { countDump, isEmpty, type StoreCounts, type StoreDump } from './store-dump.js';

/** Where a copy reads or writes: a data folder, or a PostgreSQL database (a postgres:// or postgresql:// URL). */
export type StorePlace = { kind: 'folder'; dir: string } | { kind: 'postgres'; url: string };

/** A command-line argument as a place: a URL starting postgres:// or postgresql:// is a database, anything else a folder. */
export const parsePlace = (arg: string): StorePlace => (/^postgres(ql)?:\/\//i.test(arg) ? { kind: 'postgres', url: arg } : { kind: 'folder', dir: arg });

/** A place as a message may name it: a folder's path, or a database's host and name (never its password). */
export const describePlace = (p: StorePlace): string => (p.kind === 'folder' ? p.dir : describeDatabase(p.url));

/** What was copied, and what the target holds when read back (the same, or the copy throws). */
export interface CopyReport {
  copied: StoreCounts;
  readBack: StoreCounts;
}

/** A place opened for the copy: read it, write it, close it. */
interface Opened {
  read(): Promise<StoreDump>;
  write(dump: StoreDump, replace: boolean): Promise<void>;
  close(): Promise<void>;
}

/**
 * Copies everything one backend keeps into another (data folder to PostgreSQL or back): cases with
 * their revisions, the audit log, the reminder ledger, idempotency keys, self-reflections, staff
 * grants, Teams conversations, the LA channel link and drafts. A folder is opened with its lock, so
 * a bot running on it refuses the copy (stop it first). Throws AppError('invalid-input') if the
 * target already holds anything and `force` is not set (nothing written); with `force` the target's
 * contents are replaced. After writing, the target is read back and its counts must equal the
 * source's, else StoreError('store-invalid').
 */
export async function copyStores(from: StorePlace, to: StorePlace, opts: { force: boolean; now: Date }): Promise<CopyReport> {
  if (describePlace(from) === describePlace(to)) throw new AppError('The source and the target are the same place: nothing to copy.', 'invalid-input');
  if (from.kind === 'folder' && !(await stat(from.dir).catch(() => undefined))?.isDirectory()) throw new AppError(`There is no data folder at ${from.dir}.`, 'invalid-input');
  const source = await open(from, opts.now);
  try {
    const dump = await source.read();
    const target = await open(to, opts.now);
    try {
      const present = countDump(await target.read());
      if (!isEmpty(present) && !opts.force) {
        const held = Object.entries(present).filter(([, n]) => n > 0).map(([what, n]) => `${what} (${n})`).join(', ');
        throw new AppError(`${describePlace(to)} already holds ${held}, so nothing was copied. Copy into an empty one, or add --force to replace what it holds.`, 'invalid-input');
      }
      await target.write(dump, !isEmpty(present));
      const copied = countDump(dump);
      const readBack = countDump(await target.read());
      const differ = Object.keys(copied).filter((k) => copied[k] !== readBack[k]);
      if (differ.length) throw new StoreError(`The copy in ${describePlace(to)} does not hold what was read (${differ.map((k) => `${k}: ${copied[k]} read, ${readBack[k]} there`).join('; ')}).`, 'store-invalid');
      return { copied, readBack };
    } finally {
      await target.close();
    }
  } finally {
    await source.close();
  }
}

async function open(place: StorePlace, now: Date): Promise<Opened> {
  if (place.kind === 'postgres') {
    const db = await PostgresDatabase.open(place.url, { maxConnections: 2 });
    return { read: () => readPostgresDump(db, now), write: (d, replace) => writePostgresDump(db, d, { replace }), close: () => db.close() };
  }
  const folder = await DataFolder.open(place.dir);
  return {
    read: () => readFolderDump(folder, now),
    write: async (d, replace) => {
      if (replace) await clearFolder(folder);
      await writeFolderDump(folder, d);
    },
    close: () => folder.close(),
  };
}
