import { describe, expect, it } from 'vitest';
import { chatter, NEW_PUPIL, SENDCO, testWorld } from '../helpers/dialog-context.js';

/**
 * Fresh SENDCo tester, issue 11: typing "what next for 4021" halfway through a correction replaced it,
 * losing what was typed. A guidance question saves nothing, so the correction is put aside, the
 * guidance given, and the correction taken up again where it was. Today is Friday 20 November 2026.
 */
async function halfwayThroughACorrection() {
  const w = await testWorld();
  const bot = chatter(w.ctxFor(SENDCO));
  await bot.script(NEW_PUPIL);
  await bot.script(['update 4021', 'risk of permanent exclusion', 'yes', '16/11/2026', 'Two serious incidents']);
  const asked = await bot.script(['update 4021', 'correct an earlier entry', '1', 'something else']);
  const pupil = async () => (await w.repo.listBySchool('oak-primary'))[0]!;
  return { bot, asked, pupil };
}

describe('asking for guidance in the middle of a correction (tester, issue 11)', () => {
  it('answers it, then takes the correction up again as it was; finishing it records the correction', async () => {
    const { bot, asked, pupil } = await halfwayThroughACorrection();
    const question = asked.split('\n').find((l) => l.startsWith('?'))!;
    const guidance = await bot.say('what next for 4021');
    expect(guidance).toContain('Your record update is kept as it was: you go back to it after this.');
    expect(guidance).not.toContain('would not be saved');
    const back = await bot.answerUntil('no', (x) => x.includes('Back to your unfinished record update'));
    expect(back).toContain('What next for AB (ref 4021, Year 8)');
    expect(back).toContain('Back to your unfinished record update, as you left it');
    expect(back).toContain(question);
    await bot.answerUntil('The date was a day out', (x) => !x.includes('? '));
    const c = await pupil();
    expect(c.facts).toHaveLength(2);
    expect(c.facts[1]).toMatchObject({ corrects: c.facts[0]!.id, fact: 'risk-of-permanent-exclusion' });
  });

  it('"cancel" in the guidance goes back to the correction; a second "cancel" stops it, nothing saved', async () => {
    const { bot, pupil } = await halfwayThroughACorrection();
    await bot.say('what next for 4021');
    expect(await bot.say('cancel')).toContain('Back to your unfinished record update');
    expect(await bot.say('cancel')).not.toContain('Back to your unfinished');
    expect(bot.state.active).toBeUndefined();
    expect((await pupil()).facts).toHaveLength(1);
  });
});
