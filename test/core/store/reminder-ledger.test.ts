import { appendFile, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DataFolder } from '../../../src/core/store/data-folder.js';
import { reminderId, ReminderLedger } from '../../../src/core/store/reminder-ledger.js';
import { folderAt, tempDirs } from './temp-dirs.js';
import { describeReminderLedgerContract } from './reminder-ledger-contract.js';

const now = new Date('2026-11-23T08:00:00Z');
const dirs = tempDirs();
afterAll(() => dirs.removeAll());
const dir = () => dirs.make();

describe('the reminder ledger', () => {
  it('survives a restart: what was recorded, sent, snoozed and done is read back', async () => {
    const d = await dir();
    const a = await ReminderLedger.open(await folderAt(d), { now });
    await a.recorded('k1', now);
    await a.sent('k1', now);
    await a.recorded('k2', now);
    const id = await a.remember('item|2026-11-23|teams:x');
    await a.snooze('item|2026-11-23|teams:x', new Date('2026-11-24T08:00:00Z'));
    await a.close();
    const b = await ReminderLedger.open(await folderAt(d), { now });
    expect(b.sends.k1).toMatchObject({ state: 'sent', attempts: 1 });
    expect(b.sends.k2).toMatchObject({ state: 'recorded' });
    expect(b.people['item|2026-11-23|teams:x']).toEqual({ snoozedUntil: '2026-11-24T08:00:00.000Z' });
    expect(await b.personKeyFor(id, 'teams:x')).toBe('item|2026-11-23|teams:x');
    expect(await b.personKeyFor(id, 'teams:someone-else')).toBeUndefined();
    expect(id).toBe(reminderId('item|2026-11-23|teams:x'));
  });

  it('writes a burst of 2,000 changes as appended lines, not one rewrite per change', async () => {
    const d = await dir();
    const l = await ReminderLedger.open(await folderAt(d), { now });
    await Promise.all(Array.from({ length: 1000 }, (_, i) => l.recorded(`k${i}`, now).then(() => l.sent(`k${i}`, now))));
    const lines = (await readFile(join(d, 'reminders.jsonl'), 'utf-8')).trim().split('\n');
    expect(lines).toHaveLength(2000);
    expect(Object.values(l.sends).every((s) => s.state === 'sent')).toBe(true);
  });

  it('ignores a last line cut short by a crash, but refuses a hand-edited bad line by number', async () => {
    const d = await dir();
    const l = await ReminderLedger.open(await folderAt(d), { now });
    await l.recorded('k1', now);
    await l.close();
    await appendFile(join(d, 'reminders.jsonl'), '{"t":"send","key":"k2","v":{"sta');
    expect((await ReminderLedger.open(await folderAt(d), { now })).sends.k2).toBeUndefined();
    await writeFile(join(d, 'reminders.jsonl'), '{"t":"send","key":"k1","v":{"state":"maybe","at":"2026-11-23T08:00:00.000Z","attempts":1}}\n');
    await expect(ReminderLedger.open(await folderAt(d), { now })).rejects.toThrow(/reminders\.jsonl line 1: v\.state/);
  });

  it('compacts at start-up once the file is mostly history, keeping the same state', async () => {
    const d = await dir();
    const l = await ReminderLedger.open(await folderAt(d), { now });
    for (let i = 0; i < 1500; i++) await l.recorded('same', now);
    await l.sent('same', now);
    await l.close();
    const reopened = await ReminderLedger.open(await folderAt(d), { now });
    expect(reopened.sends.same).toMatchObject({ state: 'sent', attempts: 1500 });
    expect((await readFile(join(d, 'reminders.jsonl'), 'utf-8')).trim().split('\n')).toHaveLength(1);
  });

  it('never compacts in a folder opened read-only (the command line beside a running bot), and reads the same state', async () => {
    const d = await dir();
    const l = await ReminderLedger.open(await folderAt(d), { now });
    for (let i = 0; i < 1500; i++) await l.recorded('same', now);
    await l.sent('same', now);
    await l.close();
    const before = await readFile(join(d, 'reminders.jsonl'), 'utf-8');
    const read = await ReminderLedger.open(DataFolder.readOnly(d), { now });
    expect(read.sends.same).toMatchObject({ state: 'sent', attempts: 1500 });
    expect(await readFile(join(d, 'reminders.jsonl'), 'utf-8')).toBe(before);
  });
});

describeReminderLedgerContract('ReminderLedger (reminders.jsonl)', async () => ReminderLedger.open(await folderAt(await dir()), { now }));
