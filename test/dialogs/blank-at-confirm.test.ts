import { describe, expect, it } from 'vitest';
import { chatter, SENDCO, testWorld } from '../helpers/dialog-context.js';

/**
 * A fresh tester pressed Enter at "Record this suspension?" in the terminal and got every check
 * again (about 850 words). A blank there is asked again briefly, saying what to type; the checks
 * were shown just above. Nothing is saved until "yes".
 */

async function world() {
  const w = await testWorld();
  await w.cases.create(SENDCO, { pupilRef: '4021', initials: 'AB', yearGroup: 8, flags: { senSupport: false, ehcp: false, lookedAfter: true, previouslyLookedAfter: false, socialWorker: false }, currentStep: 3, riskOfPermanentExclusion: false });
  const exclusions = async () => (await w.repo.listBySchool('oak-primary'))[0]!.exclusions;
  return { bot: chatter(w.ctxFor(SENDCO)), exclusions };
}

describe('a blank answer at "Record this suspension?"', () => {
  it('asks again in two lines, saying to type yes or no, without the checks; yes then saves it', async () => {
    const { bot, exclusions } = await world();
    const asked = await bot.script(['exclusion', '4021', 'suspension', '23/11/2026', '3', 'Threw a chair at a member of staff']);
    expect(asked).toContain('speak to the Virtual School');
    expect(asked).toMatch(/^\? Record this 3-day suspension, having read the above\? \(yes\/no\)$/m);

    const again = await bot.say('');
    expect(again.trim().split('\n')).toEqual(['I need an answer to this one. Type "yes" or "no" (what to read first is above).', '? Record this 3-day suspension, having read the above? (yes/no)']);
    expect(await exclusions()).toHaveLength(0);

    expect(await bot.say('yes')).toContain('3-day suspension recorded');
    expect(await exclusions()).toHaveLength(1);
  });

  it('a word that is not yes or no is asked again briefly too, and the checks stay shown on the first asking of a new suspension', async () => {
    const { bot } = await world();
    await bot.script(['exclusion', '4021', 'suspension', '23/11/2026', '3', 'Threw a chair at a member of staff']);
    const again = await bot.say('perhaps');
    expect(again).not.toContain('Virtual School');
    expect(again).toContain('Type "yes" or "no"');
    await bot.say('no');
    const fresh = await bot.script(['exclusion', '4021', 'suspension', '30/11/2026', '2', 'Swore at a teacher']);
    expect(fresh).toContain('speak to the Virtual School');
  });
});
