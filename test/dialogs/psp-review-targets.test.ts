import { describe, expect, it } from 'vitest';
import { psp } from '../core/reminders/plans.js';
import { chatter, SENDCO, testWorld } from '../helpers/dialog-context.js';
import { makeCase } from '../helpers/make-case.js';

/** Issue 11: a PSP's targets, amended at a review, keep the limit a PSP is written with. */

async function pspAt4021() {
  const w = await testWorld();
  await w.repo.save(makeCase({ pupilRef: '4021', psps: [psp('2026-11-03')] }), undefined);
  return { w, bot: chatter(w.ctxFor(SENDCO)) };
}

describe('amending a PSP’s targets at a review', () => {
  it('six targets are refused as a PSP holds five, and the typed targets come back to copy', async () => {
    const { w, bot } = await pspAt4021();
    const reply = await bot.script(['review 4021', 'today', 'no', '']);
    expect(reply).toContain('Amend the targets? Type them (up to 5)');
    const six = 'One; Two; Three; Four; Five; Six';
    const refused = await bot.say(six);
    expect(refused).toContain('Please give at most 5 items; you gave 6.');
    expect(refused).toContain(six);
    await bot.say('One; Two; Three; Four; Five');
    const [c] = await w.repo.listBySchool('oak-primary');
    expect(c!.psps[0]!.reviews.at(-1)?.targets).toEqual(['One', 'Two', 'Three', 'Four', 'Five']);
  });
});
