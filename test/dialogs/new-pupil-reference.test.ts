import { describe, expect, it } from 'vitest';
import { chatter, SENDCO, testWorld } from '../helpers/dialog-context.js';

/**
 * Fresh tester (issue 11/12): "Jack1" was taken as a pupil reference. A reference is the school's
 * number for a pupil, never their name (seed-wide minimum data: reference and initials), so a word in
 * it that reads as a name is refused, naming the word; codes in capitals and UPNs still pass.
 */
async function atReference() {
  const w = await testWorld();
  const bot = chatter(w.ctxFor(SENDCO));
  await bot.say('new pupil');
  return { w, bot };
}

describe('a pupil reference that reads as a name', () => {
  it.each([['Jack1', 'Jack'], ['jack-07', 'jack'], ['JACK1', 'JACK'], ['Smith2', 'Smith'], ['JohnS4', 'John']])('%j is refused, naming %j, and asked again', async (typed, word) => {
    const { bot } = await atReference();
    const refused = await bot.say(typed);
    expect(refused).toContain(`“${typed}” has “${word}” in it, which reads like a name, and names are never kept.`);
    expect(refused).toMatch(/^\? The pupil’s reference at your school/m);
  });

  it.each(['4021', 'ADM4021', 'A123456789012', 'Y8-042', 'P77'])('%j is taken', async (typed) => {
    const { bot } = await atReference();
    expect(await bot.say(typed)).toMatch(/^\? .*initials/im);
  });

  it('after a refusal, the pupil is saved under the reference typed next, and the name is nowhere', async () => {
    const { w, bot } = await atReference();
    await bot.script(['Jack1', '4021', 'J.B.', 'Year 8', '1', 'no', '2', '', 'no']);
    const saved = await w.repo.listBySchool('oak-primary');
    expect(saved.map((c) => c.pupilRef)).toEqual(['4021']);
    expect(JSON.stringify(saved)).not.toContain('Jack');
  });
});
