import { spawnSync } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { startCore } from '../../src/app/bootstrap.js';
import { loadConfig } from '../../src/config.js';
import { saveLaCases } from '../helpers/la-world.js';

// Each test here starts the bot or the CLI as a child process (tsx compiles it first): two test
// workers share the CI machine's two cores, so allow a minute rather than the suite's 20 s.
vi.setConfig({ testTimeout: 60_000 });

const cli = (dataDir: string, ...args: string[]) => cliWith({}, dataDir, ...args);
const cliWith = (env: Record<string, string>, dataDir: string, ...args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], { encoding: 'utf8', env: { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'silent', ...env } });

/** A data folder with the LA world's records, and five of its referrals acknowledged 0–4 days later. */
async function dataFolder(): Promise<string> {
  const dir = join(await mkdtemp(join(tmpdir(), 'gr-la-cli-')), 'data');
  const core = await startCore(loadConfig({ DATA_DIR: dir, LOG_LEVEL: 'silent' }));
  const cases = await saveLaCases(core.repo);
  for (const [i, c] of cases.slice(0, 5).entries()) {
    const r = c.referrals[0]!;
    const at = new Date(`${r.date}T10:00:00Z`);
    at.setUTCDate(at.getUTCDate() + i);
    await core.reminders.setNotice(r.id, { schoolId: c.schoolId, caseId: c.id, referralId: r.id, referrerId: 's', state: 'posted', attempts: 1, acknowledged: { by: 'la', name: 'LA', at: at.toISOString() } });
  }
  await core.close();
  return dir;
}

describe('npm run cli -- la report', () => {
  it('prints the figures an LA officer sees, acknowledgement times from the ledger, and with --csv the CSV', async () => {
    const dir = await dataFolder();
    const text = cli(dir, 'la', 'report', '--from', '2026-09-01', '--to', '2026-11-30');
    expect(text.status).toBe(0);
    expect(text.stdout).toContain('== LA figures, Tue 1 Sep 2026 to Mon 30 Nov 2026 ==');
    expect(text.stdout).toContain('Median 2 calendar days; 90% within 4 calendar days');
    expect(text.stdout).toMatch(/Oct 2026 +withheld\n/);
    expect(text.stdout).not.toContain('Download CSV');
    const csv = cli(dir, 'la', 'report', '--from', '2026-09-01', '--to', '2026-11-30', '--csv');
    expect(csv.status).toBe(0);
    expect(csv.stdout.split('\r\n')[0]).toBe('figure,row,column,value');
    expect(csv.stdout).toContain('Referrals to the LA by month,Sep 2026,Referrals,6');
  });

  it('names each school as the staff file does, as the bot and the evidence pack do (issue 13 §1.7: "Oak Primary" here, "Oak Primary School" in the bot)', async () => {
    const dir = await dataFolder();
    const staffFile = join(dir, '..', 'staff.json');
    await writeFile(staffFile, JSON.stringify({ staff: [], schools: [{ id: 'oak-primary', name: 'Oak Primary School' }] }));
    const named = cliWith({ STAFF_FILE: staffFile }, dir, 'la', 'report', '--from', '2026-09-01', '--to', '2026-11-30', '--csv');
    expect(named.status).toBe(0);
    expect(named.stdout).toContain('Referrals to the LA by school,Oak Primary School,Referrals,withheld');
    // A school the file does not name is still called by its id's words.
    expect(named.stdout).toContain('Referrals to the LA by school,Elm High,Referrals,withheld');
  });

  it('widens dates inside a month to whole months and says so on stderr; months can be given as 2026-09 (issue 13 B.2)', async () => {
    const dir = await dataFolder();
    const inside = cli(dir, 'la', 'report', '--from', '2026-09-14', '--to', '2026-11-03', '--csv');
    expect(inside.status).toBe(0);
    expect(inside.stderr).toContain('Period: 2026-09-01 to 2026-11-30.');
    const months = cli(dir, 'la', 'report', '--from', '2026-09', '--to', '2026-11', '--csv');
    expect(months.stderr).toBe('');
    expect(inside.stdout).toBe(months.stdout);
    expect(months.stdout).toContain('Report,Period,From,2026-09-01');
  });

  it('refuses a period it cannot use, and names the command in its usage', async () => {
    const dir = await dataFolder();
    const bad = cli(dir, 'la', 'report', '--from', '2026-11-30', '--to', '2026-09-01');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('The period must start before it ends');
    expect(cli(dir, '--help').stdout).toContain('npm run cli -- la report [--from <date>] [--to <date>] [--csv]');
  });
});
