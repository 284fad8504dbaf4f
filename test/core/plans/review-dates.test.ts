import { beforeAll, describe, expect, it } from 'vitest';
import type { SchoolCalendar } from '../../../src/core/calendar/school-calendar.js';
import { addDays } from '../../../src/core/dates.js';
import { proposeReviewDate, pspReviewWindow, type ReviewWindow } from '../../../src/core/plans/review-dates.js';
import { pcpReviewDates, pspReviewDates, pspReviewDue } from '../../../src/core/plans/reviews-due.js';
import { dueItems } from '../../../src/core/reminders/due-items.js';
import { pupilDeadlines } from '../../../src/core/record/deadlines.js';
import type { KnowledgePack } from '../../../src/knowledge/schema/pack.js';
import { makeCase } from '../../helpers/make-case.js';
import { worcestershire } from '../../helpers/pack.js';
import { exampleTerms, noTerms, pcp, psp, review } from '../reminders/plans.js';

let terms: SchoolCalendar;
/** The pack's PSP window (rules.psp.reviewIntervalDays): 21 to 28 days. */
let PSP_REVIEW_WINDOW: ReviewWindow;
let pack: KnowledgePack;
beforeAll(async () => {
  terms = await exampleTerms();
  pack = await worcestershire();
  PSP_REVIEW_WINDOW = pspReviewWindow(pack);
});

describe('proposeReviewDate: a school day in the 3–4 week window', () => {
  it('a PSP started Friday 4 December 2026 is not reviewed on Christmas Day', () => {
    // Example terms: the autumn term ends 18 December and the spring term starts Tuesday 5 January.
    expect(proposeReviewDate(terms, '2026-12-04', PSP_REVIEW_WINDOW)).toBe('2027-01-05');
    // With no term dates, Christmas Day, the weekend and the Boxing Day substitute are skipped, still in the window.
    expect(proposeReviewDate(noTerms, '2026-12-04', PSP_REVIEW_WINDOW)).toBe('2026-12-29');
  });

  it('three weeks on, when that is a school day', () => {
    expect(proposeReviewDate(terms, '2026-11-02', PSP_REVIEW_WINDOW)).toBe('2026-11-23');
  });

  it('the first school day after three weeks when those fall at the weekend or in half term', () => {
    expect(proposeReviewDate(noTerms, '2026-11-07', PSP_REVIEW_WINDOW)).toBe('2026-11-30'); // +21 is a Saturday
    expect(proposeReviewDate(terms, '2026-10-05', PSP_REVIEW_WINDOW)).toBe('2026-11-02'); // +21 to +27 are half term
  });

  it('aims at the chosen interval, and stays inside the window rather than past it', () => {
    expect(proposeReviewDate(noTerms, '2026-11-02', { ...PSP_REVIEW_WINDOW, aimDays: 25 })).toBe('2026-11-27');
    // +28 is a Saturday: the Friday before is still in the window, the Monday after is not.
    expect(proposeReviewDate(noTerms, '2026-10-31', { ...PSP_REVIEW_WINDOW, aimDays: 28 })).toBe('2026-11-27');
  });

  it('when the term dates run out, counts weekdays that are not bank holidays (errs early, never throws)', () => {
    expect(proposeReviewDate(terms, '2027-07-20', PSP_REVIEW_WINDOW)).toBe('2027-08-10');
  });

  it('is always a school day, inside the window whenever the window holds one', () => {
    for (let from = '2026-09-02'; from <= '2027-06-20'; from = addDays(from, 1)) {
      const got = proposeReviewDate(terms, from, PSP_REVIEW_WINDOW);
      const window = Array.from({ length: 8 }, (_, i) => addDays(from, 21 + i));
      expect(terms.isSchoolDay(got), `${from} → ${got}`).toBe(true);
      if (window.some((d) => terms.isSchoolDay(d))) expect(window, `${from} → ${got}`).toContain(got);
      else expect(got, from).toBe(terms.nextSchoolDay(window.at(-1)!));
    }
  });
});

