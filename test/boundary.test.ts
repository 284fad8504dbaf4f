import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const CHANNEL_SDKS = /from ['"](botbuilder[^'"]*|@microsoft\/teams-ai|@microsoft\/teams\.[^'"]*|@slack\/[^'"]*|restify)['"]/;

async function sources(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile() && e.name.endsWith('.ts')).map((e) => path.join(e.parentPath, e.name));
}

describe('the core knows nothing of Teams or Slack', () => {
  it.each(['src/core', 'src/dialogs', 'src/knowledge', 'src/app'])('%s imports no channel SDK', async (dir) => {
    const offenders: string[] = [];
    for (const file of await sources(dir)) if (CHANNEL_SDKS.test(await readFile(file, 'utf8'))) offenders.push(file);
    expect(offenders).toEqual([]);
  });
});

describe('each channel lives in its own folder', () => {
  it('only src/channels/teams imports the Bot Framework or Teams SDKs', async () => {
    const teamsSdk = /from ['"](botbuilder[^'"]*|@microsoft\/teams-ai)['"]/;
    const offenders: string[] = [];
    for (const file of await sources('src')) if (teamsSdk.test(await readFile(file, 'utf8')) && !file.startsWith(path.join('src', 'channels', 'teams'))) offenders.push(file);
    expect(offenders).toEqual([]);
  });
});

describe('Slack lives in its own folder', () => {
  it('only src/channels/slack imports Slack SDKs', async () => {
    const slackSdk = /from ['"]@slack\/[^'"]*['"]/;
    const offenders: string[] = [];
    for (const file of await sources('src')) if (slackSdk.test(await readFile(file, 'utf8')) && !file.startsWith(path.join('src', 'channels', 'slack'))) offenders.push(file);
    expect(offenders).toEqual([]);
  });
});

describe('PDF lives in its own folder', () => {
  it('only src/pdf imports the PDF library; the core builds documents without it', async () => {
    const pdfLib = /from ['"](pdfmake|pdfkit|pdf-lib)[^'"]*['"]/;
    const offenders: string[] = [];
    for (const file of await sources('src')) if (pdfLib.test(await readFile(file, 'utf8')) && !file.startsWith(path.join('src', 'pdf'))) offenders.push(file);
    expect(offenders).toEqual([]);
  });
});
