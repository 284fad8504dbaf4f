import { describe, expect, it } from 'vitest';
import { recordExclusion } from '../../src/core/plans/plan-changes.js';
import { exampleTerms } from '../core/reminders/plans.js';
import { chatter, SENDCO, testWorld } from '../helpers/dialog-context.js';

/**
 * Fresh testers (issue 11/12), a suspension typed in one line: when its date was refused, "40 days
 * from 4/1/27" lost the 40 (asked again after the new date), and "from Saturday" named Mon 23 Nov as
 * the first school day but a blank answer then took today. Today is Friday 20 November 2026, with the
 * example term dates (autumn term to Fri 18 Dec).
 */
async function world() {
  const w = await testWorld({ calendar: await exampleTerms() });
  await w.cases.create(SENDCO, { pupilRef: '4021', initials: 'AB', yearGroup: 8, flags: { senSupport: false, ehcp: false, lookedAfter: false, previouslyLookedAfter: false, socialWorker: false }, currentStep: 3, riskOfPermanentExclusion: false });
  const bot = chatter(w.ctxFor(SENDCO));
  const exclusions = async () => (await w.repo.listBySchool('oak-primary'))[0]!.exclusions;
  return { bot, exclusions };
}

describe('a one-line suspension whose date is refused', () => {
  it('keeps the days typed with it: after another first day, the days are not asked again', async () => {
    const { bot, exclusions } = await world();
    const refused = await bot.say('suspend 4021 for 3 days from 4/1/27');
    expect(refused).toContain('The start date must be within 2 weeks of today');
    expect(refused).toMatch(/^\? First day of the exclusion\?/m);
    const next = await bot.say('23/11/2026');
    expect(next).not.toContain('? How many school days?');
    expect(next).toContain('Recording a suspension of 3 school days: Mon 23 Nov 2026 to Wed 25 Nov 2026.');
    await bot.script(['Threw a chair at a member of staff', 'yes']);
    expect(await exclusions()).toMatchObject([{ startDate: '2026-11-23', days: 3 }]);
  });

  it('"back" after the refusal lets go of them: the days are asked', async () => {
    const { bot } = await world();
    await bot.say('suspend 4021 for 3 days from 4/1/27');
    await bot.say('back');
    await bot.say('suspension');
    expect(await bot.say('23/11/2026')).toContain('? How many school days?');
  });

  it('a weekend first day names the next school day, and a blank answer takes that day, not today', async () => {
    const { bot, exclusions } = await world();
    const refused = await bot.say('suspend 4021 for 2 days from Saturday');
    expect(refused).toContain('Sat 21 Nov 2026 is not a school day (weekend). An exclusion starts on a school day: the first one after it is Mon 23 Nov 2026.');
    expect(refused).toContain('? First day of the exclusion? [blank = Mon 23 Nov 2026]');
    // Asked again after "help", the question still offers that day.
    expect(await bot.say('help')).toContain('? First day of the exclusion? [blank = Mon 23 Nov 2026]');
    expect(await bot.say('')).toContain('Recording a suspension of 2 school days: Mon 23 Nov 2026 to Tue 24 Nov 2026.');
    await bot.script(['Threw a chair at a member of staff', 'yes']);
    expect(await exclusions()).toMatchObject([{ startDate: '2026-11-23', days: 2 }]);
  });
});

describe('the 45-day limit and overlaps, when a question is asked again, say why (fresh tester, issue 11/12)', () => {
  it('more days than the yearly limit in one go are refused naming the limit and the law, not only a range', async () => {
    const { bot } = await world();
    const refused = await bot.say('suspend 4021 for 50 days from 23/11/2026');
    expect(refused).toMatch(/A pupil can be suspended for no more than 45 school days in a school year \(Worcestershire: .*\), so one suspension cannot be longer\. Please type a number of days from 1 to 45\./);
    expect(refused).toMatch(/^\? How many school days\?/m);
  });

  it('a new first day, after an overlap, that takes last school year past 45 days is refused saying so, not at the save', async () => {
    const w = await testWorld();
    const c = await w.cases.create(SENDCO, { pupilRef: '4021', initials: 'AB', yearGroup: 8, flags: { senSupport: false, ehcp: false, lookedAfter: false, previouslyLookedAfter: false, socialWorker: false }, currentStep: 3, riskOfPermanentExclusion: false });
    const ref = { schoolId: c.schoolId, id: c.id };
    await w.cases.change(SENDCO, ref, 'exclusion.suspension', (x, cc) => recordExclusion(x, { kind: 'suspension', startDate: '2026-01-05', days: 44, reason: 'Assault' }, cc));
    await w.cases.change(SENDCO, ref, 'exclusion.suspension', (x, cc) => recordExclusion(x, { kind: 'suspension', startDate: '2026-11-16', days: 2, reason: 'Assault' }, cc));
    const bot = chatter(w.ctxFor(SENDCO));
    expect(await bot.say('suspend 4021 for 2 days from 17/11/2026')).toContain('These dates overlap the 2-day suspension already recorded');
    const refused = await bot.say('20/7/2026');
    expect(refused).toContain('This would make 46 school days of suspension in the 2025/26 school year, and the law allows no more than 45');
    expect(refused).toContain('Please give a first day in another school year, or type "back" to change the number of days.');
    expect(refused).toMatch(/^\? First day of the exclusion\?/m);
  });
});
