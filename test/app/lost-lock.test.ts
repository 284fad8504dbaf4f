import { readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { currentIdentity } from '../../src/core/store/process-identity.js';
import { AAD, textOf, teamsHarness, type TeamsHarness } from '../channels/teams/harness.js';

let h: TeamsHarness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

describe('after another copy of the bot took over the data folder', () => {
  it('an admin’s grant is refused with a kind "not saved" reply, and nothing is written', async () => {
    h = await teamsHarness({ localMode: false });
    // Said while the lock is ours, so the admin's conversation reference is already on disk.
    expect(textOf(await h.say(AAD.admin, 'whoami'))).toContain('You are set up as admin');
    const dataDir = join(h.dataDir, 'data');
    const lock = join(dataDir, '.lock');
    await writeFile(`${lock}.other`, `${JSON.stringify({ ...currentIdentity(), pid: 1, token: 'the-other-copy', since: new Date().toISOString() })}\n`);
    await rename(`${lock}.other`, lock);
    const staffBefore = await readFile(join(dataDir, 'staff.json'), 'utf-8').catch(() => 'absent');

    const reply = textOf(await h.say(AAD.admin, `grant teams:${AAD.stranger} teacher oak-primary`));
    expect(reply).toContain('That was not saved');
    expect(reply).not.toContain(dataDir);
    expect(await readFile(join(dataDir, 'staff.json'), 'utf-8').catch(() => 'absent')).toBe(staffBefore);
  });
});
