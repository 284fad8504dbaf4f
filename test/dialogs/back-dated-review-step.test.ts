import { describe, expect, it } from 'vitest';
import { addPastoralSupportPlan, moveAfterReview, recordPspReview, setStep } from '../../src/core/plans/plan-changes.js';
import { chatter, SENDCO, testWorld } from '../helpers/dialog-context.js';

/**
 * Fresh SENDCo tester, issue 11: a PSP review dated weeks back, typed in after the pupil reached
 * Step 3, was recorded "at Step 3", and "How they got here" listed the move it led to (dated the
 * review's day) before the move to Step 3. Today is Friday 20 November 2026.
 */
async function backDated() {
  const w = await testWorld();
  const flags = { senSupport: false, ehcp: false, lookedAfter: false, previouslyLookedAfter: false, socialWorker: false };
  const c = await w.cases.create(SENDCO, { pupilRef: '4021', initials: 'AB', yearGroup: 8, flags, currentStep: 2, riskOfPermanentExclusion: false });
  const ref = { schoolId: c.schoolId, id: c.id };
  const withPsp = await w.cases.change(SENDCO, ref, 'psp.create', (x, cc) => addPastoralSupportPlan(x, { overseeingLeaderId: 'head-1', startDate: '2026-11-02', targets: ['Stay in lessons'], fields: {}, reviewIntervalDays: 21 }, cc));
  await w.cases.change(SENDCO, ref, 'step.set', (x, cc) => setStep(x, { to: 3, reason: 'Incidents rising despite the plan' }, cc));
  const pspId = withPsp.psps[0]!.id;
  await w.cases.change(SENDCO, ref, 'psp.review', (x, cc) => moveAfterReview(recordPspReview(x, pspId, { date: '2026-11-09', positiveChange: false, notes: '' }, cc), 4, cc));
  return { bot: chatter(w.ctxFor(SENDCO)) };
}

describe('a back-dated review (tester, issue 11)', () => {
  it('is held at the step the pupil was at on its date, not the step they are at when it is typed in', async () => {
    const { bot } = await backDated();
    expect(await bot.say('timeline 4021')).toMatch(/Mon 9 Nov 2026: Review 1, of PSP 1: no positive change.*\n\s+At Step 2\./);
    expect(await bot.say('show review 1 for 4021')).toMatch(/Held at:? Step 2/);
  });

  it('the move it leads to is dated the day it was recorded, says so, and "How they got here" reads in date order', async () => {
    const { bot } = await backDated();
    const page = await bot.say('pupil 4021');
    const toThree = page.indexOf('Fri 20 Nov 2026: Step 2 to Step 3');
    const toFour = page.indexOf('Fri 20 Nov 2026: Step 3 to Step 4');
    expect(toThree).toBeGreaterThan(-1);
    expect(toFour).toBeGreaterThan(toThree);
    expect(page).toContain('Review on Mon 9 Nov 2026 at Step 2: no positive change. Dated Fri 20 Nov 2026, the day it was recorded: the review was held before the pupil reached Step 3 (Fri 20 Nov 2026).');
    expect(page).not.toContain('Mon 9 Nov 2026: Step 3 to Step 4');
  });
});
