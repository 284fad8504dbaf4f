import { describe, expect, it } from 'vitest';
import { pupilFacts } from '../../src/core/facts/pupil-facts.js';
import { chatter, NEW_PUPIL, SENDCO, testWorld } from '../helpers/dialog-context.js';

/**
 * Issue 11, fresh tester: an EHCP issued before the EHC needs assessment it settles was requested was
 * accepted. It is asked again, naming the request's date, and the answers typed so far are kept.
 * Today is Friday 20 November 2026.
 */
describe('an EHCP issued', () => {
  it('dated before its EHC needs assessment request is asked again, saying the request date; a later date is saved', async () => {
    const w = await testWorld();
    const bot = chatter(w.ctxFor(SENDCO));
    await bot.script(NEW_PUPIL);
    await bot.script(['update 4021', 'EHC needs assessment', '19/10/2026', '']);
    await bot.script(['update 4021', 'ehcp', 'ehcp']);
    const refused = await bot.say('1/10/2026');
    expect(refused).toContain('The EHCP is dated Thu 1 Oct 2026, before the EHC needs assessment was requested on Mon 19 Oct 2026. An EHCP is issued after the request: please type a date on or after Mon 19 Oct 2026.');
    expect(refused).toContain('? When was the EHCP issued?');
    expect(await bot.say('13/11/2026')).toContain('? Why, or anything to note?');
    expect(await bot.say('Plan issued by the LA')).toContain('EHCP issued on Fri 13 Nov 2026');
    const c = (await w.repo.listBySchool('oak-primary'))[0]!;
    expect(pupilFacts(c)).toMatchObject({ ehcpIssuedOn: '2026-11-13', flags: { ehcp: true } });
    expect(c.facts.map((e) => e.fact)).toEqual(['ehc-assessment', 'send']);
  });
});
