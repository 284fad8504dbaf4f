import { readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DRAFT_DAYS, DraftStore } from '../../../src/core/store/draft-store.js';
import { folderAt, tempDirs } from './temp-dirs.js';

const dirs = tempDirs();
afterAll(() => dirs.removeAll());

const DAY = 24 * 60 * 60_000;
const form = { dialogId: 'pcp', answers: { pupil: { schoolId: 'oak-primary', caseId: 'c1' }, 'pcp.whoIsThisPupil': 'Kind and funny', skipped: null }, history: ['pupil', 'pcp.whoIsThisPupil'] };

describe('the draft store', () => {
  it('keeps one unfinished form per person across a restart, owner-only, and removes it when asked', async () => {
    const d = await dirs.make();
    let now = new Date('2026-11-30T17:20:00Z');
    const a = await DraftStore.open(await folderAt(d), () => now);
    await a.keep('local-sendco', { dialogId: 'review', answers: { date: '2026-11-30' }, history: ['date'] });
    await a.keep('local-sendco', form);
    await a.keep('teacher-1', form);
    await a.close();

    now = new Date(now.getTime() + DAY);
    const b = await DraftStore.open(await folderAt(d), () => now);
    expect(b.get('local-sendco')).toEqual({ ...form, savedAt: '2026-11-30T17:20:00.000Z' });
    expect(b.expiresAt(b.get('local-sendco')!).toISOString()).toBe('2026-12-07T17:20:00.000Z');
    expect((await stat(join(d, 'drafts.json'))).mode & 0o777).toBe(0o600);
    await b.discard('local-sendco');
    expect(b.get('local-sendco')).toBeUndefined();
    expect(b.get('teacher-1')).toBeDefined();
    expect(await readFile(join(d, 'drafts.json'), 'utf-8')).not.toContain('local-sendco');
  });

  it(`forgets a draft ${DRAFT_DAYS} days after it was kept, and takes it out of the file at start-up`, async () => {
    const d = await dirs.make();
    let now = new Date('2026-11-30T17:20:00Z');
    const a = await DraftStore.open(await folderAt(d), () => now);
    await a.keep('local-sendco', form);
    now = new Date(now.getTime() + DRAFT_DAYS * DAY - 1);
    expect(a.get('local-sendco')).toBeDefined();
    now = new Date(now.getTime() + 1);
    expect(a.get('local-sendco')).toBeUndefined();
    await a.close();
    await DraftStore.open(await folderAt(d), () => now);
    expect(await readFile(join(d, 'drafts.json'), 'utf-8')).not.toContain('Kind and funny');
  });

  it('refuses a hand-edited file by name and leaves it untouched', async () => {
    const d = await dirs.make();
    const bad = JSON.stringify({ schemaVersion: 1, drafts: { 'local-sendco': { dialogId: 'pcp', answers: {}, history: [], savedAt: 'yesterday' } } });
    await writeFile(join(d, 'drafts.json'), bad);
    await expect(DraftStore.open(await folderAt(d))).rejects.toMatchObject({ code: 'store-invalid', message: expect.stringContaining('drafts.json') });
    expect(await readFile(join(d, 'drafts.json'), 'utf-8')).toBe(bad);
  });
});
