import { describe, expect, it } from 'vitest';
import { psp, review } from '../core/reminders/plans.js';
import { chatter, SENDCO, testWorld } from '../helpers/dialog-context.js';
import { makeCase } from '../helpers/make-case.js';

/**
 * Issue 11: a PSP is reviewed every 3–4 weeks (003), so a review fewer than 10 school days after the
 * PSP began or its last review is queried: it would count towards "two reviews without impact".
 * Today is Friday 20 November 2026; no term dates, so school days are weekdays.
 */
async function pspFrom(startDate: string, reviews: ReturnType<typeof review>[] = []) {
  const w = await testWorld();
  await w.repo.save(makeCase({ pupilRef: '4021', psps: [psp(startDate, { reviews })] }), undefined);
  const pupil = async () => (await w.repo.listBySchool('oak-primary'))[0]!;
  return { bot: chatter(w.ctxFor(SENDCO)), pupil };
}

describe('a PSP review held too soon', () => {
  it('a PSP started today and reviewed today is queried; "no" saves nothing and says how to change the date', async () => {
    const { bot, pupil } = await pspFrom('2026-11-20');
    const asked = await bot.script(['review 4021', 'today']);
    expect(asked).toContain('This review is 0 school days after the PSP started (Fri 20 Nov 2026): too soon to show impact; even so?');
    expect(await bot.say('no')).toContain('Then type "back" to give another review date');
    await bot.say('cancel');
    expect((await pupil()).psps[0]!.reviews).toHaveLength(0);
  });

  it('a review 4 school days after the previous one is queried; "yes" saves it', async () => {
    const { bot, pupil } = await pspFrom('2026-10-19', [review('2026-11-16', false)]);
    expect(await bot.script(['review 4021', 'today'])).toContain('4 school days after the previous review (Mon 16 Nov 2026): too soon to show impact; even so?');
    await bot.say('yes');
    await bot.answerUntil('Stay in lessons');
    expect((await pupil()).psps[0]!.reviews.map((r) => r.date)).toEqual(['2026-11-16', '2026-11-20']);
  });

  it('a review 3 weeks after the PSP started is not queried', async () => {
    const { bot } = await pspFrom('2026-10-30');
    const asked = await bot.script(['review 4021', 'today']);
    expect(asked).not.toContain('too soon');
    expect(asked).toContain('Has the plan brought positive change');
  });
});
