import { describe, expect, it } from 'vitest';
import { pupilFacts } from '../../src/core/facts/pupil-facts.js';
import { chatter, NEW_PUPIL, SENDCO, testWorld } from '../helpers/dialog-context.js';

/**
 * Issue 11, fresh tester: an update dated earlier than one already recorded for the same fact was
 * saved without a word, and the later-dated one silently stayed in force (reading by date is right).
 * The save now says which entry stands, and the pupil's page says which entry each fact comes from.
 * Today is Friday 20 November 2026.
 */
describe('an update dated before one already recorded for the same fact', () => {
  it('says on save that the later-dated update stands, and the pupil page shows the date each fact comes from', async () => {
    const w = await testWorld();
    const bot = chatter(w.ctxFor(SENDCO));
    await bot.script(NEW_PUPIL);
    const first = await bot.script(['update 4021', 'at risk', 'yes', '18/11/2026', '']);
    expect(first).not.toContain('that one stands');

    const saved = await bot.script(['update 4021', 'at risk', 'no', '10/11/2026', 'Risk reviewed at the PSP meeting']);
    expect(saved).toContain('AB (ref 4021, Year 8): no longer at risk of permanent exclusion from Tue 10 Nov 2026.');
    expect(saved).toContain('An update dated Wed 18 Nov 2026 says at risk of permanent exclusion; that one stands, since it is later.');
    const c = (await w.repo.listBySchool('oak-primary'))[0]!;
    expect(pupilFacts(c).riskOfPermanentExclusion).toBe(true);

    const page = await bot.say('pupil 4021');
    expect(page).toContain('As the chronology has it: at risk of permanent exclusion from Wed 18 Nov 2026.');
  });
});
