import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadCalendarSettings } from '../../src/core/calendar/calendar-settings.js';
import { SchoolCalendar } from '../../src/core/calendar/school-calendar.js';
import { recognise } from '../../src/dialogs/intents.js';
import { chatter, SENDCO, testWorld } from '../helpers/dialog-context.js';

/**
 * Issue 11, tester items 3 and 4, in the terminal conversation (`converse`): a suspension said the
 * way staff say it starts the exclusion dialog with what was said filled in, every check still run;
 * dates that overlap a recorded suspension ask again for the first day (what clashed), naming the
 * dates, with the days kept. Today is Friday 20 November 2026, with the example term dates.
 */

const EXAMPLE = fileURLToPath(new URL('../../src/core/calendar/example-term-dates.json', import.meta.url));

async function world() {
  const w = await testWorld({ calendar: new SchoolCalendar(await loadCalendarSettings(EXAMPLE)) });
  await w.cases.create(SENDCO, { pupilRef: '4021', initials: 'AB', yearGroup: 8, flags: { senSupport: false, ehcp: false, lookedAfter: false, previouslyLookedAfter: false, socialWorker: false }, currentStep: 3, riskOfPermanentExclusion: false });
  const bot = chatter(w.ctxFor(SENDCO));
  const exclusions = async () => (await w.repo.listBySchool('oak-primary'))[0]!.exclusions;
  return { ...w, bot, exclusions };
}

describe('a suspension said the way staff say it', () => {
  it.each([
    ['suspend 4021', { kind: 'suspension' }],
    ['exclude 4021 for 3 days tomorrow', { kind: 'suspension', days: '3', startDate: 'tomorrow' }],
    ['4021 suspended for 2 days from Monday', { kind: 'suspension', days: '2', startDate: 'from Monday' }],
    ['4021 was suspended for 2 days on Mon 2 Nov 2026', { kind: 'suspension', days: '2', startDate: 'on Mon 2 Nov 2026' }],
    ['suspend 4021 from tomorrow for 2 days', { kind: 'suspension', days: '2', startDate: 'from tomorrow' }],
    ['a 3-day suspension for 4021 from 23/11', { kind: 'suspension', days: '3', startDate: 'from 23/11' }],
    ['permanently exclude 4021', { kind: 'permanent' }],
    ['4021 has been permanently excluded from today', { kind: 'permanent', startDate: 'from today' }],
  ])('“%s” opens the exclusion dialog for 4021 with %o filled in', (words, values) => {
    expect(recognise(words)).toMatchObject({ kind: 'dialog', dialogId: 'exclusion', initialText: '4021', values });
  });

  it.each(['He was suspended for 2 days', '4021 excluded for 2 days for fighting', 'exclude him for 2 days', '4021 permanently excluded for 3 days'])('“%s” is a note, not a command', (words) => {
    expect(recognise(words)).not.toMatchObject({ kind: 'dialog' });
  });

  it('"4021 suspended for 2 days from Monday" asks only the reason, then checks before saving: Mon 23 Nov 2026 for 2 days', async () => {
    const { bot, exclusions } = await world();
    const asked = await bot.say('4021 suspended for 2 days from Monday');
    expect(asked).toMatch(/^\? The reason, briefly \(no names\)\./m);
    expect(asked).not.toMatch(/^\? (First day|How many|Suspension or permanent)/m);
    // "from Monday" is shown as the days it was read as, before anything else is asked.
    expect(asked).toContain('Recording a suspension of 2 school days: Mon 23 Nov 2026 to Tue 24 Nov 2026.');
    const confirm = await bot.say('Threw a chair at a member of staff');
    expect(confirm).toContain('Record this 2-day suspension, having read the above?');
    await bot.say('yes');
    expect(await exclusions()).toMatchObject([{ kind: 'suspension', startDate: '2026-11-23', days: 2 }]);
  });

  it('"exclude 4021 for 3 days tomorrow" on a Friday: tomorrow is a Saturday, so the first day is asked again, saying the next school day', async () => {
    const { bot, exclusions } = await world();
    const asked = await bot.say('exclude 4021 for 3 days tomorrow');
    expect(asked).toContain('Sat 21 Nov 2026 is not a school day (weekend). An exclusion starts on a school day: the first one after it is Mon 23 Nov 2026.');
    expect(asked).toMatch(/^\? First day of the exclusion\?/m);
    // The days said with the command fill their question once the first day is right, not asked again.
    expect(await bot.say('Mon 23 Nov 2026')).toMatch(/^\? The reason, briefly/m);
    await bot.script(['Threw a chair at a member of staff', 'yes']);
    expect(await exclusions()).toMatchObject([{ startDate: '2026-11-23', days: 3 }]);
  });
});

describe('dates that overlap a recorded suspension', () => {
  it('ask again for the first day, naming the dates that clash, with the days kept; a first day after it saves', async () => {
    const { bot, exclusions } = await world();
    await bot.script(['exclusion', '4021', 'suspension', '23/11/2026', '3', 'Threw a chair at a member of staff', 'yes']);
    const reply = await bot.script(['exclusion', '4021', 'suspension', '19/11/2026', '4']);
    expect(reply).toContain('These dates overlap the 3-day suspension already recorded from Mon 23 Nov 2026 to Wed 25 Nov 2026: both would cover Mon 23 Nov 2026, Tue 24 Nov 2026.');
    expect(reply).toContain('Please give another first day, one after the suspension already recorded.');
    expect(reply).toMatch(/^\? First day of the exclusion\?/m);
    expect(reply).not.toMatch(/^\? How many school days\?/m);
    // Still clashing: asked again, the same way.
    expect(await bot.say('24/11/2026')).toMatch(/overlap the 3-day suspension[\s\S]*^\? First day of the exclusion\?/m);
    // The 4 days were kept: the reason comes next.
    expect(await bot.say('Thu 26 Nov 2026')).toMatch(/^\? The reason, briefly/m);
    await bot.script(['Swore at staff on the corridor', 'yes']);
    expect((await exclusions()).map((x) => [x.startDate, x.days])).toEqual([['2026-11-23', 3], ['2026-11-26', 4]]);
  });
});

describe('past the 45-day limit, the refusal says what to type', () => {
  it('with days left: how many may still be given; with none: "back" to change the first day, or "cancel"', async () => {
    const { bot, exclusions } = await world();
    await bot.script(['exclusion', '4021', 'suspension', '14/09/2026', '40', 'Assault on a member of staff', 'yes']);
    const over = await bot.script(['exclusion', '4021', 'suspension', '30/11/2026', '8']);
    expect(over).toContain('Type a number of days up to 5, or "cancel".');
    expect(over).toMatch(/^\? How many school days\?/m);
    await bot.script(['5', 'Swore at staff', 'yes']);
    expect((await exclusions()).map((x) => x.days)).toEqual([40, 5]);
    const none = await bot.script(['exclusion', '4021', 'suspension', '23/11/2026', '1']);
    expect(none).toContain('no further suspension can be given in this school year');
    expect(none).toContain('If the first day is wrong, type "back" to change it; otherwise type "cancel": nothing can be recorded.');
    expect(await bot.say('back')).toMatch(/^\? First day of the exclusion\?/m);
  });
});
