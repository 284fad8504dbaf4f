import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const CHANNEL_SDKS = /from ['"](botbuilder[^'"]*|@microsoft\/teams-ai|@microsoft\/teams\.[^'"]*|@slack\/[^'"]*|restify)['"]/;

async function sources(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile() && e.name.endsWith('.ts')).map((e) => path.join(e.parentPath, e.name));
}

describe('the core knows nothing of Teams or Slack', () => {
  it.each(['src/core', 'src/dialogs', 'src/knowledge'])('%s imports no channel SDK', async (dir) => {
    const offenders: string[] = [];
    for (const file of await sources(dir)) if (CHANNEL_SDKS.test(await readFile(file, 'utf8'))) offenders.push(file);
    expect(offenders).toEqual([]);
  });
});
