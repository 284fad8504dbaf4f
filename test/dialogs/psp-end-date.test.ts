import { describe, expect, it } from 'vitest';
import { chatter, NEW_PUPIL, SENDCO, testWorld } from '../helpers/dialog-context.js';

/**
 * Fresh testers (issue 11/12): a PSP's end date of "2 Nov 2026", already past, was taken, and so was
 * one before the PSP's first review. The end date is when the PSP is expected to end (forms.json psp,
 * 003: time-limited, reviewed every three to four weeks). Today is Friday 20 November 2026; no term
 * dates, so only weekends and bank holidays are not school days.
 */
async function atEndDate(start: string, lastReview?: string) {
  const w = await testWorld();
  const bot = chatter(w.ctxFor(SENDCO));
  await bot.script(NEW_PUPIL);
  await bot.script(['psp', '4021', 'Stay in lessons', 'me', start, '', ...(lastReview === undefined ? [] : [lastReview])]);
  return { w, bot };
}

describe('a PSP’s end date', () => {
  it('a day already past is refused, saying why and what to do if the PSP has ended; the other answers are kept', async () => {
    // Begun 5 Oct and not reviewed yet (blank), so its first review, 26 Oct, is past as well.
    const { w, bot } = await atEndDate('2026-10-05', '');
    const refused = await bot.say('2 Nov 2026');
    expect(refused).toContain('The end date (Mon 2 Nov 2026) has already passed. It is the day you expect the PSP to end: please type today or a later date.');
    expect(refused).toContain('? End date');
    expect(await bot.say('in 26 weeks')).not.toContain('End date');
    await bot.answerUntil('Weekly check-in');
    const [c] = await w.repo.listBySchool('oak-primary');
    expect(c!.psps).toEqual([expect.objectContaining({ startDate: '2026-10-05' })]);
  });

  it('a day before the first review is refused, naming the review’s date; that day itself is taken', async () => {
    const { bot } = await atEndDate('2026-11-23');
    const refused = await bot.say('2/12/2026');
    expect(refused).toContain('The end date (Wed 2 Dec 2026) is before the PSP’s first review, due Mon 14 Dec 2026.');
    expect(refused).toContain('please type a date on or after Mon 14 Dec 2026');
    expect(await bot.say('14/12/2026')).not.toContain('? End date');
  });

  it('for a PSP reviewed before it was recorded, the next review counts from that one', async () => {
    const { bot } = await atEndDate('2026-06-08', '2026-11-11');
    expect(await bot.say('27/11/2026')).toContain('is before the PSP’s next review, due Wed 2 Dec 2026');
    expect(await bot.say('2/12/2026')).not.toContain('? End date');
  });
});
