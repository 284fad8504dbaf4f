import { mkdir, readdir, readFile, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { LowdbCaseRepository } from '../../../src/core/store/lowdb-case-repository.js';
import { CURRENT_SCHEMA_VERSION } from '../../../src/core/store/migrations.js';
import { makeCase } from '../../helpers/make-case.js';
import { describeCaseRepositoryContract } from './case-repository-contract.js';
import { tempDirs } from './temp-dirs.js';

const dirs = tempDirs();
afterAll(() => dirs.removeAll());

describeCaseRepositoryContract('LowdbCaseRepository', async (now) => LowdbCaseRepository.open(await dirs.make(), { now }));

describe('LowdbCaseRepository files', () => {
  const open: LowdbCaseRepository[] = [];
  async function openAt(dir: string): Promise<LowdbCaseRepository> {
    const repo = await LowdbCaseRepository.open(dir);
    open.push(repo);
    return repo;
  }
  afterEach(async () => {
    await Promise.all(open.splice(0).map((r) => r.close()));
  });

  it('keeps cases across a close and reopen', async () => {
    const dir = await dirs.make();
    const repo = await openAt(dir);
    const a = await repo.save(makeCase(), undefined);
    const b = await repo.save({ ...a, currentStep: 3 }, 0);
    const c = await repo.save(makeCase({ schoolId: 'elm-academy' }), undefined);
    await repo.close();

    const again = await openAt(dir);
    expect(await again.get(a.schoolId, a.id)).toEqual(b);
    expect(await again.listBySchool('elm-academy')).toEqual([c]);
    expect(await again.listSchools()).toEqual(['elm-academy', 'oak-primary']);
  });

  it('writes one compact, versioned file per school', async () => {
    const dir = await dirs.make();
    const repo = await openAt(dir);
    const stored = await repo.save(makeCase(), undefined);
    const text = await readFile(join(dir, 'schools', 'oak-primary.json'), 'utf-8');
    expect(text).not.toContain('\n');
    expect(JSON.parse(text)).toEqual({ schemaVersion: CURRENT_SCHEMA_VERSION, schoolId: 'oak-primary', cases: [stored] });
  });

  it('rewrites only the school that changed', async () => {
    const dir = await dirs.make();
    const repo = await openAt(dir);
    await repo.save(makeCase({ schoolId: 'elm-academy' }), undefined);
    const elm = join(dir, 'schools', 'elm-academy.json');
    const before = (await stat(elm)).mtimeMs;
    await new Promise((r) => setTimeout(r, 20));
    await repo.save(makeCase({ schoolId: 'oak-primary' }), undefined);
    expect((await stat(elm)).mtimeMs).toBe(before);
  });

  it('persists 50 concurrent saves to one school', async () => {
    const dir = await dirs.make();
    const repo = await openAt(dir);
    const cases = Array.from({ length: 50 }, () => makeCase());
    await Promise.all(cases.map((c) => repo.save(c, undefined)));
    await repo.close();

    const again = await openAt(dir);
    const ids = (await again.listBySchool('oak-primary')).map((c) => c.id).sort();
    expect(ids).toEqual(cases.map((c) => c.id).sort());
  });

  it('leaves memory unchanged when the write fails', async () => {
    const dir = await dirs.make();
    const repo = await openAt(dir);
    const first = await repo.save(makeCase(), undefined);
    // A directory where the file should be makes steno's rename fail.
    const file = join(dir, 'schools', 'oak-primary.json');
    await rm(file);
    await mkdir(file);
    await expect(repo.save({ ...first, currentStep: 2 }, 0)).rejects.toThrow();
    expect(await repo.get(first.schoolId, first.id)).toEqual(first);
  });

  it('writes nothing outside schools/ for a path-traversal school id', async () => {
    const dir = await dirs.make();
    const repo = await openAt(dir);
    await expect(repo.save(makeCase({ schoolId: '../../escape' }), undefined)).rejects.toMatchObject({
      code: 'invalid-input',
    });
    expect((await readdir(dir)).sort()).toEqual(['.lock', 'schools']);
    expect(await readdir(join(dir, 'schools'))).toEqual([]);
  });

  it('refuses use after close', async () => {
    const repo = await LowdbCaseRepository.open(await dirs.make());
    await repo.close();
    await expect(repo.save(makeCase(), undefined)).rejects.toMatchObject({ code: 'store-locked' });
    await expect(repo.listSchools()).rejects.toMatchObject({ code: 'store-locked' });
    await repo.close();
  });
});
