import { readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DRAFT_DAYS, DraftStore } from '../../../src/core/store/draft-store.js';
import { createLogger } from '../../../src/logger.js';
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

  // Issue 11, tester item 6: this used to refuse to start. Drafts are a convenience, so the broken file
  // is now set aside as it was and the bot starts with none (the behaviour this test pinned is changed on purpose).
  it.each([
    ['fails the schema', JSON.stringify({ schemaVersion: 1, drafts: { 'local-sendco': { dialogId: 'pcp', answers: { note: 'Kind and funny' }, history: [], savedAt: 'yesterday' } } })],
    ['is not valid JSON', '{"schemaVersion":1,"drafts":{"local-sendco":{"dialogId":"pcp","answers":{"note":"Kind and funny"},"history":[],"savedAt":"2026-11-30T17:20:00.000Z"},}}'],
  ])('sets a hand-edited file that %s aside byte for byte, says so naming both files and nothing in them, and starts with no drafts', async (_, bad) => {
    const d = await dirs.make();
    await writeFile(join(d, 'drafts.json'), bad, { mode: 0o600 });
    const lines: string[] = [];
    const now = new Date('2026-11-30T17:20:00Z');
    const store = await DraftStore.open(await folderAt(d), () => now, createLogger('warn', 'test', (l) => lines.push(l)));
    const aside = join(d, 'drafts.json.broken-20261130T172000.000Z');
    expect(await readFile(aside, 'utf-8')).toBe(bad);
    expect((await stat(aside)).mode & 0o777).toBe(0o600);
    expect(store.get('local-sendco')).toBeUndefined();
    expect(store.unreadableDraft('local-sendco')).toBe(true);
    expect(store.unreadableDraft('teacher-1')).toBe(false);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(`${join(d, 'drafts.json')} could not be read`);
    expect(lines[0]).toContain(aside);
    expect(lines[0]).not.toContain('Kind and funny');
    // The next draft is kept in a new file as usual.
    await store.keep('local-sendco', form);
    expect(JSON.parse(await readFile(join(d, 'drafts.json'), 'utf-8'))).toMatchObject({ schemaVersion: 1, drafts: { 'local-sendco': { dialogId: 'pcp' } } });
  });
});
