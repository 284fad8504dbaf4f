import { afterEach, describe, expect, it } from 'vitest';
import { actionsOf, inputsOf, textOf, AAD, teamsHarness, type TeamsHarness } from './harness.js';

let h: TeamsHarness;
afterEach(async () => h?.close());

type Json = Record<string, unknown>;

/**
 * Fills a form card as a careful member of staff would: required fields get a sensible answer,
 * optional ones are left blank unless given, yes/no questions are "no" unless given. Submits until
 * the form turns into a result (follow-up questions appear after earlier answers).
 */
async function complete(who: string, card: Json, answers: Record<string, string>): Promise<string> {
  for (let round = 0; round < 5; round++) {
    const [submit] = actionsOf(card, 'form.submit');
    if (!submit) return textOf(card);
    const values: Json = {};
    for (const input of inputsOf(card)) {
      const id = String(input.id).replace(/^q_/, '');
      const choices = (input.choices as { value: string }[] | undefined)?.map((c) => c.value);
      if (id in answers) values[`q_${id}`] = answers[id];
      else if (typeof input.value === 'string' && input.value) values[`q_${id}`] = input.value;
      else if (!input.isRequired) values[`q_${id}`] = '';
      else if (choices?.includes('no')) values[`q_${id}`] = 'no';
      else if (choices) values[`q_${id}`] = choices[0];
      else if (input.type === 'Input.Date') values[`q_${id}`] = '2026-12-18';
      else if (input.type === 'Input.Number') values[`q_${id}`] = '1';
      else values[`q_${id}`] = 'Calmer mornings with a key adult check-in';
    }
    card = await h.press(who, submit, values);
  }
  throw new Error(`form did not finish: ${textOf(card)}`);
}

describe('Teams: a pupil through the graduated response, all in cards', () => {
  it('new pupil, PCP with an Incident Support Plan, a review without change, a PSP, and a referral only with permission', async () => {
    h = await teamsHarness();
    const who = AAD.sendco;
    expect(await complete(who, await h.say(who, 'new pupil'), { pupilRef: '4021', initials: 'AB', yearGroup: '8', send: 'sen-support' })).toContain('recorded at Step 2');

    const pcp = await complete(who, await h.say(who, 'pcp for 4021'), { wantsIsp: 'yes', reviewDate: '2026-12-18' });
    expect(pcp).toContain('Plan saved');
    expect(pcp).toContain('2026-12-18');

    const review = await complete(who, await h.say(who, 'review for 4021'), { positive: 'no', notes: 'Still leaving lessons', nextReviewDate: '2026-12-18', stepUp: 'yes' });
    expect(review).toContain('no positive change');
    expect(review).toMatch(/Step 3/);

    const psp = await complete(who, await h.say(who, 'psp for 4021'), { targets: 'Stay in lessons\nUse the calm room', interval: '21' });
    expect(psp).toMatch(/2026-12-11/);

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
