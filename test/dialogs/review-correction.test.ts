import { describe, expect, it } from 'vitest';
import { pathwayState } from '../../src/core/guidance/pathway-state.js';
import { pcp } from '../core/reminders/plans.js';
import { chatter, SENDCO, testWorld } from '../helpers/dialog-context.js';
import { makeCase } from '../helpers/make-case.js';

/**
 * Fresh SENDCo tester, issue 11: a review recorded with the wrong outcome could not be corrected.
 * "update", "Correct an earlier entry" offers the reviews; a correction is a new review that says
 * which it corrects and why, the original kept. Today is Friday 20 November 2026.
 */
async function pupilWithAReview() {
  const w = await testWorld();
  const review = { id: 'r-1', date: '2026-11-16', positiveChange: false, notes: '', by: SENDCO.id, step: 2 };
  await w.repo.save(makeCase({ pupilRef: '4021', currentStep: 2, pcps: [pcp('2026-12-14', { reviews: [review] })], timeline: [{ at: '2026-11-16T10:00:00Z', by: SENDCO.id, what: 'pcp.created', ref: 'pcp-1' }, { at: '2026-11-16T11:00:00Z', by: SENDCO.id, what: 'pcp.reviewed', ref: 'r-1' }] }), undefined);
  const bot = chatter(w.ctxFor(SENDCO));
  const pupil = async () => (await w.repo.listBySchool('oak-primary'))[0]!;
  return { w, bot, pupil };
}

describe('correcting a review (tester, issue 11)', () => {
  it('is offered among the entries; the correction stands in its place, says why, and the original is kept', async () => {
    const { bot, pupil } = await pupilWithAReview();
    expect(pathwayState(await pupil()).latestReviewNoChange).toBe(true);
    const entries = await bot.script(['update 4021', 'correct an earlier entry']);
    expect(entries).toContain('Mon 16 Nov 2026: PCP 1 review, no positive change');
    expect(await bot.say('PCP 1 review')).toContain('? Did the plan result in positive change');
    expect(await bot.say('yes')).toContain('? What was wrong with the entry?');
    const done = await bot.say('The outcome was typed the wrong way round');
    expect(done).toContain('is corrected: it now says positive change. Both stay on record');
    const c = await pupil();
    expect(c.pcps[0]!.reviews).toEqual([expect.objectContaining({ date: '2026-11-16', positiveChange: true, corrects: 'r-1', correctionWhy: 'The outcome was typed the wrong way round', by: SENDCO.id })]);
    expect(c.pcps[0]!.correctedReviews).toEqual([expect.objectContaining({ id: 'r-1', positiveChange: false })]);
    expect(c.timeline.at(-1)).toMatchObject({ what: 'pcp.review-corrected', ref: c.pcps[0]!.reviews[0]!.id, by: SENDCO.id });
    expect(pathwayState(c).latestReviewNoChange).toBe(false);
  });

  it('a correction that changes nothing is refused, kindly, and nothing is saved', async () => {
    const { bot, pupil } = await pupilWithAReview();
    await bot.script(['update 4021', 'correct an earlier entry', 'PCP 1 review', 'no']);
    expect(await bot.say('Checking')).toContain('already says no positive change');
    expect((await pupil()).pcps[0]!.correctedReviews).toBeUndefined();
  });
});

describe('a corrected review shows in the record (tester, issue 11)', () => {
  /** Two PCP reviews; the second (Mon 16 Nov) is corrected to positive change. */
  async function corrected() {
    const w = await testWorld();
    const first = { id: 'r-0', date: '2026-11-09', positiveChange: false, notes: '', by: SENDCO.id, step: 2 };
    const second = { id: 'r-1', date: '2026-11-16', positiveChange: false, notes: '', by: SENDCO.id, step: 2 };
    const timeline = [
      { at: '2026-11-02T10:00:00Z', by: SENDCO.id, what: 'pcp.created', ref: 'pcp-1' },
      { at: '2026-11-09T11:00:00Z', by: SENDCO.id, what: 'pcp.reviewed', ref: 'r-0' },
      { at: '2026-11-16T11:00:00Z', by: SENDCO.id, what: 'pcp.reviewed', ref: 'r-1' },
    ];
    await w.repo.save(makeCase({ pupilRef: '4021', currentStep: 2, pcps: [pcp('2026-12-14', { reviews: [first, second] })], timeline }), undefined);
    const bot = chatter(w.ctxFor(SENDCO));
    await bot.script(['update 4021', 'correct an earlier entry', 'Mon 16 Nov 2026: PCP 1 review', 'yes', 'The outcome was typed the wrong way round']);
    return bot;
  }

  it('the timeline keeps review 2 on its own date, marked corrected with who, when and why, and says what the correction put right', async () => {
    const bot = await corrected();
    const timeline = await bot.say('timeline 4021');
    expect(timeline).toContain('Mon 16 Nov 2026: Review 2, of PCP 1: no positive change (corrected: now positive change)');
    expect(timeline).toContain('Recorded as no positive change; corrected on Fri 20 Nov 2026 by you: The outcome was typed the wrong way round.');
    expect(timeline).toContain('Fri 20 Nov 2026: Corrected PCP review 2 (Mon 16 Nov 2026): now positive change');
    expect(timeline).not.toContain('Review 3');
    expect(timeline).not.toMatch(/Pcp reviewed|review-corrected/i);
  });

  it('the plan and the review itself show the original beside the corrected outcome', async () => {
    const bot = await corrected();
    const plan = await bot.say('show pcp 1 for 4021');
    expect(plan).toContain('Review 1: Mon 9 Nov 2026, no positive change');
    expect(plan).toContain('Review 2: Mon 16 Nov 2026, no positive change (corrected: now positive change)');
    expect(plan).toContain('corrected on Fri 20 Nov 2026 by you: The outcome was typed the wrong way round.');
    const review = await bot.say('show review 2 for 4021');
    expect(review).toContain('Mon 16 Nov 2026');
    expect(review).toMatch(/Positive change:? Yes \(corrected\)/);
    expect(review).toContain('Recorded as no positive change; corrected on Fri 20 Nov 2026 by you');
  });
});
