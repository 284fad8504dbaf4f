import { afterEach, describe, expect, it } from 'vitest';
import { actionsOf, completeForm, AAD, teamsHarness, type TeamsHarness } from './harness.js';

let h: TeamsHarness;
afterEach(async () => h?.close());

const complete = (who: string, card: Record<string, unknown>, answers: Record<string, string>) => completeForm(h, who, card, answers);

describe('Teams: a pupil through the graduated response, all in cards', () => {
  it('new pupil, PCP with an Incident Support Plan, a review without change, a PSP, and a referral only with permission', async () => {
    h = await teamsHarness();
    const who = AAD.sendco;
    expect(await complete(who, await h.say(who, 'new pupil'), { pupilRef: '4021', initials: 'AB', yearGroup: '8', send: 'sen-support' })).toContain('recorded at Step 2');

    const pcp = await complete(who, await h.say(who, 'pcp for 4021'), { wantsIsp: 'yes', 'pcp.planDate': '2026-11-20', reviewDate: '2026-12-18' });
    expect(pcp).toContain('Plan saved');
    expect(pcp).toContain('Review due Fri 18 Dec 2026');

    // Reviewed the day the plan was written: the card asks "even so?" before saving (tester, issue 11).
    const review = await complete(who, await h.say(who, 'review for 4021'), { positive: 'no', tooSoon: 'yes', notes: 'Still leaving lessons', nextReviewDate: '2026-12-18', stepUp: 'yes' });
    expect(review).toContain('no positive change');
    expect(review).toMatch(/Step 3/);

    const psp = await complete(who, await h.say(who, 'psp for 4021'), { targets: 'Stay in lessons\nUse the calm room', interval: '21' });
    expect(psp).toContain('with 2 targets. First review due Fri 11 Dec 2026.');

    const referral = await h.say(who, 'refer 4021');
    const withoutPermission = await complete(who, referral, { service: 'Educational Psychology', parentalPermission: 'no' }).catch((e: Error) => e.message);
    expect(withoutPermission).toContain('A referral can only be sent once parents/carers agree');
    expect((await h.core.repo.listBySchool('oak-primary'))[0]!.referrals).toHaveLength(0);
    expect(await complete(who, referral, { service: 'Educational Psychology', parentalPermission: 'yes' })).toMatch(/Referral/);
    const [c] = await h.core.repo.listBySchool('oak-primary');
    expect(c!.referrals).toHaveLength(1);
    expect(c!.timeline.map((t) => t.what)).toEqual(expect.arrayContaining(['case.created', 'pcp.created', 'pcp.reviewed', 'step.up', 'psp.created', 'referral.made']));

    const reviews = await h.say(who, 'my reviews');
    expect(actionsOf(reviews, 'command').map((a) => a.data.command)).toContain('review for 4021');
  });
});

describe('Teams: a SENDCo moves a pupil to another step, in a card', () => {
  it('"step 4021" opens the card with the step question; submitting records the move and shows the new step’s actions', async () => {
    h = await teamsHarness();
    const who = AAD.sendco;
    await complete(who, await h.say(who, 'new pupil'), { pupilRef: '4021', initials: 'AB', yearGroup: '8', send: 'sen-support', step: '4' });
    const moved = await complete(who, await h.say(who, 'step 4021'), { step: '3', reason: 'Positive change at two reviews', agreedWith: 'class teacher' });
    expect(moved).toContain('moved down from Step 4 to Step 3');
    expect(moved).toContain('Next actions (Step 3)');
    // The action's number is escaped so Teams' markdown does not make it a numbered list.
    expect(moved).toContain('8\\. SENDCo and staff member review the PCP together');
    const [c] = await h.core.repo.listBySchool('oak-primary');
    expect(c!.stepChanges).toEqual([expect.objectContaining({ from: 4, to: 3, cause: 'set', agreedWith: 'class teacher' })]);
  });
});
