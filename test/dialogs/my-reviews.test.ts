import { describe, expect, it } from 'vitest';
import { dueItems } from '../../src/core/reminders/due-items.js';
import { exampleTerms } from '../core/reminders/plans.js';
import { chatter, NEW_PUPIL, SENDCO, TEACHER, testWorld } from '../helpers/dialog-context.js';

/**
 * "my reviews" lists every date the reminders know (issue 11): reviews, the LA's EHC needs-assessment
 * dates, day-6 provision and the termly PEP, recorded as a SENDCo would, through the dialogs.
 * Today is Friday 20 November 2026; the example term dates are set, so a PEP can be due.
 */
async function pupilWithDeadlines() {
  const w = await testWorld({ calendar: await exampleTerms() });
  const bot = chatter(w.ctxFor(SENDCO));
  await bot.script(NEW_PUPIL);
  await bot.script(['update 4021', 'EHC needs assessment', '2026-10-19', '']);
  await bot.script(['exclusion', '4021', 'suspension', '2026-11-23', '8', 'Threw a chair in class', 'yes']);
  // Looked after since the summer term, so only the termly PEP is due here (a PEP in the term care began: pep-meeting.test.ts).
  await bot.script(['update 4021', 'looked after', 'looked after', '2026-07-01', '', '']);
  await bot.script(['psp', '4021', 'Stay in lessons', 'me', '2026-11-02', '']);
  await bot.answerUntil('Weekly check-in');
  return { w, bot };
}

describe('my reviews', () => {
  it('lists the EHC 6- and 20-week dates, day-6 provision after a long suspension and the PEP beside the reviews, soonest first', async () => {
    const { bot } = await pupilWithDeadlines();
    const reply = await bot.say('my reviews');
    const lines = reply.split('\n').filter((l) => l.startsWith('- '));
    expect(lines).toEqual([
      '- AB (ref 4021): PSP review due in 3 days, Mon 23 Nov 2026',
      '- AB (ref 4021): Full-time provision from day 6 of the suspension due in 10 days, Mon 30 Nov 2026; reminders from Wed 25 Nov 2026, 3 school days ahead (the duty is day 6)',
      '- AB (ref 4021): EHC needs assessment: the LA’s 6-week decision due in 10 days, Mon 30 Nov 2026',
      '- AB (ref 4021): Termly PEP (personal education plan) due in 46 days, Tue 5 Jan 2027',
      '- AB (ref 4021): EHC needs assessment: the LA’s 20-week deadline to finish due in 108 days, Mon 8 Mar 2027',
    ]);
    // One button for the pupil: their first item is a review to record.
    expect(reply).toContain('review for 4021');
    expect(reply).not.toContain('overdue');
  });

  it('says what is overdue once its first school day has passed, and reads exactly what the reminders are sent from', async () => {
    const { w, bot } = await pupilWithDeadlines();
    const later = chatter({ ...w.ctxFor(SENDCO), today: () => '2026-12-01' });
    const reply = await later.say('my reviews');
    expect(reply).toContain('3 deadlines overdue.');
    expect(reply).toContain('- AB (ref 4021): EHC needs assessment: the LA’s 6-week decision OVERDUE by 1 calendar day, Mon 30 Nov 2026');
    expect(reply).toContain('- AB (ref 4021): Full-time provision from day 6 of the suspension OVERDUE by 1 calendar day, Mon 30 Nov 2026');

    const cases = await w.repo.listBySchool('oak-primary');
    const items = dueItems(cases, { pack: w.pack, calendar: w.ctxFor(SENDCO).calendar, today: '2026-11-20' });
    const listed = (await bot.say('my reviews')).split('\n').filter((l) => l.startsWith('- '));
    expect(items.map((i) => i.kind).sort()).toEqual(['day6-provision', 'ehc-completion', 'ehc-decision', 'pep', 'psp-review']);
    expect(listed).toHaveLength(items.length);
  });

  it('lists by the date each line counts to, so "due in 6 days" comes before "due in 10 days" even when day-6 reminders start sooner', async () => {
    const w = await testWorld({ calendar: await exampleTerms() });
    const bot = chatter(w.ctxFor(SENDCO));
    await bot.script(NEW_PUPIL);
    await bot.script(['exclusion', '4021', 'suspension', '2026-11-23', '8', 'Threw a chair in class', 'yes']);
    await bot.script(['psp', '4021', 'Stay in lessons', 'me', '2026-11-05', '']);
    await bot.answerUntil('Weekly check-in');
    const lines = (await bot.say('my reviews')).split('\n').filter((l) => l.startsWith('- '));
    expect(lines.map((l) => /due in (\d+) days/.exec(l)?.[1])).toEqual(['6', '10']);
  });

  it('shows a teacher only the pupils they work with', async () => {
    const { w } = await pupilWithDeadlines();
    expect(await chatter(w.ctxFor(TEACHER)).say('my reviews')).toContain('No reviews or deadlines are due for your pupils.');
  });
});

describe('the LA’s EHC dates in the school holidays (fresh tester, issue 11)', () => {
  it('counts to the statutory date itself, not the first school day after it, and calls it overdue from the next day', async () => {
    const w = await testWorld({ calendar: await exampleTerms() });
    const bot = chatter(w.ctxFor(SENDCO));
    await bot.script(NEW_PUPIL);
    // Requested Mon 16 Nov: the 6-week decision is due Mon 28 Dec, in the Christmas holidays.
    await bot.script(['update 4021', 'EHC needs assessment', '2026-11-16', '']);
    expect(await bot.say('my reviews')).toContain('EHC needs assessment: the LA’s 6-week decision due in 38 days, Mon 28 Dec 2026');
    const after = chatter({ ...w.ctxFor(SENDCO), today: () => '2026-12-29' });
    expect(await after.say('my reviews')).toContain('6-week decision OVERDUE by 1 calendar day, Mon 28 Dec 2026');
  });
});
