import { lstat, mkdir, readdir, readFile, readlink, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { StaffDirectory } from '../../../src/core/staff-directory.js';
import { MemoryAuditLog } from '../../../src/core/store/audit-log.js';
import { DataFolder } from '../../../src/core/store/data-folder.js';
import { DATA_FILES } from '../../../src/core/store/data-files.js';
import { appendDurable, writeFileDurable } from '../../../src/core/store/durable-write.js';
import { LowdbCaseRepository } from '../../../src/core/store/lowdb-case-repository.js';
import { readDataFile } from '../../../src/core/store/read-data-file.js';
import { emptySchoolFile } from '../../../src/core/store/school-file.js';
import { makeCase } from '../../helpers/make-case.js';
import { folderAt, tempDirs } from './temp-dirs.js';

const dirs = tempDirs();
afterAll(() => dirs.removeAll());

const schoolText = (pupilRef: string) => JSON.stringify({ ...emptySchoolFile('oak-primary'), cases: [makeCase({ pupilRef })] });

describe('what sits where a data file belongs', () => {
  it('names DATA_DIR in one line when the folder cannot be made or locked', async () => {
    const dir = await dirs.make();
    await writeFile(join(dir, 'a-file'), 'not a folder');
    await expect(DataFolder.open(join(dir, 'a-file', 'data'))).rejects.toThrow(/^The data folder .* \(DATA_DIR\) cannot be used \(ENOTDIR\)\. Set DATA_DIR to a folder/);
  });

  it('refuses to start on a school file replaced by a symbolic link, naming it, and leaves link and target alone', async () => {
    const dir = await dirs.make();
    const elsewhere = join(await dirs.make(), 'oak-primary.json');
    const text = schoolText('P77777');
    await writeFile(elsewhere, text);
    await mkdir(join(dir, 'schools'));
    const link = join(dir, 'schools', 'oak-primary.json');
    await symlink(elsewhere, link);
    await expect(LowdbCaseRepository.open(dir)).rejects.toMatchObject({
      code: 'store-invalid',
      message: `${link} is a symbolic link; the bot only reads regular files in its data folder. Replace it with the file itself.`,
    });
    expect(await readlink(link)).toBe(elsewhere);
    expect(await readFile(elsewhere, 'utf-8')).toBe(text);
  });

  it('refuses links and folders where the staff file, LA channel link, reminder ledger or lock belong', async () => {
    for (const [name, make] of [
      ['staff.json', (p: string) => symlink('/etc/hostname', p)],
      ['la-channel.json', (p: string) => mkdir(p)],
      ['reminders.jsonl', (p: string) => symlink('/dev/null', p)],
      ['.lock', (p: string) => symlink('/tmp', p)],
    ] as const) {
      const dir = await dirs.make();
      await make(join(dir, name));
      const err = (await LowdbCaseRepository.open(dir).catch((e: unknown) => e)) as Error & { code: string };
      expect(err.code).toBe('store-invalid');
      expect(err.message).toMatch(new RegExp(`^${join(dir, name).replace(/[.]/g, '\\.')} is a (symbolic link|folder)`));
      expect(err.message).not.toContain('\n');
    }
  });

  it('refuses a symbolic link where the idempotency file belongs, in one line', async () => {
    const dir = await dirs.make();
    const link = join(dir, 'idempotency.jsonl');
    await symlink('/dev/null', link);
    const err = (await LowdbCaseRepository.open(dir).catch((e: unknown) => e)) as Error & { code: string };
    expect(err).toMatchObject({ code: 'store-invalid', message: `${link} is a symbolic link; the bot only reads regular files in its data folder. Replace it with the file itself.` });
    expect(err.message).not.toContain('\n');
  });

  it('checks every file a store keeps at a fixed place, so a new one cannot be left out', async () => {
    for (const name of Object.values(DATA_FILES)) {
      const dir = await dirs.make();
      await mkdir(join(dir, 'teams'));
      await symlink('/dev/null', join(dir, name));
      const err = (await DataFolder.open(dir).catch((e: unknown) => e)) as Error & { code: string };
      expect(err, name).toMatchObject({ code: 'store-invalid', message: `${join(dir, name)} is a symbolic link; the bot only reads regular files in its data folder. Replace it with the file itself.` });
    }
  });

  it('words a link or folder the same whether it is found at start-up, on reading, on appending or on replacing', async () => {
    const dir = await dirs.make();
    const link = join(dir, 'link.jsonl');
    const folder = join(dir, 'folder.jsonl');
    await symlink('/dev/null', link);
    await mkdir(folder);
    for (const [path, said] of [[link, `${link} is a symbolic link; the bot only reads regular files in its data folder. Replace it with the file itself.`], [folder, `${folder} is a folder where the bot keeps a file. Move the folder out of the data folder.`]] as const) {
      for (const attempt of [() => readDataFile(path), () => appendDurable(path, 'x\n'), () => writeFileDurable(path, 'x\n')]) await expect(attempt()).rejects.toMatchObject({ code: 'store-invalid', message: said });
    }
  });

  it('reads a school file saved with a byte-order mark, pupils and all, and saves it back without one', async () => {
    const dir = await dirs.make();
    await mkdir(join(dir, 'schools'));
    const path = join(dir, 'schools', 'oak-primary.json');
    await writeFile(path, `\uFEFF${schoolText('P55555')}`);
    const repo = await LowdbCaseRepository.open(dir);
    const found = await repo.findByPupilRef('oak-primary', 'P55555');
    expect(found?.pupilRef).toBe('P55555');
    await repo.save({ ...found!, initials: 'CD' }, found!.revision);
    expect((await readFile(path, 'utf-8')).startsWith('{')).toBe(true);
    await repo.close();
  });

  it('reads a staff file saved with a byte-order mark', async () => {
    const dir = await dirs.make();
    await writeFile(join(dir, 'staff.json'), `\uFEFF${JSON.stringify({ staff: [{ id: 'teams:x', role: 'admin' }] })}`);
    const staff = await StaffDirectory.open(await folderAt(dir), [], new MemoryAuditLog());
    expect(staff.find('teams:x')?.role).toBe('admin');
  });

  it('leaves no temporary files behind and keeps school files owner-only', async () => {
    const dir = await dirs.make();
    const repo = await LowdbCaseRepository.open(dir);
    await repo.save(makeCase(), undefined);
    await repo.close();
    expect(await readdir(join(dir, 'schools'))).toEqual(['oak-primary.json']);
    expect((await lstat(join(dir, 'schools', 'oak-primary.json'))).mode & 0o777).toBe(0o600);
  });
});
