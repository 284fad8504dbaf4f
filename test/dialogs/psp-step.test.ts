import { describe, expect, it } from 'vitest';
import { chatter, SENDCO, testWorld } from '../helpers/dialog-context.js';

/**
 * Fresh SENDCo tester, issue 11: a pupil with a PSP stayed at Step 1 while the guidance spoke of the
 * PSP at Step 4. A PSP is the plan intensified and overseen by a senior leader, Step 4 led by the
 * SENDCo (000 action 13; 003 PSP): starting one moves a pupil below it there, as a step change with
 * its reason, as a referral's move is. Today is Friday 20 November 2026.
 */
async function pupilAt(step: number) {
  const w = await testWorld();
  const bot = chatter(w.ctxFor(SENDCO));
  await bot.script(['new pupil', '4021', 'AB', 'Year 8', 'neither', 'no', 'no', String(step), 'yes']);
  const pupil = async () => (await w.repo.listBySchool('oak-primary'))[0]!;
  return { bot, pupil };
}

const startPsp = (bot: Awaited<ReturnType<typeof pupilAt>>['bot']) => bot.script(['psp', '4021', 'Stay in lessons', 'me', '2026-11-16', '']).then(() => bot.answerUntil('Weekly check-in'));

describe('starting a PSP (tester, issue 11)', () => {
  it('moves a pupil at Step 1 to Step 4, saying so; the page, the chronology and what next agree', async () => {
    const { bot, pupil } = await pupilAt(1);
    const saved = await startPsp(bot);
    expect(saved).toContain('PSP saved');
    expect(saved).toContain('moves from Step 1 to Step 4, led by the SENDCo');
    const c = await pupil();
    expect(c.currentStep).toBe(4);
    expect(c.stepChanges).toEqual([expect.objectContaining({ from: 1, to: 4, cause: 'plan', ref: c.psps[0]!.id, agreedBy: SENDCO.id, reason: expect.stringContaining('A Pastoral Support Programme began on Mon 16 Nov 2026') })]);
    const page = await bot.say('pupil 4021');
    expect(page).toContain('Where on the pathway: Step 4');
    expect(page).not.toContain('still at Step 1');
    await bot.say('what next for 4021');
    const next = await bot.withDetails(await bot.answerUntil('no', (x) => !x.includes('? ')));
    expect(next).toContain('Monitor and review the PSP');
    expect(next).not.toContain('Set up a Pastoral Support Programme');
  });

  it('leaves a pupil at Step 5 where they are', async () => {
    const { bot, pupil } = await pupilAt(5);
    expect(await startPsp(bot)).not.toContain('moves from Step');
    const c = await pupil();
    expect(c.currentStep).toBe(5);
    expect(c.stepChanges).toEqual([]);
  });
});
