import { describe, expect, it } from 'vitest';
import { chatter, SENDCO, testWorld } from '../helpers/dialog-context.js';

/**
 * Two fresh testers (1 Dec) typed a child's full name into a suspension's reason and a PCP line; both
 * were kept, and the reason came back in a referral the LA reads. Text that seems to name someone is
 * handed back to be changed to initials; the other answers are kept. Today is Friday 20 November 2026.
 */
describe('a name typed into a reason is handed back, not kept', () => {
  it('the suspension’s reason naming a pupil is asked again with the words shown; dates and days kept; initials are saved', async () => {
    const w = await testWorld();
    await w.cases.create(SENDCO, { pupilRef: '4021', initials: 'AB', yearGroup: 8, flags: { senSupport: false, ehcp: false, lookedAfter: false, previouslyLookedAfter: false, socialWorker: false }, currentStep: 3, riskOfPermanentExclusion: false });
    const bot = chatter(w.ctxFor(SENDCO));
    await bot.script(['exclusion', '4021', 'suspension', '16/11/2026', '2']);
    const again = await bot.say('Hit Tia Brown in the corridor');
    expect(again).toContain('That seems to name someone (“Tia”). Only initials are kept, never names');
    expect(again).toMatch(/^\? The reason, briefly/m);
    await bot.say('Hit T.B. in the corridor');
    await bot.say('yes');
    const [c] = await w.repo.listBySchool('oak-primary');
    expect(c!.exclusions).toEqual([expect.objectContaining({ startDate: '2026-11-16', days: 2, reason: 'Hit T.B. in the corridor' })]);
    expect(JSON.stringify(c)).not.toContain('Tia');
  });
});
