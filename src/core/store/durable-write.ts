import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { lstat, open, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { StoreError } from '../errors.js';
import { describeNonFile } from './read-data-file.js';

const { O_CREAT, O_EXCL, O_WRONLY, O_APPEND, O_NOFOLLOW, O_RDONLY } = constants;

/**
 * Makes a rename or a new file in `dir` survive a power cut. Windows cannot open a folder to sync
 * it (and does not need to); elsewhere a failure is real and is thrown.
 */
export async function syncDir(dir: string): Promise<void> {
  let handle;
  try {
    handle = await open(dir, O_RDONLY);
  } catch (err) {
    if (process.platform === 'win32') return;
    throw err;
  }
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Refuses to replace a symbolic link or folder where a data file belongs: rename would swap the link itself. */
async function assertReplaceable(path: string): Promise<void> {
  const st = await lstat(path).catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'ENOENT') return undefined;
    throw err;
  });
  if (st && !st.isFile()) throw new StoreError(describeNonFile(path, st), 'store-invalid');
}

/**
 * Replaces `path` with `text`, durably: a dot-named temp file beside it is written and synced,
 * `beforeCommit` runs (the lock check: it throws to abandon the write), the temp file is renamed
 * over `path` and the folder is synced. A crash leaves either the old file or the new one.
 * Throws StoreError('store-invalid') if `path` is a symbolic link or folder.
 */
export async function writeFileDurable(path: string, text: string, beforeCommit: () => Promise<void> = async () => {}): Promise<void> {
  const dir = dirname(path);
  // Dot-named so the school loader skips a temp file left by a crash.
  const tmp = join(dir, `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  const handle = await open(tmp, O_CREAT | O_EXCL | O_WRONLY | O_NOFOLLOW, 0o600);
  try {
    try {
      await handle.writeFile(text, 'utf-8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await assertReplaceable(path);
    await beforeCommit();
    await rename(tmp, path);
  } catch (err) {
    await unlink(tmp).catch(() => {});
    throw err;
  }
  await syncDir(dir);
}

/**
 * Appends `text` to `path` (created owner-only if missing) and syncs it; O_NOFOLLOW refuses a
 * symbolic link, and a folder is refused too (StoreError('store-invalid')). A new file also needs its folder synced: see syncDir.
 */
export async function appendDurable(path: string, text: string): Promise<void> {
  const handle = await open(path, O_CREAT | O_WRONLY | O_APPEND | O_NOFOLLOW, 0o600).catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'ELOOP' || err.code === 'EISDIR') throw new StoreError(describeNonFile(path, err.code), 'store-invalid');
    throw err;
  });
  try {
    await handle.writeFile(text, 'utf-8');
    await handle.sync();
  } finally {
    await handle.close();
  }
}
