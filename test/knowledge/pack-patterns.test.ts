import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPack, resolvePackDir } from '../../src/knowledge/load-pack.js';

/** A copy of the Worcestershire pack with one change to its concerns.json. */
async function packWith(change: (concerns: { settledContext: string[]; risk: { notInSentence: string[] }[] }) => void): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'gr-pack-'));
  await cp(resolvePackDir('worcestershire'), dir, { recursive: true });
  const file = join(dir, 'concerns.json');
  const pack = JSON.parse(await readFile(file, 'utf8')) as { concerns: Parameters<typeof change>[0] };
  change(pack.concerns);
  await writeFile(file, JSON.stringify(pack));
  return dir;
}

describe('every concern pattern is checked when the pack loads', () => {
  it('names concerns.json and the place of a bad pattern in settledContext', async () => {
    const dir = await packWith((c) => c.settledContext.push('no .. @nosuchlist'));
    await expect(loadPack(dir)).rejects.toThrow(/concerns\.json → concerns\.settledContext\.\d+: "no \.\. @nosuchlist" uses @nosuchlist/);
  });

  it('names concerns.json and the place of a bad pattern in a category’s notInSentence', async () => {
    const dir = await packWith((c) => c.risk[0]!.notInSentence.push('wedding .. ... party'));
    await expect(loadPack(dir)).rejects.toThrow(/concerns\.json → concerns\.risk\.0\.notInSentence\.\d+: .*two gaps in a row/);
  });
});
