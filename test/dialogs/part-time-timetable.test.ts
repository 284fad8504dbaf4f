import { describe, expect, it } from 'vitest';
import { pupilFacts } from '../../src/core/facts/pupil-facts.js';
import { dueItems } from '../../src/core/reminders/due-items.js';
import { recipientsFor } from '../../src/core/reminders/recipients.js';
import { exampleTerms } from '../core/reminders/plans.js';
import { chatter, NEW_PUPIL, SENDCO, testWorld } from '../helpers/dialog-context.js';

/**
 * Issue 11, fresh tester: a part-time timetable (003 Hackney; 000 and the DfE: temporary, agreed with
 * parents, the LA told) is fewer hours than a full week, ends on a school day, and "what next" and
 * "my reviews" say to tell the LA and when it ends. Today is Friday 20 November 2026; the example
 * term dates have the autumn term end on Fri 18 Dec 2026 and the spring term start on Tue 5 Jan 2027.
 */
async function world() {
  const w = await testWorld({ calendar: await exampleTerms() });
  const bot = chatter(w.ctxFor(SENDCO));
  await bot.script(NEW_PUPIL);
  const pupil = async () => (await w.repo.listBySchool('oak-primary'))[0]!;
  return { w, bot, pupil };
}

describe('recording a part-time timetable', () => {
  it('refuses a full week of hours or more, saying the pack’s full week, and keeps the dates already typed', async () => {
    const { bot, pupil } = await world();
    await bot.script(['update 4021', 'part-time timetable', '16/11/2026', '11/12/2026']);
    const refused = await bot.say('35');
    expect(refused).toContain('35 hours a week is not part time: a full school week is 32.5 hours.');
    expect(refused).toContain('? How many hours a week will the pupil be in school?');
    expect(await bot.say('32.5')).toContain('fewer than 32.5');
    expect(await bot.say('15')).toContain('? When was the LA told?');
    await bot.script(['', '']);
    expect(pupilFacts(await pupil()).partTimeTimetable).toEqual({ startDate: '2026-11-16', endDate: '2026-12-11', hoursPerWeek: 15 });
  });

  it('each refusal of the hours names the bounds it applied: 0.5 to under the pack’s 32.5, never “1 to 40” (fresh tester, issue 11)', async () => {
    const { bot } = await world();
    await bot.script(['update 4021', 'part-time timetable', '16/11/2026', '11/12/2026']);
    expect(await bot.say('40 h')).toContain('40 hours a week is not part time: a full school week is 32.5 hours.');
    for (const typed of ['0.25', 'lots', '100']) {
      const refused = await bot.say(typed);
      expect(refused).not.toContain('1 to 40');
      expect(refused).toMatch(/fewer than 32\.5/);
    }
    expect(await bot.say('0.5')).toContain('? When was the LA told?');
  });

  it('queries a planned end at a weekend or in the holidays, naming the next school day', async () => {
    const { bot, pupil } = await world();
    await bot.script(['update 4021', 'part-time timetable', '16/11/2026']);
    expect(await bot.say('5/12/2026')).toContain('Sat 5 Dec 2026 is not a school day (weekend), so it cannot be the planned end. Please type a school day: the first one after it is Mon 7 Dec 2026.');
    expect(await bot.say('23/12/2026')).toContain('Wed 23 Dec 2026 is not a school day (school holiday), so it cannot be the planned end. Please type a school day: the first one after it is Tue 5 Jan 2027.');
    expect(await bot.say('18/12/2026')).toContain('? How many hours a week');
    await bot.script(['15', '', '']);
    expect(pupilFacts(await pupil()).partTimeTimetable?.endDate).toBe('2026-12-18');
  });
});

