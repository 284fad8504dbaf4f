import { describe, expect, it } from 'vitest';
import { SchoolCalendar } from '../../src/core/calendar/school-calendar.js';
import { laReport } from '../../src/core/la-report/la-report.js';
import { chatter, LA_OFFICER, NEW_PUPIL, SENDCO, testWorld } from '../helpers/dialog-context.js';
import { PRIVATE, recordedPupil } from '../helpers/recorded-pupil.js';

/**
 * Issues 11 and 13: a referral is read by the LA, so its "Details of previous exclusions" holds
 * dates, kind and length only, for every reader; and it carries the date it was made (004's first
 * field), which the LA report counts it by.
 */

/** Answers the referral form in the chat: `date` for "Date referral made", a reason and the support asked, blanks for the rest. */
async function referInChat(bot: ReturnType<typeof chatter>, date: string, started?: string): Promise<string[]> {
  const said = [started ?? (await bot.script(['refer', '4021', 'inclusion team', 'yes']))];
  for (let i = 0; i < 40 && !said.at(-1)!.includes('Referral recorded'); i++) {
    const last = said.at(-1)!;
    const q = last.slice(last.lastIndexOf('? '));
    const answer = q.startsWith('? Date referral made') ? date : q.startsWith('? Main reason') ? 'Escalating incidents in lessons' : q.startsWith('? What support') ? 'Advice on a behaviour plan' : '';
    said.push(await bot.say(answer));
  }
  return said;
}

describe('a referral’s "Details of previous exclusions"', () => {
  it('an LA officer’s and the school’s `show referral` give dates, kind and length, never a reason, even on a referral saved with reasons', async () => {
    const w = await testWorld();
    const c = await recordedPupil(w.cases, SENDCO);
    // A referral saved before the fix, its field prefilled with the reason as typed.
    const withReason = `Mon 16 Nov 2026: suspension of 2 school days (${PRIVATE.exclusionReason})`;
    await w.repo.save({ ...c, referrals: c.referrals.map((r) => ({ ...r, fields: { ...r.fields, previousExclusions: withReason } })) }, c.revision);
    const la = await chatter(w.ctxFor(LA_OFFICER)).say('show referral 1 for 4021 at oak-primary');
    const school = await chatter(w.ctxFor(SENDCO)).say('show referral 1 for 4021');
    for (const shown of [la, school]) {
      expect(shown).toContain('Mon 16 Nov 2026: suspension of 2 school days');
      expect(shown).not.toContain(PRIVATE.exclusionReason);
    }
  });

  it('is not asked in the form but read from the record when the referral is saved, without the reason', async () => {
    const w = await testWorld();
    await recordedPupil(w.cases, SENDCO);
    const said = await referInChat(chatter(w.ctxFor(SENDCO)), '');
    expect(said.join('\n')).not.toMatch(/^\? Details of previous exclusions/m);
    expect(said.at(-1)).toContain('Referral recorded');
    const [saved] = await w.cases.visibleCases(SENDCO);
    const referral = saved!.referrals.at(-1)!;
    expect(referral.date).toBe('2026-11-20');
    expect(referral.fields.previousExclusions).toBe('Mon 16 Nov 2026: suspension of 2 school days');
    expect(JSON.stringify(referral)).not.toContain(PRIVATE.exclusionReason);
  });
});

describe('the date a referral was made (004’s first field)', () => {
  it('starts as today, refuses a future date, and a referral dated 12/11/2026 is stored and counted in November', async () => {
    const w = await testWorld();
    await chatter(w.ctxFor(SENDCO)).script(NEW_PUPIL);
    // Made on Tue 1 Dec 2026, recording a referral sent on 12 November.
    const bot = chatter({ ...w.ctxFor(SENDCO), today: () => '2026-12-01' });
    const first = await bot.script(['refer', '4021', 'inclusion team', 'yes']);
    expect(first).toMatch(/^\? Date referral made \[blank = today, Tue 1 Dec 2026\]/m);
    const refused = await bot.say('2/12/2026');
    expect(refused).toContain('The date the referral was made can’t be in the future.');
    const said = await referInChat(bot, '12/11/2026', refused);
    expect(said.at(-1)).toContain('Referral recorded');
    const cs = await w.cases.visibleCases(SENDCO);
    const referral = cs[0]!.referrals.at(-1)!;
    expect(referral.date).toBe('2026-11-12');
    expect(referral.fields.referralDate).toBeUndefined();

    const report = laReport({ cases: cs, period: { from: '2026-11-01', to: '2026-12-31' }, today: '2026-12-01', calendar: new SchoolCalendar(), progress: () => undefined, serviceName: () => undefined, provisionFromDay: 6 });
    const byMonth = report.tables.find((t) => t.id === 'referrals-by-month')!;
    expect(byMonth.rows.map((r) => [r.label, r.cells[0]!.value])).toEqual([
      [expect.stringContaining('Nov'), 1],
      [expect.stringContaining('Dec'), 0],
    ]);
  });
});
