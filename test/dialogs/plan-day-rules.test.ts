import { describe, expect, it } from 'vitest';
import { pcp, psp } from '../core/reminders/plans.js';
import { chatter, SENDCO, testWorld } from '../helpers/dialog-context.js';
import { makeCase } from '../helpers/make-case.js';

/**
 * Issue 11.2: a plan's review, start and end are on school days and never before the plan's own
 * date (forms.json date rules). Today in the test world is Fri 20 Nov 2026; 14–15 Nov is a weekend.
 */

async function withPlans(plans: Parameters<typeof makeCase>[0]) {
  const w = await testWorld();
  await w.repo.save(makeCase({ pupilRef: '4021', ...plans }), undefined);
  return { w, bot: chatter(w.ctxFor(SENDCO)) };
}

describe('plan review dates', () => {
  it('a PCP review on a Sunday, or before the plan’s date, is refused and the right day is accepted', async () => {
    const { bot } = await withPlans({ pcps: [pcp('2026-12-18', { fields: { planDate: '2026-11-10' } })] });
    await bot.script(['review 4021']);
    expect(await bot.say('15/11/2026')).toMatch(/Sun 15 Nov 2026 is not a school day \(.*\), so it cannot be the review date\./);
    expect(await bot.say('9/11/2026')).toContain('The review date (Mon 9 Nov 2026) is before the plan’s date (Tue 10 Nov 2026); it cannot come before it.');
    expect(await bot.say('18/11/2026')).toContain('Has the plan brought positive change');
  });

  it('a PCP dated in the future cannot be reviewed today', async () => {
    const { bot } = await withPlans({ pcps: [pcp('2026-12-18', { fields: { planDate: '2026-11-24' } })] });
    await bot.script(['review 4021']);
    expect(await bot.say('today')).toContain('is before the plan’s date (Tue 24 Nov 2026)');
  });

  it('a PSP review on a Saturday, or before the PSP started, is refused', async () => {
    const { bot } = await withPlans({ psps: [psp('2026-11-03')] });
    await bot.script(['review 4021']);
    expect(await bot.say('14/11/2026')).toContain('Sat 14 Nov 2026 is not a school day');
    expect(await bot.say('2/11/2026')).toContain('is before the PSP’s start date (Tue 3 Nov 2026)');
    // Accepted: the next question is the query for a review 8 school days after the start.
    expect(await bot.say('13/11/2026')).toContain('too soon to show impact; even so?');
  });
});

describe('plan start and end dates', () => {
  it('a PSP starting on a Saturday is refused', async () => {
    const { bot } = await withPlans({});
    const reply = await bot.script(['psp', '4021', 'Stay in lessons', 'me', '21/11/2026']);
    expect(reply).toContain('Sat 21 Nov 2026 is not a school day');
    expect(await bot.say('23/11/2026')).not.toContain('not a school day');
  });

  it('a PSP end date on a bank holiday is asked again, naming the next school day (issue 11; 28 Dec is a bank holiday too)', async () => {
    const { bot } = await withPlans({});
    await bot.script(['psp', '4021', 'Stay in lessons', 'me', '23/11/2026', '']);
    const asked = await bot.say('25/12/2026');
    expect(asked).toContain('Fri 25 Dec 2026 is not a school day');
    expect(asked).toContain('Please type a school day: the first one after it is Tue 29 Dec 2026');
  });

  it('a plan closed on a weekend is refused', async () => {
    const { bot } = await withPlans({ psps: [psp('2026-11-03')] });
    let reply = await bot.say('close plan 4021');
    for (let i = 0; i < 5 && !reply.includes('When did it end?'); i++) reply = await bot.say('1');
    expect(reply).toContain('When did it end?');
    expect(await bot.say('15/11/2026')).toContain('Sun 15 Nov 2026 is not a school day');
  });
});