describe('a pupil on a part-time timetable', () => {
  it('what next and my reviews say to tell the LA and when it ends; once told, they say so', async () => {
    const { w, bot } = await world();
    await bot.script(['update 4021', 'part-time timetable', '16/11/2026', '11/12/2026', '15', '', '']);
    const next = await bot.script(['what next for 4021', 'no', 'no', '']);
    expect(next).toContain('Why: on a part-time timetable that the LA has not been told about: tell the LA now. It is planned to end on Fri 11 Dec 2026: review it by then.');
    const reviews = await bot.say('my reviews');
    expect(reviews).toContain('== Part-time timetables ==');
    expect(reviews).toContain('1 part-time timetable the LA has not been told about.');
    expect(reviews).toContain('- AB (ref 4021): part-time timetable until Fri 11 Dec 2026: review it by then; the LA not yet told: tell the LA now');

    await bot.script(['update 4021', 'ptt', 'its details change', '16/11/2026', '11/12/2026', '15', '18/11/2026', '']);
    const told = await bot.say('my reviews');
    expect(told).toContain('- AB (ref 4021): part-time timetable until Fri 11 Dec 2026: review it by then; the LA told on Wed 18 Nov 2026');
    expect(told).not.toContain('has not been told');
    // Past its planned end with no end recorded: asked to record it.
    const later = chatter({ ...w.ctxFor(SENDCO), today: () => '2026-12-14' });
    expect(await later.say('my reviews')).toContain('- AB (ref 4021): part-time timetable planned to end Fri 11 Dec 2026, and no end recorded: record its end or a new end date with "update 4021"; the LA told on Wed 18 Nov 2026');
  });
});

describe('updating a part-time timetable on record (fresh SENDCo tester, issue 11 item 1)', () => {
  it('"the LA has now been told" offers each value on record as the blank answer, and a blank changes none of them', async () => {
    const { bot, pupil } = await world();
    await bot.script(['update 4021', 'part-time timetable', '16/11/2026', '11/12/2026', '15', '', '']);
    await bot.script(['update 4021', 'ptt']);
    const start = await bot.say('its details change');
    expect(start).toContain('? When does (or did) the part-time timetable start?');
    expect(start).toContain('Mon 16 Nov 2026 (as recorded)');
    expect(start).not.toContain('blank = today');
    expect(await bot.say('')).toContain('Fri 11 Dec 2026 (as recorded)');
    expect(await bot.say('')).toContain('15 (as recorded)');
    await bot.say('');
    await bot.script(['19/11/2026', '']);
    expect(pupilFacts(await pupil()).partTimeTimetable).toEqual({ startDate: '2026-11-16', endDate: '2026-12-11', hoursPerWeek: 15, laNotifiedOn: '2026-11-19' });
  });

  it('only what is typed changes: a new planned end keeps the start, hours and the day the LA was told', async () => {
    const { bot, pupil } = await world();
    await bot.script(['update 4021', 'part-time timetable', '16/11/2026', '11/12/2026', '15', '18/11/2026', '']);
    await bot.script(['update 4021', 'ptt', 'its details change', '', '18/12/2026', '', '', '']);
    expect(pupilFacts(await pupil()).partTimeTimetable).toEqual({ startDate: '2026-11-16', endDate: '2026-12-18', hoursPerWeek: 15, laNotifiedOn: '2026-11-18' });
  });

  it('when it ends, the day it ended is still today unless typed, not the start on record', async () => {
    const { bot, pupil } = await world();
    await bot.script(['update 4021', 'part-time timetable', '16/11/2026', '11/12/2026', '15', '', '']);
    expect(await bot.script(['update 4021', 'ptt', 'ended'])).toContain('today');
    await bot.script(['', '']);
    expect(pupilFacts(await pupil()).partTimeTimetable).toBeUndefined();
  });
});

