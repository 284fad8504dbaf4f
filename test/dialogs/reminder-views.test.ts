import { beforeAll, describe, expect, it } from 'vitest';
import { renderText } from '../../src/chat/render-text.js';
import type { SchoolCalendar } from '../../src/core/calendar/school-calendar.js';
import { dueItems } from '../../src/core/reminders/due-items.js';
import { planSends } from '../../src/core/reminders/plan-sends.js';
import { digestView, reminderView } from '../../src/dialogs/reminder-views.js';
import type { KnowledgePack } from '../../src/knowledge/schema/pack.js';
import { at, every3, exampleTerms, noTerms, pcp } from '../core/reminders/plans.js';
import { makeCase } from '../helpers/make-case.js';
import { worcestershire } from '../helpers/pack.js';

let pack: KnowledgePack;
let terms: SchoolCalendar;
beforeAll(async () => {
  pack = await worcestershire();
  terms = await exampleTerms();
});

/** What the SENDCo is sent at `now` about one PCP review due on `due`: the reminder's text and the digest's. */
function sentAt(due: string, now: string, calendar: SchoolCalendar) {
  const today = now.slice(0, 10);
  const items = dueItems([makeCase({ pupilRef: '4021', pcps: [pcp(due)] })], { pack, calendar, today });
  const plan = planSends(items, { sends: {}, people: {} }, { now: at(now), calendar, settings: every3, sendcosAt: (s) => [`sendco@${s}`] });
  const send = plan.sends.find((s) => s.recipientId.startsWith('sendco@'));
  return { reminder: send ? renderText([reminderView(send, 'abc', today)]) : '', digest: plan.digests[0] ? renderText([digestView(plan.digests[0], 'Oak Primary')]) : '' };
}

describe('reminder wording for a due date that is not a school day', () => {
  it('on the first day back after Christmas: due in the holidays, not overdue', () => {
    const { reminder, digest } = sentAt('2026-12-25', '2027-01-05T08:00:00Z', terms);
    expect(reminder).toContain('Due Fri 25 Dec 2026, in the holidays; first school day Tue 5 Jan 2027 (today).');
    expect(reminder).not.toMatch(/overdue/i);
    expect(digest).toContain('PCP review for AB (ref 4021): due Fri 25 Dec 2026, in the holidays; first school day Tue 5 Jan 2027');
    expect(digest).not.toMatch(/overdue/i);
  });

  it('the school day after, overdue, still saying when it could first be held', () => {
    expect(sentAt('2026-12-25', '2027-01-06T08:00:00Z', terms).reminder).toContain('Overdue: it was due Fri 25 Dec 2026, in the holidays; first school day Tue 5 Jan 2027.');
  });

  it('names the bank holiday or the weekend when that is all it is', () => {
    expect(sentAt('2026-12-25', '2026-12-29T08:00:00Z', noTerms).reminder).toContain('Due Fri 25 Dec 2026, Christmas Day; first school day Tue 29 Dec 2026 (today).');
    expect(sentAt('2026-11-28', '2026-11-30T08:00:00Z', noTerms).reminder).toContain('Due Sat 28 Nov 2026, at the weekend; first school day Mon 30 Nov 2026 (today).');
  });

  it('a school-day due date reads as before', () => {
    expect(sentAt('2026-11-23', '2026-11-23T08:00:00Z', noTerms).reminder).toContain('Due today.');
    expect(sentAt('2026-11-18', '2026-11-23T08:00:00Z', noTerms).reminder).toContain('Overdue: it was due Wed 18 Nov 2026.');
  });
});
