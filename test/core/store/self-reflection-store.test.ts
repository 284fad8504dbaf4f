import { readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FileSelfReflectionStore } from '../../../src/core/store/file-self-reflection-store.js';
import { MemorySelfReflectionStore } from '../../../src/core/store/self-reflection-store.js';
import { contract, oak } from './self-reflection-contract.js';
import { folderAt, tempDirs } from './temp-dirs.js';

const dirs = tempDirs();
afterAll(() => dirs.removeAll());

contract('MemorySelfReflectionStore', async () => new MemorySelfReflectionStore());
contract('FileSelfReflectionStore', async () => FileSelfReflectionStore.open(await folderAt(await dirs.make())));

describe('self-reflection.json in the data folder', () => {
  it('survives a restart, owner-only, with its schema version', async () => {
    const d = await dirs.make();
    const a = await FileSelfReflectionStore.open(await folderAt(d));
    const saved = await a.save(oak(), undefined);
    await a.close();
    const b = await FileSelfReflectionStore.open(await folderAt(d));
    expect(await b.get('oak-primary')).toEqual(saved);
    expect((await stat(join(d, 'self-reflection.json'))).mode & 0o777).toBe(0o600);
    expect(JSON.parse(await readFile(join(d, 'self-reflection.json'), 'utf-8'))).toMatchObject({ schemaVersion: 1, schools: { 'oak-primary': { revision: 0 } } });
  });

  it('refuses a hand-edited file by name and leaves it untouched', async () => {
    const d = await dirs.make();
    const bad = JSON.stringify({ schemaVersion: 1, schools: { 'oak-primary': { ...oak(), schoolId: 'elm-high' } } });
    await writeFile(join(d, 'self-reflection.json'), bad);
    await expect(FileSelfReflectionStore.open(await folderAt(d))).rejects.toMatchObject({ code: 'store-invalid', message: expect.stringContaining('self-reflection.json') });
    expect(await readFile(join(d, 'self-reflection.json'), 'utf-8')).toBe(bad);
  });
});
