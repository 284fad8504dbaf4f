import { describe, expect, it } from 'vitest';
import type { PupilCase } from '../../../src/core/cases/pupil-case.js';
import { addDays } from '../../../src/core/dates.js';
import { dueItems } from '../../../src/core/reminders/due-items.js';
import { caseDueWindow } from '../../../src/core/reminders/due-window.js';
import { makeCase } from '../../helpers/make-case.js';
import { worcestershire } from '../../helpers/pack.js';
import { exampleTerms, noTerms, pcp, permanentExclusion, psp, review } from './plans.js';

/** Cases with every kind of dated item, spread over the school year. */
function cases(): PupilCase[] {
  const out: PupilCase[] = [makeCase(), makeCase({ pcps: [pcp('2026-10-01', { status: 'closed' })] })];
  for (const d of ['2026-09-03', '2026-10-21', '2026-12-18', '2027-02-10', '2027-07-20']) {
    out.push(makeCase({ pcps: [pcp(d)] }));
    out.push(makeCase({ psps: [psp(d)] }));
    out.push(makeCase({ psps: [psp(d, { reviewIntervalDays: 28, reviews: [review(addDays(d, 25), false)] })] }));
    out.push(makeCase({ ehcRequestedOn: d }));
    out.push(makeCase({ exclusions: [permanentExclusion(d)] }));
    out.push(makeCase({ exclusions: [{ ...permanentExclusion(d), kind: 'suspension', days: 7 }] }));
    out.push(makeCase({ flags: { senSupport: false, ehcp: false, lookedAfter: true, previouslyLookedAfter: false, socialWorker: false } }));
  }
  return out;
}

describe('a case’s due window (what the due-cases query selects on)', () => {
  it('never leaves out a case with something due, on any day of the year, with or without term dates', async () => {
    const pack = await worcestershire();
    const all = cases();
    let due = 0;
    let leftOut = 0;
    for (const calendar of [noTerms, await exampleTerms()])
      for (let today = '2026-09-01'; today <= '2027-09-30'; today = addDays(today, 3)) {
        const dueBy = addDays(today, 6);
        for (const c of all) {
          const items = dueItems([c], { pack, calendar, today, dueBy });
          const w = caseDueWindow(c, pack);
          const selected = !!w && w.from <= dueBy && (w.until === undefined || w.until >= today);
          if (items.length > 0) {
            due++;
            expect(selected, `${c.id} on ${today}: ${items.map((i) => `${i.kind} ${i.dueDate}`).join(', ')}`).toBe(true);
          } else if (!selected) leftOut++;
        }
      }
    // Not a window that selects everything: most cases on most days are left out.
    expect(due).toBeGreaterThan(1000);
    expect(leftOut).toBeGreaterThan(due);
  });

  it('is absent for a case with nothing that can fall due', async () => {
    const pack = await worcestershire();
    expect(caseDueWindow(makeCase(), pack)).toBeUndefined();
    expect(caseDueWindow(makeCase({ pcps: [pcp('2026-10-01', { status: 'closed' })] }), pack)).toBeUndefined();
  });
});