describe('a long part-time timetable (tester, issue 11; seed 003: not a long-term solution)', () => {
  it('1 Dec 2026 to 1 Jul 2027 is warned about before saving and asked for a review date within 6 school weeks, which my reviews then gives', async () => {
    const { w, bot, pupil } = await world();
    await bot.script(['update 4021', 'part-time timetable', '1/12/2026']);
    const warned = await bot.say('1/7/2027');
    expect(warned).toMatch(/This part-time timetable runs \d+ school days, from Tue 1 Dec 2026 to Thu 1 Jul 2027: longer than 6 school weeks\. A part-time timetable must not be treated as a long-term solution \(.*Personalised Timetables\)/);
    expect(warned).toContain('? By when will it be reviewed? A school day from Tue 1 Dec 2026 to');
    // Past the six school weeks (the Christmas holiday does not count): asked again, the warning
    // not repeated under each refusal (fresh tester: it came back with every re-prompt).
    const again = await bot.say('1/3/2027');
    expect(again).toContain('within 6 school weeks of the start');
    expect(again).not.toContain('long-term solution');
    expect(await bot.say('soon')).not.toContain('long-term solution');
    expect(await bot.say('15/1/2027')).toContain('? How many hours a week');
    await bot.script(['15', '', '']);
    expect(pupilFacts(await pupil()).partTimeTimetable).toEqual({ startDate: '2026-12-01', endDate: '2027-07-01', hoursPerWeek: 15, reviewDate: '2027-01-15' });
    expect(await bot.say('my reviews')).toContain('part-time timetable planned from Tue 1 Dec 2026 to Thu 1 Jul 2027: review it by Fri 15 Jan 2027');
    // While it runs, "what next" gives that review date too, not the end (fresh tester, 1 Dec: it said "review it by then").
    const running = chatter({ ...w.ctxFor(SENDCO), today: () => '2026-12-02' });
    expect(await running.script(['what next for 4021', 'no', 'no', ''])).toContain('It is planned to end on Thu 1 Jul 2027: review it by Fri 15 Jan 2027.');
  });

  it('one of 4 school weeks is not warned about', async () => {
    const { bot } = await world();
    await bot.script(['update 4021', 'part-time timetable', '16/11/2026']);
    const next = await bot.say('11/12/2026');
    expect(next).not.toContain('long-term solution');
    expect(next).toContain('? How many hours a week');
  });
});

describe('a part-time timetable’s review date among the dated reminders (fresh SENDCo tester, issue 11)', () => {
  it('is a due item for the reminders, a deadline in my reviews and on the pupil page, and goes once the timetable ends', async () => {
    const { w, bot } = await world();
    await bot.script(['update 4021', 'part-time timetable', '1/12/2026', '1/7/2027', '15/1/2027', '15', '', '']);
    const ctx = w.ctxFor(SENDCO);
    const items = dueItems(await w.repo.listBySchool('oak-primary'), { pack: w.pack, calendar: ctx.calendar, today: '2026-11-20' });
    expect(items).toEqual([expect.objectContaining({ kind: 'ptt-review', dueDate: '2027-01-15', title: 'Part-time timetable review for AB (ref 4021)', command: 'update 4021' })]);
    // The reminder goes to the SENDCos.
    expect(recipientsFor(items[0]!, () => ['sendco-1'])).toEqual(['sendco-1']);

    const reviews = await bot.say('my reviews');
    expect(reviews).not.toContain('No reviews or deadlines are due');
    expect(reviews).toContain('- AB (ref 4021): Part-time timetable review due in 56 days, Fri 15 Jan 2027');
    const page = await bot.say('pupil 4021');
    expect(page).toContain('Part-time timetable: Tue 1 Dec 2026 to Thu 1 Jul 2027 (planned); review by Fri 15 Jan 2027');
    expect(page).toContain('Part-time timetable review due Fri 15 Jan 2027');

    // Overdue once past, until the timetable is updated or ends.
    const late = chatter({ ...ctx, today: () => '2027-01-20' });
    expect(await late.say('my reviews')).toMatch(/Part-time timetable review OVERDUE by \d+ calendar days?, Fri 15 Jan 2027/);
    await late.script(['update 4021', 'ptt', 'ended', '20/1/2027', '']);
    expect(dueItems(await w.repo.listBySchool('oak-primary'), { pack: w.pack, calendar: ctx.calendar, today: '2027-01-20' })).toEqual([]);
  });
});
