import { describe, expect, it } from 'vitest';
import { chatter, NEW_PUPIL, SENDCO, testWorld } from '../helpers/dialog-context.js';

/**
 * Naming the provision a referral asks for is not a worry (issue 11, fresh tester): "EHCP for SEMH"
 * or "Alternative provision place" as the support requested raised the "cannot meet the pupil's
 * needs" warning, read by the learned reader from service names alone.
 */
describe('a referral that asks for a provision by name', () => {
  for (const asked of ['EHCP for SEMH', 'Alternative provision place']) {
    it(`"${asked}" as the support requested raises no warning, and is saved as typed`, async () => {
      const w = await testWorld();
      const bot = chatter(w.ctxFor(SENDCO));
      await bot.script(NEW_PUPIL);
      await bot.script(['refer', '4021', 'inclusion team', 'yes']);
      const done = await bot.answerUntil(asked, (r) => r.includes('Referral of') || /reads like|tell the DSL/.test(r));
      expect(done).not.toMatch(/reads like|cannot meet|tell the DSL/);
      expect(done).toContain('Referral of AB (ref 4021, Year 8)');
      const [c] = await w.repo.listBySchool('oak-primary');
      expect(c!.referrals[0]!.fields.supportRequested).toBe(asked);
    });
  }

  it('still warns when the same form says the school cannot meet the pupil’s needs', async () => {
    const w = await testWorld();
    const bot = chatter(w.ctxFor(SENDCO));
    await bot.script(NEW_PUPIL);
    await bot.script(['refer', '4021', 'inclusion team', 'yes']);
    const warned = await bot.answerUntil('we can’t meet his needs so he will be excluded until an EHCP for SEMH comes through', (r) => /reads like/.test(r));
    expect(warned).toMatch(/reads like/);
  });
});
