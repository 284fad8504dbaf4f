import { describe, expect, it } from 'vitest';
import type { ReminderLedgerStore } from '../../../src/core/store/reminder-ledger-store.js';
import { reminderId, type LaNotice } from '../../../src/core/store/reminder-ledger.js';

const now = new Date('2026-11-23T08:00:00.000Z');
const later = new Date('2026-11-23T08:10:00.000Z');
const key = (n: number) => `psp-review:oak-primary:case-1:plan-${n}|2026-11-23|teams:x|first`;

/** The behaviour every reminder ledger shares (the data folder's file, PostgreSQL); `make` gives an empty one. */
export function describeReminderLedgerContract(name: string, make: () => Promise<ReminderLedgerStore>): void {
  describe(`${name} (reminder ledger contract)`, () => {
    it('claims a send once it is due, marks it sent, and will not let it be claimed again', async () => {
      const l = await make();
      expect(await l.claim(key(1), now)).toEqual({ attemptsBefore: 0 });
      expect((await l.snapshot()).sends[key(1)]).toMatchObject({ state: 'recorded', attempts: 1 });
      await l.sent(key(1), later);
      expect((await l.snapshot()).sends[key(1)]).toEqual({ state: 'sent', at: later.toISOString(), attempts: 1 });
      expect(await l.claim(key(1), later)).toBeUndefined();
    });

    it('lets a failed send be claimed again, counting the tries', async () => {
      const l = await make();
      await l.claim(key(2), now);
      await l.failed(key(2), now, later);
      expect((await l.snapshot()).sends[key(2)]).toEqual({ state: 'failed', at: now.toISOString(), attempts: 1, nextTryAt: later.toISOString() });
      expect(await l.claim(key(2), later)).toEqual({ attemptsBefore: 1 });
      await l.sent(key(2), later);
      expect((await l.snapshot()).sends[key(2)]?.attempts).toBe(2);
    });

    it('finds a reminder by its button id for that person only, and keeps snoozes and done per person', async () => {
      const l = await make();
      const personKey = 'pcp-review:oak-primary:case-1:p1|2026-11-23|teams:x';
      const id = await l.remember(personKey);
      expect(id).toBe(reminderId(personKey));
      expect(await l.personKeyFor(id, 'teams:x')).toBe(personKey);
      expect(await l.personKeyFor(id, 'teams:someone-else')).toBeUndefined();
      expect(await l.personKeyFor('0000000000000000', 'teams:x')).toBeUndefined();
      await l.snooze(personKey, later);
      await l.done(personKey, now);
      expect((await l.snapshot()).people[personKey]).toEqual({ snoozedUntil: later.toISOString(), doneAt: now.toISOString() });
    });

    it('reads the state of some reminders only: every round of the people asked for, the sends asked for, and nobody else', async () => {
      const l = await make();
      const mine = 'pcp-review:oak-primary:case-1:p1|2026-11-23|teams:x';
      const theirs = 'pcp-review:oak-primary:case-1:p1|2026-11-23|teams:y';
      for (const k of [`${mine}|first`, `${mine}|again-1`, `${theirs}|first`, 'digest|teams:x|2026-W48', 'digest|teams:x|2026-W47']) await l.claim(k, now);
      await l.sent(`${mine}|first`, later);
      await l.snooze(mine, later);
      await l.done(theirs, now);
      const part = await l.stateOf({ personKeys: [mine, 'pep:oak-primary:case-9|2026-11-23|teams:x'], sendKeys: ['digest|teams:x|2026-W48', 'digest|teams:z|2026-W48'] });
      expect(Object.keys(part.sends).sort()).toEqual(['digest|teams:x|2026-W48', `${mine}|again-1`, `${mine}|first`]);
      expect(part.sends[`${mine}|first`]).toEqual({ state: 'sent', at: later.toISOString(), attempts: 1 });
      expect(part.people).toEqual({ [mine]: { snoozedUntil: later.toISOString() } });
      expect(await l.stateOf({})).toEqual({ sends: {}, people: {} });
    });

    it('keeps referral notices for the LA channel by referral id', async () => {
      const l = await make();
      const n: LaNotice = { schoolId: 'oak-primary', caseId: 'case-1', referralId: 'r1', referrerId: 'teams:x', state: 'recorded', attempts: 0 };
      await l.setNotice('r1', n);
      await l.setNotice('r1', { ...n, state: 'posted', attempts: 1, message: { channel: 'teams', id: 'm1' } });
      expect(await l.notice('r1')).toEqual({ ...n, state: 'posted', attempts: 1, message: { channel: 'teams', id: 'm1' } });
      expect(Object.keys(await l.allNotices())).toEqual(['r1']);
      expect(await l.notice('r2')).toBeUndefined();
    });
  });
}
