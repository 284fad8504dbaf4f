import { lstat, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { StoreError } from '../errors.js';
import { DATA_FILES } from './data-files.js';
import { describeNonFile } from './read-data-file.js';

/** Files the bot keeps at fixed places in its data folder: the stores' own list, so none is missed. */
const FILES: readonly string[] = Object.values(DATA_FILES);
/** Folders whose `*.<ext>` entries are all data files. */
const FOLDERS: [string, string][] = [['schools', '.json'], ['audit', '.jsonl'], ['teams', '.json']];

/**
 * Stops start-up if a symbolic link, folder or anything else that is not a regular file sits where
 * a data file belongs: the bot would otherwise ignore it (its pupils vanish) and the next save
 * would replace the link with a file. `.lock` may be a folder (an older version's lock), which
 * DataLock deals with. Throws StoreError('store-invalid') naming every such path on its own line.
 */
export async function checkDataFiles(dataDir: string): Promise<void> {
  const problems: string[] = [];
  const check = async (path: string, folder = false) => {
    const st = await lstat(path).catch((err: NodeJS.ErrnoException) => {
      if (err.code === 'ENOENT') return undefined;
      throw err;
    });
    if (!st) return false;
    const ok = folder ? st.isDirectory() : st.isFile() || (path === join(dataDir, DATA_FILES.lock) && st.isDirectory());
    if (ok) return true;
    if (!folder) problems.push(describeNonFile(path, st));
    else if (st.isSymbolicLink()) problems.push(`${path} is a symbolic link; the bot only uses real folders inside its data folder. Replace it with the folder itself.`);
    else problems.push(`${path} should be a folder. Move it out of the data folder.`);
    return false;
  };
  for (const name of FILES) await check(join(dataDir, name));
  for (const [sub, ext] of FOLDERS) {
    if (!(await check(join(dataDir, sub), true))) continue;
    const names = (await readdir(join(dataDir, sub))).filter((n) => n.endsWith(ext) && !n.startsWith('.')).sort();
    for (const name of names) if (!FILES.includes(join(sub, name))) await check(join(dataDir, sub, name));
  }
  if (problems.length > 0) throw new StoreError(problems.join('\n'), 'store-invalid');
}
