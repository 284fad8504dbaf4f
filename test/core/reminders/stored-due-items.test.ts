import { describe, expect, it } from 'vitest';
import { addDays } from '../../../src/core/dates.js';
import { dueItems } from '../../../src/core/reminders/due-items.js';
import { liveDueItems, storedDueItems } from '../../../src/core/reminders/stored-due-items.js';
import { pupilDeadlines } from '../../../src/core/record/deadlines.js';
import { ukDate } from '../../../src/core/text/uk-date.js';
import { makeCase } from '../../helpers/make-case.js';
import { worcestershire } from '../../helpers/pack.js';
import { exampleTerms, noTerms, pcp, permanentExclusion, psp, review } from './plans.js';

const lac = { senSupport: false, ehcp: false, lookedAfter: true, previouslyLookedAfter: false, socialWorker: false };

const pepMeeting = (on: string, nextOn?: string) => ({ id: `pep-${on}`, at: `${on}T12:00:00.000Z`, by: 'sendco-1', on, why: '', fact: 'pep-meeting' as const, ledBy: 'virtual-school' as const, ...(nextOn ? { nextOn } : {}) });

/** A spread of cases with every kind of due item, some sharing due dates. */
function cases() {
  return [
    makeCase({ pcps: [pcp('2026-11-25'), pcp('2026-10-01', { id: 'pcp-2' })] }),
    makeCase({ ehcRequestedOn: '2026-09-07', psps: [psp('2026-09-07', { reviews: [review('2026-09-28', false), review('2026-10-19', false)] })] }),
    makeCase({ exclusions: [permanentExclusion('2026-12-01'), { ...permanentExclusion('2026-11-23', 'x-2'), kind: 'suspension', days: 8 }, { ...permanentExclusion('2026-11-23', 'x-3'), kind: 'suspension', days: 3 }] }),
    makeCase({ flags: lac, pcps: [pcp('2027-01-05')] }),
    makeCase({ pcps: [pcp('2026-11-25', { status: 'closed' as never })], psps: [psp('2026-11-02')] }),
    makeCase({ ehcRequestedOn: '2026-06-01', flags: lac }),
    // PEP meetings held: one in the autumn term (the next follows the terms), one with the next date set.
    makeCase({ flags: lac, facts: [pepMeeting('2026-11-19')] }),
    makeCase({ flags: lac, facts: [pepMeeting('2027-01-12', '2027-02-10')] }),
    makeCase(),
  ];
}

describe('due items kept beside each case', () => {
  it('date day-6 provision as the pupil page does, every day from the exclusion to the end of the school year: the act-by date while the row is live, then the same provision date, overdue', async () => {
    const pack = await worcestershire();
    const calendar = await exampleTerms();
    // A permanent exclusion and a long suspension starting the Friday before half term, so the days count across it.
    const c = makeCase({ exclusions: [permanentExclusion('2026-10-23'), { ...permanentExclusion('2026-10-23', 'x-2'), kind: 'suspension', days: 8 }] });
    const rows = storedDueItems(c, { pack, calendar }).filter((s) => s.item.kind === 'day6-provision');
    expect(rows).toHaveLength(2);
    let live = 0;
    let overdue = 0;
    for (let today = '2026-10-23'; today <= '2027-07-20'; today = addDays(today, 2)) {
      const page = pupilDeadlines(c, { pack, calendar, today }).filter((d) => d.kind === 'day6-provision');
      expect(page, today).toHaveLength(2);
      for (const [i, row] of rows.entries()) {
        const d = page.find((x) => x.after === c.exclusions[i]!.kind)!;
        // The row's title names the day provision must start; the page dates it by that day.
        expect(row.item.title, today).toContain(ukDate(d.dueDate));
        if (today <= row.remindUntil!) {
          live++;
          expect(d.actBy, today).toBe(row.dueOn);
          expect(liveDueItems([row], { calendar, today }).map((x) => x.itemKey), today).toEqual([row.item.itemKey]);
        } else {
          overdue++;
          expect(d, today).toMatchObject({ overdue: true });
          expect(d.actBy, today).toBeUndefined();
          expect(liveDueItems([row], { calendar, today }), today).toEqual([]);
        }
      }
    }
    expect(live).toBeGreaterThan(10);
    expect(overdue).toBeGreaterThan(150);
  });

  it('give exactly what dueItems works out from the cases, on every day of a school year, with term dates and without', async () => {
    const pack = await worcestershire();
    const all = cases();
    const kinds = new Set<string>();
    for (const calendar of [noTerms, await exampleTerms()]) {
      const stored = all.flatMap((c) => storedDueItems(c, { pack, calendar }));
      for (let today = '2026-09-01'; today <= '2027-07-20'; today = addDays(today, 3)) {
        const dueBy = addDays(today, 6);
        const expected = dueItems(all, { pack, calendar, today, dueBy });
        for (const i of expected) kinds.add(i.kind);
        expect(liveDueItems(stored, { calendar, today, dueBy }), today).toEqual(expected);
      }
    }
    // Every kind was due at some point, so each kind's window was compared.
    expect([...kinds].sort()).toEqual(['day6-provision', 'ehc-completion', 'ehc-decision', 'pcp-review', 'pep', 'psp-review']);
  });

  it('keep nothing for a case with no plan, request, exclusion or care', async () => {
    const pack = await worcestershire();
    expect(storedDueItems(makeCase(), { pack, calendar: noTerms })).toEqual([]);
  });
});
