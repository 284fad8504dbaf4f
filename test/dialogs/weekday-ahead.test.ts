import { describe, expect, it } from 'vitest';
import { dateWithin } from '../../src/dialogs/parse.js';
import { chatter, SENDCO, testWorld } from '../helpers/dialog-context.js';

/**
 * Issue 11, fresh tester item 1: "from Monday" typed on a Tuesday was read as the Monday just gone.
 * A suspension's first day or a plan's start typed as a weekday is the next such day, and the bot
 * says which date it took. Today here is Tuesday 24 November 2026 (no term dates).
 */

const TUESDAY = '2026-11-24';

async function world() {
  const w = await testWorld();
  await w.cases.create(SENDCO, { pupilRef: '4021', initials: 'AB', yearGroup: 8, flags: { senSupport: false, ehcp: false, lookedAfter: false, previouslyLookedAfter: false, socialWorker: false }, currentStep: 3, riskOfPermanentExclusion: false });
  const bot = chatter({ ...w.ctxFor(SENDCO), today: () => TUESDAY });
  const exclusions = async () => (await w.repo.listBySchool('oak-primary'))[0]!.exclusions;
  return { ...w, bot, exclusions };
}

describe('a weekday typed for a suspension or a plan start', () => {
  it('"4021 suspended for 2 days from Monday" on a Tuesday is Mon 30 Nov, said, and saved so', async () => {
    const { bot, exclusions } = await world();
    const asked = await bot.say('4021 suspended for 2 days from Monday');
    expect(asked).toContain('Took “from Monday” as Mon 30 Nov 2026.');
    expect(asked).toContain('Recording a suspension of 2 school days: Mon 30 Nov 2026 to Tue 1 Dec 2026.');
    await bot.script(['Threw a chair at a member of staff', 'yes']);
    expect(await exclusions()).toMatchObject([{ kind: 'suspension', startDate: '2026-11-30', days: 2 }]);
  });

  it('"Friday" at the first-day question is this Friday, and the reply says so before the next question', async () => {
    const { bot } = await world();
    const reply = await bot.script(['exclusion', '4021', 'suspension', 'Friday']);
    expect(reply).toContain('Took “Friday” as Fri 27 Nov 2026.');
    expect(reply).toMatch(/^\? How many school days\?/m);
  });

  it('today\'s own weekday is today', () => {
    expect(dateWithin('Tuesday', TUESDAY, { pastDays: 365, futureDays: 14, what: 'start date', weekdayAhead: true })).toMatchObject({ ok: true, value: TUESDAY });
  });

  it('a PSP start typed "from Monday" is the next Monday', () => {
    expect(dateWithin('from Monday', TUESDAY, { pastDays: 365, futureDays: 60, what: 'start date', weekdayAhead: true })).toMatchObject({ ok: true, value: '2026-11-30', note: expect.stringContaining('Mon 30 Nov 2026') });
  });

  it('a date in the past (a review held "Monday") is still the nearest Monday, and says which', () => {
    expect(dateWithin('Monday', TUESDAY, { pastDays: 120, futureDays: 0, what: 'review date' })).toMatchObject({ ok: true, value: '2026-11-23', note: expect.stringContaining('Mon 23 Nov 2026') });
  });

  it('"next Monday" and a full date need no note', () => {
    expect(dateWithin('next Monday', TUESDAY, { pastDays: 365, futureDays: 14, what: 'start date', weekdayAhead: true })).toEqual({ ok: true, value: '2026-11-30' });
    expect(dateWithin('Mon 30 Nov 2026', TUESDAY, { pastDays: 365, futureDays: 14, what: 'start date', weekdayAhead: true })).toEqual({ ok: true, value: '2026-11-30' });
  });
});
