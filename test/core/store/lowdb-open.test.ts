import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LowdbCaseRepository } from '../../../src/core/store/lowdb-case-repository.js';
import { CURRENT_SCHEMA_VERSION } from '../../../src/core/store/migrations.js';
import { makeCase } from '../../helpers/make-case.js';
import { tempDirs } from './temp-dirs.js';

const dirs = tempDirs();
afterAll(() => dirs.removeAll());

/** A data directory holding `files` (name → text) under schools/. */
async function dataDirWith(files: Record<string, string>): Promise<string> {
  const dir = await dirs.make();
  await mkdir(join(dir, 'schools'));
  for (const [name, text] of Object.entries(files)) await writeFile(join(dir, 'schools', name), text);
  return dir;
}

function schoolFile(cases: unknown[], extra: Record<string, unknown> = {}): string {
  return JSON.stringify({ schemaVersion: 1, schoolId: 'oak-primary', cases, ...extra }, null, 2);
}

async function openError(dir: string, opts: { now?: () => Date } = {}): Promise<Error & { code?: string }> {
  const err: unknown = await LowdbCaseRepository.open(dir, opts).then(
    async (repo) => {
      await repo.close();
      throw new Error('expected open to fail');
    },
    (e: unknown) => e,
  );
  return err as Error & { code?: string };
}

describe('LowdbCaseRepository.open validation', () => {
  it('refuses a hand-edited bad field, naming file and field, and leaves the file alone', async () => {
    const text = schoolFile([makeCase(), makeCase(), makeCase(), makeCase({ initials: 'Xavier' })]);
    const dir = await dataDirWith({ 'oak-primary.json': text });
    const err = await openError(dir);
    expect(err.code).toBe('store-invalid');
    expect(err.message).toContain(`${join(dir, 'schools', 'oak-primary.json')}: cases.3.initials: one to three capital letters`);
    expect(err.message).not.toContain('Xavier');
    expect(await readFile(join(dir, 'schools', 'oak-primary.json'), 'utf-8')).toBe(text);
    // The lock was released, so a retry reports the same problem rather than store-locked.
    expect((await openError(dir)).code).toBe('store-invalid');
  });

  it('refuses invalid JSON without quoting it, and leaves the file alone', async () => {
    const text = '{"schemaVersion":1,"schoolId":"oak-primary","cases":[{"initials":"Secretname",}]}';
    const dir = await dataDirWith({ 'oak-primary.json': text });
    const err = await openError(dir);
    expect(err.code).toBe('store-invalid');
    expect(err.message).toContain(`${join(dir, 'schools', 'oak-primary.json')}: not valid JSON`);
    expect(err.message).not.toContain('Secretname');
    expect(await readFile(join(dir, 'schools', 'oak-primary.json'), 'utf-8')).toBe(text);
  });

  it('names every bad file and opens none', async () => {
    const dir = await dataDirWith({
      'oak-primary.json': schoolFile([makeCase({ yearGroup: 14 })]),
      'elm-academy.json': '[',
      'fine-school.json': schoolFile([makeCase({ schoolId: 'fine-school' })], { schoolId: 'fine-school' }),
    });
    const err = await openError(dir);
    expect(err.message).toContain('2 case files are not valid');
    expect(err.message).toContain('oak-primary.json: cases.0.yearGroup:');
    expect(err.message).toContain('elm-academy.json: not valid JSON');
    expect(err.message).not.toContain('fine-school');
  });

  it.each([
    ['a file named for another school', 'oak-primary.json', schoolFile([], { schoolId: 'elm-academy' }), 'schoolId:'],
    ['a case from another school', 'oak-primary.json', schoolFile([makeCase({ schoolId: 'elm-academy' })]), 'cases.0.schoolId:'],
    ['two cases with one id', 'oak-primary.json', schoolFile([makeCase({ id: 'x' }), makeCase({ id: 'x' })]), 'cases.1.id:'],
    ['two cases with one pupil ref', 'oak-primary.json', schoolFile([makeCase({ pupilRef: 'r1' }), makeCase({ pupilRef: 'R1' })]), 'cases.1.pupilRef:'],
    ['a file name that is not a school id', 'Oak Primary.json', schoolFile([]), '(file name)'],
    ['a file that is not an object', 'oak-primary.json', '[]', '(top level)'],
    ['a missing cases list', 'oak-primary.json', JSON.stringify({ schemaVersion: 1, schoolId: 'oak-primary' }), 'cases:'],
  ])('refuses %s', async (_label, name, text, expected) => {
    const dir = await dataDirWith({ [name]: text });
    const err = await openError(dir);
    expect(err.code).toBe('store-invalid');
    expect(err.message).toContain(`${name}: ${expected}`);
  });

  it('refuses a file written by a newer version in one sentence naming it and both versions, and leaves it alone', async () => {
    const newer = CURRENT_SCHEMA_VERSION + 1;
    const text = schoolFile([makeCase()], { schemaVersion: newer });
    const dir = await dataDirWith({ 'oak-primary.json': text, 'elm-academy.json': schoolFile([], { schoolId: 'elm-academy', schemaVersion: 1 }) });
    const err = await openError(dir);
    const file = join(dir, 'schools', 'oak-primary.json');
    expect(err.code).toBe('store-invalid');
    expect(err.message.split('\n')).toEqual([
      `${file} was written by a newer version of the bot (file version ${newer}; this version reads up to ${CURRENT_SCHEMA_VERSION}), so the bot will not start; the file is as it was. Run the newer version, or put back the copy it kept beside the file (oak-primary.json.v${CURRENT_SCHEMA_VERSION}-<date and time>.bak).`,
    ]);
    expect(await readFile(file, 'utf-8')).toBe(text);
    // The older file beside it was not migrated either: nothing is written until every file reads.
    expect((await readdir(join(dir, 'schools'))).sort()).toEqual(['elm-academy.json', 'oak-primary.json']);
  });

  it('ignores backups and temporary files left by an interrupted write', async () => {
    const dir = await dataDirWith({
      'oak-primary.json': schoolFile([]),
      '.oak-primary.json.tmp': '{"half',
      'oak-primary.json.v0-20261130T090000.000Z.bak': 'old',
    });
    const repo = await LowdbCaseRepository.open(dir);
    expect(await repo.listSchools()).toEqual([]);
    await repo.close();
  });
});

