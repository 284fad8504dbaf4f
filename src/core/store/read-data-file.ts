import { constants, type Stats } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { StoreError } from '../errors.js';

const BOM = '\uFEFF';

/**
 * One line for a path that should be a regular file but is not: what it is and what to do. `what`
 * is its lstat, or the code from opening it with O_NOFOLLOW (ELOOP: a link; EISDIR: a folder).
 */
export function describeNonFile(path: string, what: Stats | 'ELOOP' | 'EISDIR'): string {
  const link = typeof what === 'string' ? what === 'ELOOP' : what.isSymbolicLink();
  const folder = typeof what === 'string' ? what === 'EISDIR' : what.isDirectory();
  if (link) return `${path} is a symbolic link; the bot only reads regular files in its data folder. Replace it with the file itself.`;
  if (folder) return `${path} is a folder where the bot keeps a file. Move the folder out of the data folder.`;
  return `${path} is not a regular file (a device, pipe or socket). Move it out of the data folder.`;
}

/**
 * Reads a data file as UTF-8 text, or undefined if it does not exist. A leading byte-order mark
 * (Windows Notepad adds one) is dropped, so a hand-edited file still parses. O_NOFOLLOW refuses a
 * symbolic link: StoreError('store-invalid') naming the path.
 */
export async function readDataFile(path: string): Promise<string | undefined> {
  try {
    const text = await readFile(path, { encoding: 'utf-8', flag: constants.O_RDONLY | constants.O_NOFOLLOW });
    return text.startsWith(BOM) ? text.slice(1) : text;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return undefined;
    if (code === 'ELOOP' || code === 'EISDIR') throw new StoreError(describeNonFile(path, code), 'store-invalid');
    throw err;
  }
}
