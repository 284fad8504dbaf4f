import { describe, expect, it } from 'vitest';
import { chatter, SENDCO, testWorld } from '../helpers/dialog-context.js';

/**
 * Issue 11, fresh tester: "TOM" was accepted as initials. Initials typed as one word that is a
 * common first name are queried, since names are never kept; "yes" keeps them, "no" asks again.
 * Initials written as initials ("T.O.M.", "T O M") and other 2–3 letters are taken as before.
 */
async function atInitials() {
  const w = await testWorld();
  const bot = chatter(w.ctxFor(SENDCO));
  await bot.script(['new pupil', '4021']);
  const pupil = async () => (await w.repo.listBySchool('oak-primary'))[0];
  return { bot, pupil };
}
const REST = ['Year 8', '1', 'no', '2', '', 'no'];

describe('initials that look like a name', () => {
  it('"TOM" is queried; "no" asks for the initials again and nothing named is kept', async () => {
    const { bot, pupil } = await atInitials();
    expect(await bot.say('TOM')).toMatch(/^\? TOM looks like a name; we keep initials only, e.g. T\.M\. Are TOM the pupil’s initials\?/m);
    expect(await bot.say('no')).toContain('Please type the pupil’s initials, such as T.M.');
    // A second name is queried afresh.
    expect(await bot.say('Amy')).toMatch(/^\? Amy looks like a name/m);
    await bot.say('no');
    expect(await bot.say('T.M.')).toMatch(/^\? Year group/m);
    await bot.script(REST);
    expect((await pupil())!.initials).toBe('TM');
  });

  it('"yes" keeps them: the pupil really has the initials T, O and M', async () => {
    const { bot, pupil } = await atInitials();
    await bot.script(['TOM', 'yes', ...REST]);
    expect((await pupil())!.initials).toBe('TOM');
  });

  it.each(['T.O.M.', 'T O M', 'ABC', 'JS'])('"%s" is taken without a question', async (typed) => {
    const { bot } = await atInitials();
    expect(await bot.say(typed)).toMatch(/^\? Year group/m);
  });

  it('"no" or "ok" typed as initials is an answer, not initials, and is asked again; "N.O." with dots is taken (two fresh testers, 1 Dec)', async () => {
    const { bot, pupil } = await atInitials();
    expect(await bot.say('no')).toContain('“no” reads as an answer, not initials. Please type the pupil’s initials, such as "AB" (or "N.O." if those are their initials).');
    expect(await bot.say('ok')).toMatch(/^\? Their initials/m);
    expect(await bot.say('N.O.')).toMatch(/^\? Year group/m);
    await bot.script(REST);
    expect((await pupil())!.initials).toBe('NO');
  });
});
