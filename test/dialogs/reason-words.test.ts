import { describe, expect, it } from 'vitest';
import { chatter, SENDCO, testWorld } from '../helpers/dialog-context.js';

/**
 * Issue 11, fresh tester: a one-character reason ("x") was accepted for a suspension, an exclusion
 * or a withdrawal. A reason needs a few words (at least 3 characters and a letter); the question is
 * asked again and the other answers are kept. Today is Friday 20 November 2026.
 */
async function world() {
  const w = await testWorld();
  await w.cases.create(SENDCO, { pupilRef: '4021', initials: 'AB', yearGroup: 8, flags: { senSupport: false, ehcp: false, lookedAfter: false, previouslyLookedAfter: false, socialWorker: false }, currentStep: 3, riskOfPermanentExclusion: false });
  const bot = chatter(w.ctxFor(SENDCO));
  const pupil = async () => (await w.repo.listBySchool('oak-primary'))[0]!;
  return { bot, pupil };
}

describe('a reason in a few words', () => {
  it.each(['x', '..', '12'])('"%s" as a suspension’s reason is asked again; the dates and days are kept', async (typed) => {
    const { bot, pupil } = await world();
    await bot.script(['exclusion', '4021', 'suspension', '16/11/2026', '2']);
    const again = await bot.say(typed);
    expect(again).toContain('Please give the reason in a few words, for example “threw a chair at a member of staff”. Your other answers are kept.');
    expect(again).toMatch(/^\? The reason, briefly/m);
    await bot.say('Threw a chair at a member of staff');
    await bot.say('yes');
    expect((await pupil()).exclusions).toEqual([expect.objectContaining({ kind: 'suspension', startDate: '2026-11-16', days: 2, reason: 'Threw a chair at a member of staff' })]);
  });

  it('a short reason with letters is enough ("ABH")', async () => {
    const { bot, pupil } = await world();
    await bot.script(['exclusion', '4021', 'suspension', '16/11/2026', '2', 'ABH', 'yes']);
    expect((await pupil()).exclusions[0]).toMatchObject({ reason: 'ABH' });
  });

  it('"x" as why a suspension is withdrawn is asked again, and nothing is withdrawn until a reason is given', async () => {
    const { bot, pupil } = await world();
    await bot.script(['exclusion', '4021', 'suspension', '16/11/2026', '2', 'Threw a chair at a member of staff', 'yes']);
    await bot.script(['withdraw suspension 4021', '1']);
    expect(await bot.say('x')).toContain('Please give the reason in a few words, for example “recorded for the wrong pupil”.');
    expect((await pupil()).facts).toEqual([]);
    expect(await bot.say('Recorded for the wrong pupil')).toContain('is withdrawn');
  });
});
