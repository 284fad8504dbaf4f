import { describe, expect, it } from 'vitest';
import { chatter, SENDCO, testWorld } from '../helpers/dialog-context.js';

/**
 * Issue 11, fresh tester: "from Saturday" read as last Saturday, where "from Monday" is the next
 * Monday. On Tuesday 1 December 2026 "from Saturday" is Sat 5 Dec, and a suspension starting then
 * is queried, since a weekend is not a school day.
 */
async function onTuesday() {
  const w = await testWorld();
  await w.cases.create(SENDCO, { pupilRef: '4021', initials: 'AB', yearGroup: 8, flags: { senSupport: false, ehcp: false, lookedAfter: false, previouslyLookedAfter: false, socialWorker: false }, currentStep: 3, riskOfPermanentExclusion: false });
  const tuesday = new Date('2026-12-01T10:00:00Z');
  const bot = chatter({ ...w.ctxFor(SENDCO), now: () => tuesday, today: () => '2026-12-01' });
  const pupil = async () => (await w.repo.listBySchool('oak-primary'))[0]!;
  return { bot, pupil };
}

describe('a weekend day named as a start', () => {
  it('"from Saturday" as a part-time timetable’s start is the coming Saturday, said so', async () => {
    const { bot, pupil } = await onTuesday();
    await bot.script(['update 4021', 'part-time timetable']);
    const read = await bot.say('from Saturday');
    expect(read).toContain('Took “from Saturday” as Sat 5 Dec 2026.');
    await bot.script(['18/12/2026', '10', '', 'Phased return']);
    expect((await pupil()).facts.at(-1)).toMatchObject({ fact: 'part-time-timetable', on: '2026-12-05' });
  });

  it('"from Saturday" as a suspension’s first day is queried: not a school day, with the next one', async () => {
    const { bot, pupil } = await onTuesday();
    const asked = await bot.script(['exclusion', '4021', 'suspension', 'from Saturday']);
    expect(asked).toContain('Sat 5 Dec 2026 is not a school day (weekend).');
    expect(asked).toContain('the first one after it is Mon 7 Dec 2026');
    expect(asked).toMatch(/^\? First day of the exclusion\?/m);
    expect((await pupil()).exclusions).toEqual([]);
  });

  it('a past start can still be typed: "last Saturday" is 28 Nov', async () => {
    const { bot } = await onTuesday();
    await bot.script(['update 4021', 'part-time timetable']);
    expect(await bot.say('last Saturday')).toMatch(/^\? .*(end|until)/im);
  });
});
