import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataFolder } from '../../../src/core/store/data-folder.js';

const folders = new Map<string, Promise<DataFolder>>();

/** The data folder at `dir`, opened (and locked) once per test file however many stores share it. */
export function folderAt(dir: string): Promise<DataFolder> {
  let folder = folders.get(dir);
  if (!folder) folders.set(dir, (folder = DataFolder.open(dir)));
  return folder;
}

/** Temporary data directories for one test file; call `removeAll` in afterAll. */
export function tempDirs(): { make(): Promise<string>; removeAll(): Promise<void> } {
  const made: string[] = [];
  return {
    async make() {
      const dir = await mkdtemp(join(tmpdir(), 'gr-store-'));
      made.push(dir);
      return dir;
    },
    async removeAll() {
      for (const dir of made) await (await folders.get(dir))?.close();
      await Promise.all(made.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
    },
  };
}
