import { describe, expect, it } from 'vitest';
import { renderText } from '../../src/chat/render-text.js';
import { myReviews } from '../../src/dialogs/my-reviews.js';
import { pcpDialog } from '../../src/dialogs/pcp.js';
import { reviewDialog } from '../../src/dialogs/review.js';
import { pcp } from '../core/reminders/plans.js';
import { chatter, NEW_PUPIL, SENDCO, testWorld } from '../helpers/dialog-context.js';
import { makeCase } from '../helpers/make-case.js';

const pick = { pupil: { schoolId: 'oak-primary', caseId: 'case-x' } };

describe('review dates the dialogs propose are school days', () => {
  it('a PSP started 2026-12-04 has its first review on a school day in the window, not Christmas Day', async () => {
    const w = await testWorld();
    const bot = chatter(w.ctxFor(SENDCO));
    await bot.script(NEW_PUPIL);
    await bot.script(['psp', '4021', 'Stay in lessons', 'me', '2026-12-04', '']);
    // The PSP's end comes after its start (the pack's date rule), so it is typed rather than "today".
    await bot.answerUntil('Weekly check-in', (r) => r.includes('? End date'));
    await bot.say('25/3/2027'); // 26 Mar 2027 is Good Friday, not a school day
    const reply = await bot.answerUntil('Weekly check-in');
    // No term dates in this world: Christmas Day, the weekend and the Boxing Day substitute are passed over.
    expect(reply).toContain('First review due Tue 29 Dec 2026.');
  });

  it('the PCP form suggests a school day about six weeks on, not New Year’s Day', async () => {
    const w = await testWorld(); // today is Friday 2026-11-20; six weeks on is 2027-01-01
    const q = pcpDialog.questions(w.ctxFor(SENDCO), pick).find((x) => x.id === 'reviewDate')!;
    expect(q.fallback).toEqual({ value: '2027-01-04', label: 'Mon 4 Jan 2027 (in about 6 weeks)' });
  });

  it('after a PCP review the next review date is suggested the same way, from the review date', async () => {
    const w = await testWorld();
    const ctx = w.ctxFor(SENDCO);
    const options = [{ value: 'pcp-1', label: 'Person-centred plan', kind: 'pcp', step: 2 }];
    const q = reviewDialog.questions(ctx, { ...pick, options, date: '2026-11-13' }).find((x) => x.id === 'nextReviewDate')!;
    expect(q.fallback).toEqual({ value: '2026-12-29', label: 'Tue 29 Dec 2026 (in about 6 weeks)' });
  });

  it('a review recorded late suggests its next date with how far off it is from today, not from the review', async () => {
    const w = await testWorld(); // today is Friday 2026-11-20
    const ctx = w.ctxFor(SENDCO);
    const options = [{ value: 'pcp-1', label: 'Person-centred plan', kind: 'pcp', step: 2 }];
    const q = reviewDialog.questions(ctx, { ...pick, options, date: '2026-10-20' }).find((x) => x.id === 'nextReviewDate')!;
    // Six weeks after the review is Tuesday 2026-12-01: eleven days from today, not "about 6 weeks".
    expect(q.fallback).toEqual({ value: '2026-12-01', label: 'Tue 1 Dec 2026 (in 11 days)' });
  });

  it('"my reviews" does not call a review overdue on the first school day it could be held', async () => {
    const w = await testWorld();
    const monday = { ...w.ctxFor(SENDCO), today: () => '2026-11-23' };
    const saturday = makeCase({ pupilRef: '4021', pcps: [pcp('2026-11-21')] });
    const text = renderText([await myReviews(monday, [saturday])]);
    expect(text).toContain('AB (ref 4021): PCP review due today, Sat 21 Nov 2026, at the weekend; first school day Mon 23 Nov 2026');
    expect(text).not.toMatch(/overdue/i);
  });
});
