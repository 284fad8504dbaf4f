import { mkdtemp, readdir, readFile, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { saveFile } from '../../src/chat/save-file.js';

const csvOffer = (csv: string) => ({ fileName: 'la-report-2026-09-01-to-2026-11-30.csv', title: 'LA figures', csv, command: 'la report csv 1/9/2026 30/11/2026' });

describe('the terminal saves a file without ever replacing one (issue 13 B.5)', () => {
  it('a second and third file of the same name are saved beside the first as -2 and -3, each path printed, the first kept as it was', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'gr-save-'));
    const first = await saveFile(dir, csvOffer('figure,row\r\nfirst,1\r\n'));
    const second = await saveFile(dir, csvOffer('figure,row\r\nsecond,2\r\n'));
    const third = await saveFile(dir, csvOffer('figure,row\r\nthird,3\r\n'));
    const folder = join(dir, 'exports');
    expect(first).toBe(`Saved as a CSV (1 KB): ${join(folder, 'la-report-2026-09-01-to-2026-11-30.csv')}`);
    expect(second).toBe(`Saved as a CSV (1 KB): ${join(folder, 'la-report-2026-09-01-to-2026-11-30-2.csv')}`);
    expect(third).toMatch(/la-report-2026-09-01-to-2026-11-30-3\.csv$/);
    expect((await readdir(folder)).sort()).toEqual(['la-report-2026-09-01-to-2026-11-30-2.csv', 'la-report-2026-09-01-to-2026-11-30-3.csv', 'la-report-2026-09-01-to-2026-11-30.csv']);
    expect(await readFile(join(folder, 'la-report-2026-09-01-to-2026-11-30.csv'), 'utf8')).toContain('first,1');
    expect(await readFile(join(folder, 'la-report-2026-09-01-to-2026-11-30-2.csv'), 'utf8')).toContain('second,2');
    // Owner-only, like the data folder.
    expect((await stat(join(folder, 'la-report-2026-09-01-to-2026-11-30-2.csv'))).mode & 0o077).toBe(0);
  });

  it('two saved at once get different names', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'gr-save-'));
    const lines = await Promise.all([saveFile(dir, csvOffer('a\r\n')), saveFile(dir, csvOffer('b\r\n'))]);
    expect(new Set(lines).size).toBe(2);
    expect((await readdir(join(dir, 'exports'))).length).toBe(2);
  });
});
