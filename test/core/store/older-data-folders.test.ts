import { cp, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { dialogContext, startCore, type Core } from '../../../src/app/bootstrap.js';
import { loadConfig } from '../../../src/config.js';
import { PupilCase } from '../../../src/core/cases/pupil-case.js';
import { pupilFacts, startingFacts } from '../../../src/core/facts/pupil-facts.js';
import { DataFolder } from '../../../src/core/store/data-folder.js';
import { MemoryAuditLog } from '../../../src/core/store/audit-log.js';
import { StaffDirectory } from '../../../src/core/staff-directory.js';
import { chatter } from '../../helpers/dialog-context.js';
import { tempDirs } from './temp-dirs.js';

/**
 * Data folders as earlier versions of the bot left them, copied from real runs (fictional pupils):
 * `before-facts` by the version before the chronology of facts (`npm run chat`: new pupil, PCP,
 * review, PSP, suspension, referral; staff.json from two grants), `with-facts` by the version just
 * before this one (the same, then `update 4021` for an EHC request and a PSP review that amended the
 * targets). Both school files are version 1; the staff file has no version.
 */

const FIXTURES = fileURLToPath(new URL('./fixtures/', import.meta.url));
const dirs = tempDirs();
afterAll(() => dirs.removeAll());

const NOW = new Date('2026-12-01T10:00:00Z');
const SENDCO = { id: 'local-sendco', role: 'sendco' as const, schoolId: 'demo-school' };
const SCHOOL = join('schools', 'demo-school.json');

async function copyOf(fixture: string): Promise<string> {
  const dir = await dirs.make();
  await cp(join(FIXTURES, fixture), dir, { recursive: true });
  return dir;
}

const open = (dir: string): Promise<Core> => startCore(loadConfig({ DATA_DIR: dir, LOG_LEVEL: 'silent' }), { now: () => NOW });

/** The cases as the previous version held them in memory: its file parsed, no migration. */
async function casesAsWritten(dir: string): Promise<PupilCase[]> {
  const file = JSON.parse(await readFile(join(dir, SCHOOL), 'utf-8')) as { cases: unknown[] };
  return file.cases.map((c) => PupilCase.parse(c));
}

/** What a SENDCo at the school reads back, as typed in the chat. */
async function readBack(core: Core): Promise<string> {
  const bot = chatter(dialogContext(core, SENDCO));
  const replies: string[] = [];
  for (const line of ['pupil 4021', 'pupil 5310', 'my pupils']) replies.push(await bot.say(line));
  return replies.join('\n');
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const backups = async (dir: string, sub = '') => (await readdir(join(dir, sub))).filter((n) => n.endsWith('.bak')).sort();

describe('a data folder written by the version before the chronology of facts', () => {
  it('starts, keeping each file it migrates byte for byte beside it, and reads the same pupils', async () => {
    const dir = await copyOf('before-facts');
    const schoolBytes = await readFile(join(dir, SCHOOL));
    const staffBytes = await readFile(join(dir, 'staff.json'));
    const before = await casesAsWritten(dir);

    const core = await open(dir);
    try {
      expect(await backups(dir, 'schools')).toEqual(['demo-school.json.v1-20261201T100000.000Z.bak']);
      expect(await readFile(join(dir, 'schools', 'demo-school.json.v1-20261201T100000.000Z.bak'))).toEqual(schoolBytes);
      const [staffBackup] = await backups(dir);
      expect(staffBackup).toMatch(/^staff\.json\.v0-\d{8}T\d{6}\.\d{3}Z\.bak$/);
      expect(await readFile(join(dir, staffBackup!))).toEqual(staffBytes);

      // The same cases, and the same facts: with no entries yet, the stored flags are the facts.
      const after = await core.repo.listBySchool('demo-school');
      expect(after).toEqual(before);
      for (const c of after) expect(pupilFacts(c)).toEqual(startingFacts(c));
      expect(pupilFacts(after[0]!)).toMatchObject({ flags: { lookedAfter: true, socialWorker: true, senSupport: true }, riskOfPermanentExclusion: true });

      const seen = await readBack(core);
      expect(seen).toContain('Needs and care: SEN support, Looked after, Social worker');
      expect(seen).toContain('At risk of permanent exclusion: Yes');
      expect(seen).toContain('Where on the pathway: Step 3');
      expect(seen).toContain('PSP 1: Pastoral Support Programme');
      expect(seen).toContain('Where on the pathway: Step 5');
      expect(seen).toContain('Referral 1: Mon 30 Nov 2026 (to the LA)');
      expect(seen).toMatch(/AB \(ref 4021, Year 8\)[\s\S]*CD \(ref 5310, Year 10\)/);

      // The roles granted in chat still hold.
      expect(core.staff.find('teams:sendco-1')).toEqual({ id: 'teams:sendco-1', role: 'sendco', schoolId: 'demo-school' });
      expect(core.staff.find('slack:T012:U034')).toEqual({ id: 'slack:T012:U034', role: 'teacher', schoolId: 'demo-school' });
    } finally {
      await core.close();
    }

    expect(JSON.parse(await readFile(join(dir, SCHOOL), 'utf-8'))).toMatchObject({ schemaVersion: 2, schoolId: 'demo-school' });
    expect(JSON.parse(await readFile(join(dir, 'staff.json'), 'utf-8'))).toMatchObject({ schemaVersion: 1, staff: [{ id: 'teams:sendco-1' }, { id: 'slack:T012:U034' }] });

    // Started again, there is nothing to migrate and no second backup.
    const again = await open(dir);
    const seenAgain = await readBack(again);
    await again.close();
    expect(seenAgain).toContain('Needs and care: SEN support, Looked after, Social worker');
    expect(await backups(dir, 'schools')).toHaveLength(1);
    expect(await backups(dir)).toHaveLength(1);
  });

  it('keeps its chronology of facts and amended targets through the migration', async () => {
    const dir = await copyOf('with-facts');
    const before = await casesAsWritten(dir);
    const core = await open(dir);
    try {
      const after = await core.repo.listBySchool('demo-school');
      expect(after).toEqual(before);
      expect(pupilFacts(after[0]!).ehcRequestedOn).toBe('2026-10-19');
      expect(after[0]!.psps[0]!.reviews[0]!.targets).toEqual(['Stay in lessons', 'Use the calm card', 'Arrive on time']);
      expect(await readBack(core)).toContain('EHC needs assessment: Requested Mon 19 Oct 2026');
    } finally {
      await core.close();
    }
  });
});

describe('a data file the bot cannot use', () => {
  it('from a newer version: start-up is refused in one sentence naming the file and both versions, and the file is left as it was', async () => {
    const dir = await copyOf('with-facts');
    const staff = JSON.stringify({ schemaVersion: 2, staff: [], delegations: [] });
    await writeFile(join(dir, 'staff.json'), staff);
    const err = await open(dir).then(
      () => undefined,
      (e: Error) => e,
    );
    expect(err?.message).toBe(
      `${join(dir, 'staff.json')} was written by a newer version of the bot (file version 2; this version reads up to 1), so the bot will not start; the file is as it was. Run the newer version, or put back the copy it kept beside the file (staff.json.v1-<date and time>.bak).`,
    );
    expect(await readFile(join(dir, 'staff.json'), 'utf-8')).toBe(staff);
    expect(await backups(dir)).toEqual([]);
  });

  it('edited by hand into invalid JSON: start-up is refused naming it, as before, and the file is left as it was', async () => {
    const dir = await copyOf('before-facts');
    const broken = (await readFile(join(dir, 'staff.json'), 'utf-8')).replace('"staff": [', '"staff": [,');
    await writeFile(join(dir, 'staff.json'), broken);
    // Issue 11, tester item 7: the message now says what can be done, and that no copy is kept (the place, where
    // Node's parser gives it: Node 20 gives none for a stray comma).
    const err = await open(dir).then(() => undefined, (e: Error & { code?: string }) => e);
    expect(err?.code).toBe('store-invalid');
    const place = String.raw`(?: at line \d+, column \d+)?, so the bot will not start\. Nothing was changed\. To start, (?:correct the mistake at line \d+, column \d+|find the mistake with a JSON checker and correct it)`;
    expect(err?.message).toMatch(new RegExp(`^${escape(join(dir, 'staff.json'))} is not valid JSON${place} in a text editor \\(the file is as it was\\)\\. The bot keeps no other copy of this file to go back to\\.$`));
    expect(await readFile(join(dir, 'staff.json'), 'utf-8')).toBe(broken);
    expect(await backups(dir)).toEqual([]);
  });

  it('a school file broken after a migration: the refusal names the copy the migration kept, and what putting it back loses; never "restore from backup"', async () => {
    const dir = await copyOf('before-facts');
    await (await open(dir)).close();
    const [kept] = await backups(dir, 'schools');
    const file = join(dir, 'schools', 'demo-school.json');
    // Two commas in a row: Node's parser names the place of this mistake.
    await writeFile(file, (await readFile(file, 'utf-8')).replace('"schoolId":"demo-school",', '"schoolId":"demo-school",,'));
    const err = await open(dir).then(() => undefined, (e: Error) => e);
    expect(err?.message).toMatch(new RegExp(`${escape(file)}: not valid JSON at line \\d+, column \\d+ \\(was it edited by hand\\?\\)\\. To start, correct the mistake at line \\d+, column \\d+ in a text editor`));
    expect(err?.message).toContain(`(the file is as it was), or put back ${join(dir, 'schools', kept!)}, the copy kept when the bot last upgraded this file; that copy lacks anything recorded since.`);
    expect(err?.message).not.toMatch(/restore/i);
  });

  it('opened read-only beside a running bot (the command line), an older file is read as migrated and not written', async () => {
    const dir = await copyOf('before-facts');
    const staffBytes = await readFile(join(dir, 'staff.json'));
    const staff = await StaffDirectory.open(DataFolder.readOnly(dir), [], new MemoryAuditLog());
    expect(staff.find('teams:sendco-1')?.role).toBe('sendco');
    await staff.close();
    expect(await readFile(join(dir, 'staff.json'))).toEqual(staffBytes);
    expect(await backups(dir)).toEqual([]);
  });
});
