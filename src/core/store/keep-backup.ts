import { constants } from 'node:fs';
import { open, readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { syncDir } from './durable-write.js';

const { O_CREAT, O_EXCL, O_WRONLY, O_NOFOLLOW, O_RDONLY } = constants;

/**
 * Before a migration rewrites a data file, keeps its bytes as they are beside it:
 * `<file>.v<version>-<UTC date and time>.bak`, e.g. `oak-primary.json.v1-20261130T203400.123Z.bak`.
 * The time in the name means a backup is never overwritten (and O_EXCL makes sure), and the copy and
 * its folder are synced before this returns, so no crash can leave the migrated file on disk without
 * the original beside it. The bytes are read again here, not taken from the parsed text, so a
 * byte-order mark or anything else the reader smoothed over is kept too. Returns the backup's path.
 */
export async function keepBackup(path: string, version: number, now: Date): Promise<string> {
  const bytes = await readFile(path, { flag: O_RDONLY | O_NOFOLLOW });
  const stamp = now.toISOString().replace(/[-:]/g, '');
  const backup = `${path}.v${version}-${stamp}.bak`;
  const handle = await open(backup, O_CREAT | O_EXCL | O_WRONLY | O_NOFOLLOW, 0o600);
  try {
    await handle.writeFile(bytes);
    await handle.sync();
  } finally {
    await handle.close();
  }
  await syncDir(dirname(path));
  return backup;
}
