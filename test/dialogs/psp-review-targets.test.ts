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

describe('the targets as they stand are what the record shows', () => {
  it('after a review amends them, the PSP, the review and the pupil summary show the amended targets and when', async () => {
    const { w, bot } = await pspAt4021();
    // Each review is under 10 school days after the last (or the start): queried as too soon, and held even so.
    await bot.script(['review 4021', '13/11/2026', 'yes', 'yes', '']);
    await bot.say('Stay in lessons; Use the time-out card; Hand in homework');
    await bot.script(['review 4021', 'today', 'yes', 'yes', '', '']);
    const [c] = await w.repo.listBySchool('oak-primary');
    expect(c!.psps[0]!.reviews.map((r) => r.targets)).toEqual([['Stay in lessons', 'Use the time-out card', 'Hand in homework'], undefined]);

    const plan = await bot.say('show psp 1 for 4021');
    expect(plan).toContain('Targets (amended at review 1 on Fri 13 Nov 2026)');
    expect(plan).toContain('Use the time-out card');
    expect(plan).toContain('Targets at the start');

    const review = await bot.say('show review 1 for 4021');
    expect(review).toContain('Targets amended at this review');
    expect(review).toContain('Hand in homework');
    expect(await bot.say('show review 2 for 4021')).not.toContain('Targets amended');

    const summary = await bot.say('pupil 4021');
    expect(summary).toContain('3 targets (amended at review 1 on Fri 13 Nov 2026)');
  });
});