describe('LowdbCaseRepository.open migration', () => {
  function legacyCase(): Record<string, unknown> {
    const { revision: _revision, ...rest } = makeCase();
    return rest;
  }

  it('migrates a version 0 file, keeping the original as .v0-<time>.bak', async () => {
    const legacy = JSON.stringify({ schoolId: 'oak-primary', cases: [legacyCase(), legacyCase()] });
    const dir = await dataDirWith({ 'oak-primary.json': legacy });
    const file = join(dir, 'schools', 'oak-primary.json');

    const repo = await LowdbCaseRepository.open(dir, { now: () => new Date('2026-11-30T09:00:00Z') });
    const cases = await repo.listBySchool('oak-primary');
    expect(cases.map((c) => c.revision)).toEqual([0, 0]);
    await repo.save({ ...cases[0]!, currentStep: 2 }, 0);
    await repo.close();

    expect(await readFile(`${file}.v0-20261130T090000.000Z.bak`, 'utf-8')).toBe(legacy);
    expect(JSON.parse(await readFile(file, 'utf-8'))).toMatchObject({ schemaVersion: CURRENT_SCHEMA_VERSION, schoolId: 'oak-primary' });

    // A second open finds nothing to migrate and makes no second backup.
    const again = await LowdbCaseRepository.open(dir);
    expect((await again.get('oak-primary', cases[0]!.id))?.revision).toBe(1);
    await again.close();
    expect((await readdir(join(dir, 'schools'))).sort()).toEqual(['oak-primary.json', 'oak-primary.json.v0-20261130T090000.000Z.bak']);
  });

  it('never overwrites an earlier backup', async () => {
    const legacy = JSON.stringify({ schoolId: 'oak-primary', cases: [legacyCase()] });
    const dir = await dataDirWith({ 'oak-primary.json': legacy, 'oak-primary.json.v0-20261130T090000.000Z.bak': 'earlier' });
    const err = await openError(dir, { now: () => new Date('2026-11-30T09:00:00Z') });
    expect(err.message).toContain('EEXIST');
    const schools = join(dir, 'schools');
    expect(await readFile(join(schools, 'oak-primary.json.v0-20261130T090000.000Z.bak'), 'utf-8')).toBe('earlier');
    expect(await readFile(join(schools, 'oak-primary.json'), 'utf-8')).toBe(legacy);
    const repo = await LowdbCaseRepository.open(dir, { now: () => new Date('2026-11-30T09:00:01Z') });
    await repo.close();
    expect(await readFile(join(schools, 'oak-primary.json.v0-20261130T090001.000Z.bak'), 'utf-8')).toBe(legacy);
  });

  it('does not migrate or back up anything when any file is bad', async () => {
    const legacy = JSON.stringify({ schoolId: 'oak-primary', cases: [legacyCase()] });
    const dir = await dataDirWith({ 'oak-primary.json': legacy, 'elm-academy.json': '{' });
    expect((await openError(dir)).code).toBe('store-invalid');
    expect((await readdir(join(dir, 'schools'))).sort()).toEqual(['elm-academy.json', 'oak-primary.json']);
    expect(await readFile(join(dir, 'schools', 'oak-primary.json'), 'utf-8')).toBe(legacy);
  });

  it('reports a bad field in a legacy file by its path', async () => {
    const bad = { ...legacyCase(), initials: 'lower' };
    const dir = await dataDirWith({ 'oak-primary.json': JSON.stringify({ schoolId: 'oak-primary', cases: [bad] }) });
    expect((await openError(dir)).message).toContain('oak-primary.json: cases.0.initials:');
  });
});
