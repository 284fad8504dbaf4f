import { execFile } from 'node:child_process';
import { mkdir, rm, utimes, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { DataLock } from '../../../src/core/store/data-lock.js';
import { LowdbCaseRepository } from '../../../src/core/store/lowdb-case-repository.js';
import { makeCase } from '../../helpers/make-case.js';
import { tempDirs } from './temp-dirs.js';

const dirs = tempDirs();
afterAll(() => dirs.removeAll());

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

describe('data directory lock', () => {
  it('refuses a second open of the same directory until the first closes', async () => {
    const dir = await dirs.make();
    const first = await LowdbCaseRepository.open(dir);
    const err: unknown = await LowdbCaseRepository.open(dir).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'store-locked' });
    expect((err as Error).message).toBe(`Another copy of the bot is using data directory ${dir}. Stop it first.`);
    await first.close();
    const second = await LowdbCaseRepository.open(dir);
    await second.close();
  });

  it('refuses an open from another process', async () => {
    const dir = await dirs.make();
    const repo = await LowdbCaseRepository.open(dir);
    const script = join(dir, 'second.ts');
    const moduleUrl = pathToFileURL(join(root, 'src/core/store/lowdb-case-repository.ts')).href;
    await writeFile(
      script,
      `import { LowdbCaseRepository } from ${JSON.stringify(moduleUrl)};\n` +
        `LowdbCaseRepository.open(${JSON.stringify(dir)}).then(() => process.stdout.write('opened'), (e) => process.stdout.write(String(e.code)));\n`,
    );
    const { stdout } = await promisify(execFile)(join(root, 'node_modules/.bin/tsx'), [script], { cwd: root });
    await repo.close();
    expect(stdout).toBe('store-locked');
  });

  it('takes over a lock left by a crashed process once it is stale', async () => {
    const dir = await dirs.make();
    await mkdir(join(dir, '.lock'));
    const old = new Date(Date.now() - 60_000);
    await utimes(join(dir, '.lock'), old, old);
    const repo = await LowdbCaseRepository.open(dir);
    await repo.save(makeCase(), undefined);
    await repo.close();
  });

  it('stops writing once the lock is lost', async () => {
    const dir = await dirs.make();
    // proper-lockfile refreshes at most once a second, so the loss shows up after about that.
    const repo = await LowdbCaseRepository.open(dir, { lock: { staleMs: 2_000, updateMs: 1_000 } });
    await rm(join(dir, '.lock'), { recursive: true });
    await new Promise((r) => setTimeout(r, 1_500));
    await expect(repo.save(makeCase(), undefined)).rejects.toMatchObject({
      code: 'store-locked',
      message: expect.stringContaining('lost its lock'),
    });
    await repo.close();
  });

  it('can be released twice', async () => {
    const lock = await DataLock.acquire(await dirs.make());
    await lock.release();
    await lock.release();
    expect(() => lock.assertHeld()).toThrow(/closed/);
  });
});