describe('PSP reviews use it', () => {
  it('in the window the pack sets, or three to four weeks when a pack has no rules', async () => {
    const pack = await worcestershire();
    expect(pspReviewWindow(pack)).toEqual({ earliestDays: pack.rules!.psp.reviewIntervalDays.min, latestDays: pack.rules!.psp.reviewIntervalDays.max });
    const wider = { ...pack, rules: { ...pack.rules!, psp: { ...pack.rules!.psp, reviewIntervalDays: { min: 14, max: 35, default: 21 } } } };
    expect(pspReviewWindow(wider)).toEqual({ earliestDays: 14, latestDays: 35 });
    expect(pspReviewWindow({ ...pack, rules: undefined })).toEqual({ earliestDays: 21, latestDays: 28 });
  });


  it('from the start, then from the last review', () => {
    expect(pspReviewDue(terms, PSP_REVIEW_WINDOW, '2026-12-04', undefined, 21)).toBe('2027-01-05');
    expect(pspReviewDue(terms, PSP_REVIEW_WINDOW, '2026-09-07', '2026-12-04', 21)).toBe('2027-01-05');
  });

  it('the deadlines ("my reviews", the summary) list the PSP on its school day, and it is not overdue before the first school day it could be held', () => {
    const c = makeCase({ pupilRef: 'XMAS', psps: [psp('2026-12-04')], pcps: [pcp('2026-12-25')] });
    const due = pupilDeadlines(c, { pack, calendar: terms, today: '2027-01-05' });
    expect(due.map((d) => [d.kind, d.dueDate, d.overdue])).toEqual([
      ['pcp-review', '2026-12-25', false],
      ['psp-review', '2027-01-05', false],
    ]);
    expect(due[0]!.offDay).toEqual({ why: 'school holiday', firstSchoolDay: '2027-01-05' });
    expect(pupilDeadlines(c, { pack, calendar: terms, today: '2027-01-06' }).map((d) => d.overdue)).toEqual([true, true]);
  });

  it('a recorded review moves the next one on from the review date', () => {
    const c = makeCase({ psps: [psp('2026-11-02', { reviews: [review('2026-11-23', true)] })] });
    expect(pupilDeadlines(c, { pack, calendar: noTerms, today: '2026-11-23' })[0]?.dueDate).toBe('2026-12-14');
  });
});

describe('a plan’s first and next review: one function for the pack, the summary and the reminders (issue 13.2)', () => {
  it('a PSP’s first and next review are the dates dueItems reminds of, also when it was reviewed before it was recorded here', () => {
    const fresh = psp('2026-11-30', { id: 'a', reviewIntervalDays: 28 });
    const before = psp('2026-10-05', { id: 'b', reviewIntervalDays: 28, lastReviewBeforeRecord: '2026-11-23' });
    const due = dueItems([makeCase({ psps: [fresh, before] })], { pack, calendar: terms, today: '2026-11-30' });
    // Four weeks from Mon 30 Nov is Mon 28 Dec, in the holidays: the first school day after the window.
    expect(pspReviewDates(terms, PSP_REVIEW_WINDOW, fresh)).toEqual({ first: '2027-01-05', next: '2027-01-05' });
    expect(due.find((d) => d.planId === 'a')?.dueDate).toBe('2027-01-05');
    // Reviewed before it was recorded here: the first review was then, and the next counts from it.
    expect(pspReviewDates(terms, PSP_REVIEW_WINDOW, before)).toEqual({ next: due.find((d) => d.planId === 'b')!.dueDate });
  });

  it('a PCP keeps the first review date it was written with; the next is the date moved on at its review', () => {
    const plan = pcp('2026-12-14', { firstReviewDate: '2026-11-02', reviews: [review('2026-11-03', false)] });
    expect(pcpReviewDates(plan)).toEqual({ first: '2026-11-02', firstHeld: '2026-11-03', next: '2026-12-14' });
    expect(dueItems([makeCase({ pcps: [plan] })], { pack, calendar: terms, today: '2026-11-30' })[0]?.dueDate).toBe('2026-12-14');
    // Saved before first dates were kept, and reviewed since: the first date is not known, so not invented.
    expect(pcpReviewDates(pcp('2026-12-14', { reviews: [review('2026-11-03', false)] }))).toEqual({ firstHeld: '2026-11-03', next: '2026-12-14' });
  });
});
