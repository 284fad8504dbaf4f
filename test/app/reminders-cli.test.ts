import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AAD, botHarness, type BotHarness } from './bot-harness.js';

let h: BotHarness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const cli = (dataDir: string, staffFile: string, ...args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], { encoding: 'utf8', env: { ...process.env, DATA_DIR: dataDir, STAFF_FILE: staffFile, LOG_LEVEL: 'silent' } });

describe('npm run cli -- reminders due --at', () => {
  it('lists what would be sent at a moment, beside a running bot, without sending or recording', async () => {
    h = await botHarness();
    await h.pupilWithPsp('2026-11-02');
    const data = join(h.dir, 'data');
    const staff = join(h.dir, 'staff-roles.json');
    const monday = cli(data, staff, 'reminders', 'due', '--at', '2026-11-23T08:00:00Z');
    expect(monday.status).toBe(0);
    expect(monday.stdout).toContain('At Mon 23 Nov 2026 08:00 London time (1 pupil on record)');
    expect(monday.stdout).toMatch(new RegExp(`send +PSP review for AB \\(ref 4021.*due Mon 23 Nov 2026 → teams:${AAD.leader}`));
    expect(monday.stdout).toMatch(/digest +Oak Primary School: 0 overdue, 1 due this week/);
    expect(monday.stdout).toContain('2 reminders, 0 to resume, 1 digest.');
    expect(Object.keys((await h.bot.core.reminders.snapshot()).sends)).toEqual([]);

    const saturday = cli(data, staff, 'reminders', 'due', '--at', '2026-11-21T10:00:00Z');
    expect(saturday.stdout).toContain('Nothing is sent now (weekend). Next sending time: Mon 23 Nov 2026 08:00.');
  });

  it('explains its usage and refuses a date it cannot read', async () => {
    h = await botHarness();
    const data = join(h.dir, 'data');
    const staff = join(h.dir, 'staff-roles.json');
    expect(cli(data, staff, 'reminders').stdout).toContain('Usage: npm run cli -- reminders due');
    const bad = cli(data, staff, 'reminders', 'due', '--at', 'next tuesday');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('is not a date and time');
  });
});
