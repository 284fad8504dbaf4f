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
