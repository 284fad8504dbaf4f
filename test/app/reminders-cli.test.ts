import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AAD, botHarness, type BotHarness } from './bot-harness.js';

// Each test here starts the bot or the CLI as a child process (tsx compiles it first): two test
// workers share the CI machine's two cores, so allow a minute rather than the suite's 20 s.
vi.setConfig({ testTimeout: 60_000 });

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

describe('in local mode the local user is the school’s SENDCo (issue 11 fresh tester: day-6, EHC and PEP reminders never fired)', () => {
  it('reminders due lists day-6 provision and the weekly digest for the local user', async () => {
    const { mkdtemp, rm } = await import('node:fs/promises');
    const { tmpdir } = await import('node:os');
    const { loadConfig } = await import('../../src/config.js');
    const { startCore } = await import('../../src/app/bootstrap.js');
    const { makeCase } = await import('../helpers/make-case.js');
    const dir = await mkdtemp(join(tmpdir(), 'local-sendco-'));
    try {
      const config = loadConfig({ DATA_DIR: dir, LOG_LEVEL: 'silent' });
      const core = await startCore(config);
      const x = { id: 'x1', kind: 'permanent' as const, startDate: '2026-11-16', days: 0, reason: 'Assault', recordedBy: 'local-sendco', recordedAt: '2026-11-16T09:00:00.000Z' };
      await core.repo.save(makeCase({ schoolId: config.localUser.schoolId, pupilRef: '8002', initials: 'AB', staffIds: [], exclusions: [x] }), undefined);
      await core.close();
      const run = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'reminders', 'due', '--at', '2026-11-18T09:00:00Z'], { encoding: 'utf8', env: { ...process.env, DATA_DIR: dir, LOG_LEVEL: 'silent', STAFF_FILE: '' } });
      expect(run.status).toBe(0);
      expect(run.stdout).toMatch(/send +Full-time provision from day 6 \(Mon 23 Nov 2026\) for AB \(ref 8002\).*→ local-sendco/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
