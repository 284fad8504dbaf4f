import { rename } from 'node:fs/promises';
import { dirname } from 'node:path';
import { syncDir } from './durable-write.js';

/**
 * Moves a data file the bot cannot read out of its way, byte for byte as it was (a rename, so
 * nothing is copied or rewritten): `<file>.broken-<UTC date and time>`, e.g.
 * `drafts.json.broken-20261120T100000.000Z`, beside it and owner-only as the file was. The time in
 * the name means an earlier one is never replaced. The folder is synced so the move survives a
 * crash. Only for convenience data the bot can start without (drafts); a school file is never
 * moved. Returns the new path.
 */
export async function setAside(path: string, now: Date): Promise<string> {
  const aside = `${path}.broken-${now.toISOString().replace(/[-:]/g, '')}`;
  await rename(path, aside);
  await syncDir(dirname(path));
  return aside;
}
