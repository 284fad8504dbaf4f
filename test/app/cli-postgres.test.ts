import { spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startCore } from '../../src/app/bootstrap.js';
import { loadConfig } from '../../src/config.js';
import { copyStores } from '../../src/core/store/copy/store-copy.js';
import { saveLaCases } from '../helpers/la-world.js';
import { makeCase } from '../helpers/make-case.js';
import { pcp } from '../core/reminders/plans.js';
import { createTestDatabase, type TestDatabase } from '../helpers/postgres.js';

// Each test here starts the bot or the CLI as a child process (tsx compiles it first): two test
// workers share the CI machine's two cores, so allow a minute rather than the suite's 20 s.
vi.setConfig({ testTimeout: 60_000 });

let testDb: TestDatabase;
let scratch: string;
beforeAll(async () => {
  testDb = await createTestDatabase();
  scratch = await mkdtemp(join(tmpdir(), 'gr-cli-pg-'));
});
afterAll(async () => {
  await testDb.drop();
  await rm(scratch, { recursive: true, force: true });
});

/** The CLI with only the database: its data folder is empty, so every figure must come from PostgreSQL. */
const cli = (env: Record<string, string>, ...args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], { encoding: 'utf8', env: { ...process.env, LOG_LEVEL: 'silent', ...env } });

describe('the admin reports with DATABASE_URL', () => {
  it('read PostgreSQL, and say what the same records in a data folder say', async () => {
    const core = await startCore(loadConfig({ DATA_DIR: join(scratch, 'bot'), DATABASE_URL: testDb.url, LOG_LEVEL: 'silent' }));
    const cases = [...(await saveLaCases(core.repo)), await core.repo.save(makeCase({ schoolId: 'oak-primary', pcps: [pcp('2026-11-23')] }), undefined)];
    for (const [i, c] of cases.slice(0, 5).entries()) {
      const r = c.referrals[0]!;
      await core.reminders.setNotice(r.id, { schoolId: c.schoolId, caseId: c.id, referralId: r.id, referrerId: 's', state: 'posted', attempts: 1, acknowledged: { by: 'la', name: 'LA', at: `2026-10-0${i + 1}T10:00:00.000Z` } });
    }
    await core.close();
    const folder = join(scratch, 'copy');
    await copyStores({ kind: 'postgres', url: testDb.url }, { kind: 'folder', dir: folder }, { force: false, now: new Date('2026-11-30T10:00:00Z') });

    const fromDb = { DATA_DIR: join(scratch, 'empty'), DATABASE_URL: testDb.url };
    const fromFolder = { DATA_DIR: folder };
    for (const args of [['la', 'report', '--from', '2026-09-01', '--to', '2026-11-30'], ['reminders', 'due', '--at', '2026-11-23T08:00:00Z']]) {
      const [db, files] = [cli(fromDb, ...args), cli(fromFolder, ...args)];
      expect(db.stderr).toBe('');
      expect(db.status).toBe(0);
      expect(db.stdout).toBe(files.stdout);
    }
    const report = cli(fromDb, 'la', 'report', '--from', '2026-09-01', '--to', '2026-11-30').stdout;
    expect(report).toContain('== LA figures, Tue 1 Sep 2026 to Mon 30 Nov 2026 ==');
    expect(report).toMatch(/Median \d+ calendar days/);
    const due = cli(fromDb, 'reminders', 'due', '--at', '2026-11-23T08:00:00Z').stdout;
    expect(due).toContain(`(${cases.length} pupils on record)`);
    expect(due).toMatch(/send +PCP review for AB .*due Mon 23 Nov 2026 → teacher-1/);
  }, 90_000);
});
