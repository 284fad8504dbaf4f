import { lstat, mkdir, readFile, rename, rm, utimes, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DataFolder } from '../../../src/core/store/data-folder.js';
import { DataLock } from '../../../src/core/store/data-lock.js';
import { LowdbCaseRepository } from '../../../src/core/store/lowdb-case-repository.js';
import { currentIdentity } from '../../../src/core/store/process-identity.js';
import { makeCase } from '../../helpers/make-case.js';
import { spawnHolder, type Holder } from './spawn-holder.js';
import { tempDirs } from './temp-dirs.js';

const dirs = tempDirs();
const holders: Holder[] = [];
afterAll(async () => {
  await Promise.all(holders.map((h) => h.kill()));
  await dirs.removeAll();
});

const holder = (dir: string, staleMs?: number) => {
  const h = spawnHolder(dir, staleMs);
  holders.push(h);
  return h;
};

/** A lock record as another bot process would have written it. */
const foreignLock = (over: Record<string, unknown>) =>
  `${JSON.stringify({ ...currentIdentity(), token: 'someone-else', since: '2026-01-01T00:00:00.000Z', ...over })}\n`;

describe('data folder lock', () => {
  it('refuses a second open of the same folder, naming the holder, until the first closes', async () => {
    const dir = await dirs.make();
    const first = await LowdbCaseRepository.open(dir);
    const err: unknown = await LowdbCaseRepository.open(dir).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'store-locked' });
    expect((err as Error).message).toBe(`Another copy of the bot (process ${process.pid}) is using data folder ${dir}. Stop it first.`);
    await first.close();
    const second = await LowdbCaseRepository.open(dir);
    await second.close();
  });

  it('still refuses while another live process holds it', async () => {
    const dir = await dirs.make();
    const other = holder(dir);
    expect(await other.next()).toBe('ready');
    const err: unknown = await LowdbCaseRepository.open(dir).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'store-locked', message: `Another copy of the bot (process ${other.child.pid}) is using data folder ${dir}. Stop it first.` });
  });

  it('opens at once after the holder was killed with kill -9, with what it saved', async () => {
    const dir = await dirs.make();
    const crashed = holder(dir);
    expect(await crashed.next()).toBe('ready');
    crashed.send('write-all');
    expect(await crashed.next()).toMatchObject({ case: 'saved' });
    await crashed.kill();
    const repo = await LowdbCaseRepository.open(dir);
    expect((await repo.findByPupilRef('oak-primary', 'OLD01'))?.pupilRef).toBe('OLD01');
    await repo.save(makeCase({ id: 'case-after-crash', pupilRef: 'NEW01' }), undefined);
    await repo.close();
  });

  it('takes over at once a fresh lock whose pid now belongs to another program, or from before a reboot', async () => {
    for (const over of [{ startTime: '1' }, { bootId: 'another-boot' }]) {
      const dir = await dirs.make();
      // process.pid is certainly alive: only the start time or the boot id says the holder is gone.
      await writeFile(join(dir, '.lock'), foreignLock(over));
      const repo = await LowdbCaseRepository.open(dir);
      await repo.save(makeCase(), undefined);
      await repo.close();
    }
  });

  it('refuses a fresh lock from another machine, whose pid cannot be checked from here', async () => {
    const dir = await dirs.make();
    await writeFile(join(dir, '.lock'), foreignLock({ host: `${hostname()}-other`, pid: 1234 }));
    await expect(LowdbCaseRepository.open(dir)).rejects.toMatchObject({ message: `Another copy of the bot (process 1234 on ${hostname()}-other) is using data folder ${dir}. Stop it first.` });
  });

  it('takes over a lock folder left by an older version once it is stale, and refuses a fresh one', async () => {
    const dir = await dirs.make();
    await mkdir(join(dir, '.lock'));
    await expect(LowdbCaseRepository.open(dir)).rejects.toMatchObject({ code: 'store-locked' });
    const old = new Date(Date.now() - 60_000);
    await utimes(join(dir, '.lock'), old, old);
    const repo = await LowdbCaseRepository.open(dir);
    await repo.save(makeCase(), undefined);
    expect((await lstat(join(dir, '.lock'))).isFile()).toBe(true);
    await repo.close();
  });

  it('stops writing as soon as the lock file is gone or names another process', async () => {
    for (const steal of [
      (lock: string) => rm(lock),
      async (lock: string) => {
        await writeFile(`${lock}.new`, foreignLock({ pid: 1 }));
        await rename(`${lock}.new`, lock);
      },
    ]) {
      const dir = await dirs.make();
      const repo = await LowdbCaseRepository.open(dir);
      const kept = await repo.save(makeCase(), undefined);
      const before = await readFile(join(dir, 'schools', 'oak-primary.json'), 'utf-8');
      await steal(join(dir, '.lock'));
      await expect(repo.save({ ...kept, initials: 'ZZ' }, kept.revision)).rejects.toMatchObject({ code: 'store-locked', message: expect.stringContaining('was not saved') });
      expect(await readFile(join(dir, 'schools', 'oak-primary.json'), 'utf-8')).toBe(before);
      await repo.close();
    }
  });

  it('stops writing when the lock file is rewritten in place with another holder, the same file but not ours', async () => {
    const dir = await dirs.make();
    const repo = await LowdbCaseRepository.open(dir);
    const kept = await repo.save(makeCase(), undefined);
    await writeFile(join(dir, '.lock'), foreignLock({ pid: 1 }));
    await expect(repo.save({ ...kept, initials: 'ZZ' }, kept.revision)).rejects.toMatchObject({ code: 'store-locked' });
    await repo.close();
  });

  it('keeps writing when only the lock file\'s times change: its own heartbeat, or someone touching it', async () => {
    const dir = await dirs.make();
    const folder = await DataFolder.open(dir, { staleMs: 3_000, updateMs: 20 });
    const repo = await LowdbCaseRepository.open(folder);
    let kept = await repo.save(makeCase(), undefined);
    for (let i = 0; i < 5; i++) {
      await new Promise((r) => setTimeout(r, 30));
      if (i === 2) await utimes(join(dir, '.lock'), new Date(), new Date());
      kept = await repo.save({ ...kept, currentStep: 1 + (i % 6) }, kept.revision);
    }
    expect(kept.revision).toBe(5);
    await repo.close();
    await folder.close();
  });

  it('leaves no lock behind when released, and can be released twice', async () => {
    const dir = await dirs.make();
    const lock = await DataLock.acquire(dir);
    await lock.release();
    await lock.release();
    expect(() => lock.assertHeld()).toThrow(/closed/);
    await expect(lstat(join(dir, '.lock'))).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
