import { describe, expect, it } from 'vitest';
import { dueItems } from '../../src/core/reminders/due-items.js';
import { liveDueItems, storedDueItems } from '../../src/core/reminders/stored-due-items.js';
import { exampleTerms } from '../core/reminders/plans.js';
import { chatter, NEW_PUPIL, SENDCO, testWorld } from '../helpers/dialog-context.js';

/**
 * Issue 11, fresh tester: the termly PEP of a looked-after child (002 Hertfordshire) could not be
 * recorded, so it never cleared. "pep 4021" records the meeting (when, who led it, the next one) in
 * the chronology; this term's PEP clears and the next is due next term. The example term dates:
 * autumn from Wed 2 Sep 2026, spring from Tue 5 Jan 2027, summer from Mon 12 Apr 2027.
 */
async function lookedAfterPupil(today: string) {
  const w = await testWorld({ calendar: await exampleTerms() });
  const setUp = chatter(w.ctxFor(SENDCO));
  await setUp.script(NEW_PUPIL);
  await setUp.script(['update 4021', 'looked after', 'looked after', '2026-11-02', 'yes', '']);
  const bot = chatter({ ...w.ctxFor(SENDCO), today: () => today });
  return { w, bot };
}

const pepLines = (reply: string) => reply.split('\n').filter((l) => l.startsWith('- ') && l.includes('Termly PEP'));

describe('recording a PEP meeting', () => {
  it('a next PEP set after the end of next term is queried as skipping a term’s PEP; "no" asks again, "yes" keeps it (issue 11)', async () => {
    const { w, bot } = await lookedAfterPupil('2026-12-01');
    await bot.script(['record pep for 4021', 'virtual school', '1/12/2026']);
    const asked = await bot.say('15/6/2027');
    expect(asked).toContain('The next PEP meeting (Tue 15 Jun 2027) is after the Spring 2027 term ends (Fri 26 Mar 2027): that skips a term’s PEP; even so?');
    expect(await bot.say('no')).toContain('Then type "back" to give a date by Fri 26 Mar 2027');
    await bot.script(['yes', 'Targets set for reading']);
    const [c] = await w.repo.listBySchool('oak-primary');
    expect(c!.facts.at(-1)).toMatchObject({ fact: 'pep-meeting', nextOn: '2027-06-15' });
  });

  it('a next PEP within next term is not queried', async () => {
    const { bot } = await lookedAfterPupil('2026-12-01');
    await bot.script(['record pep for 4021', 'virtual school', '1/12/2026']);
    expect(await bot.say('10/3/2027')).not.toContain('skips a term');
  });

  it('clears this term’s overdue PEP from the pupil page and my reviews; the next is due at the start of next term', async () => {
    const { w, bot } = await lookedAfterPupil('2027-01-12');
    expect(pepLines(await bot.say('my reviews'))).toEqual(['- AB (ref 4021): Termly PEP (personal education plan) OVERDUE by 7 calendar days, Tue 5 Jan 2027']);
    expect(await bot.say('my reviews')).toContain('pep 4021');
    const page = await bot.say('pupil 4021');
    expect(page).toContain('Termly PEP (personal education plan) due Tue 5 Jan 2027');
    expect(page).toContain('pep 4021');

    expect(await bot.say('record pep for 4021')).toContain('? Who led the PEP meeting?');
    expect(await bot.say('virtual school')).toContain('? When was the PEP meeting held?');
    expect(await bot.say('12/1/2027')).toContain('? When is the next PEP meeting, if it has been set?');
    await bot.say('');
    const saved = await bot.say('Targets set for reading');
    expect(saved).toContain('AB (ref 4021, Year 8): PEP meeting held on Tue 12 Jan 2027, led by the Virtual School.');
    expect(saved).toContain('The next PEP is due Mon 12 Apr 2027, the first day of its term (a PEP each term).');

    expect(pepLines(await bot.say('my reviews'))).toEqual(['- AB (ref 4021): Termly PEP (personal education plan) due in 90 days, Mon 12 Apr 2027']);
    expect(await bot.say('pupil 4021')).not.toContain('5 Jan 2027');
    const c = (await w.repo.listBySchool('oak-primary'))[0]!;
    expect(c.facts.at(-1)).toMatchObject({ fact: 'pep-meeting', on: '2027-01-12', ledBy: 'virtual-school', by: SENDCO.id, why: 'Targets set for reading' });
    expect(c.timeline.at(-1)).toMatchObject({ what: 'fact.pep-meeting', by: SENDCO.id });
    expect((await w.audit.list()).map((e) => e.action)).toContain('fact.pep-meeting');
  });

  it('a next meeting set at the PEP is the date it is due; one set before the meeting is refused, keeping the answers', async () => {
    const { bot } = await lookedAfterPupil('2026-11-20');
    // Looked after since Mon 2 Nov: this term's first PEP is due 20 school days on, and only it is listed (issue 11).
    expect(pepLines(await bot.say('my reviews'))).toEqual(['- AB (ref 4021): Termly PEP (personal education plan) due in 10 days, Mon 30 Nov 2026']);
    await bot.script(['pep 4021', 'designated teacher', '19/11/2026']);
    expect(await bot.say('1/11/2026')).toContain('The next PEP meeting (Sun 1 Nov 2026) is not after this one (Thu 19 Nov 2026)');
    await bot.say('10/2/2027');
    expect(await bot.say('')).toContain('the next one is set for Wed 10 Feb 2027');
    expect(pepLines(await bot.say('my reviews'))).toEqual(['- AB (ref 4021): Termly PEP (personal education plan) due in 82 days, Wed 10 Feb 2027']);
  });

  it('is refused at once for a pupil the record does not have as looked after, saying how to record that', async () => {
    const w = await testWorld({ calendar: await exampleTerms() });
    const bot = chatter(w.ctxFor(SENDCO));
    await bot.script(NEW_PUPIL);
    expect(await bot.say('pep 4021')).toContain('the termly PEP is for a looked-after child');
    expect((await w.repo.listBySchool('oak-primary'))[0]!.facts).toEqual([]);
  });
});

describe('correcting a PEP meeting’s next date (tester, issue 11)', () => {
  it('"none" clears the next date set, so the next PEP follows the term again; a blank keeps it', async () => {
    const { w, bot } = await lookedAfterPupil('2026-11-20');
    await bot.script(['pep 4021', 'designated teacher', '19/11/2026', '10/2/2027', '']);
    const asked = await bot.script(['update 4021', 'correct', 'PEP meeting', 'something else', '', '']);
    expect(asked).toContain('? When is the next PEP meeting, if it has been set?');
    expect(asked).toContain('[blank = Wed 10 Feb 2027 (as recorded); "none" clears it]');
    const saved = await bot.script(['none', 'The date was never agreed']);
    expect(saved).toContain('next one: Wed 10 Feb 2027 → not set');
    const c = (await w.repo.listBySchool('oak-primary'))[0]!;
    expect(c.facts.at(-1)).toMatchObject({ fact: 'pep-meeting', on: '2026-11-19' });
    expect(c.facts.at(-1)).not.toHaveProperty('nextOn');
    expect(pepLines(await bot.say('my reviews'))).toEqual(['- AB (ref 4021): Termly PEP (personal education plan) due in 46 days, Tue 5 Jan 2027']);

    // A blank keeps what the entry says.
    await bot.script(['pep 4021', 'designated teacher', '20/11/2026', '11/2/2027', '']);
    await bot.script(['update 4021', 'correct', 'Fri 20 Nov', 'something else', 'social worker', '', '', 'Led by the social worker']);
    expect((await w.repo.listBySchool('oak-primary'))[0]!.facts.at(-1)).toMatchObject({ fact: 'pep-meeting', ledBy: 'social-worker', nextOn: '2027-02-11' });
  });
});

describe('a newly looked-after pupil’s first PEP (tester, issue 11; 002: a PEP each term)', () => {
  it('is due in the term they became looked after, on the page, in my reviews and the reminders alike, until a meeting is held', async () => {
    const { w, bot } = await lookedAfterPupil('2026-11-20');
    const page = await bot.say('pupil 4021');
    expect(page).toContain('Termly PEP (personal education plan) due Mon 30 Nov 2026');
    const ctx = w.ctxFor(SENDCO);
    const cases = await w.repo.listBySchool('oak-primary');
    // The reminders from the store say the same as those worked out from the record, every day of the term and after.
    const stored = cases.flatMap((c) => storedDueItems(c, { pack: w.pack, calendar: ctx.calendar }));
    for (const today of ['2026-11-02', '2026-11-20', '2026-12-18', '2027-01-04', '2027-01-05', '2027-02-01']) {
      const items = dueItems(cases, { pack: w.pack, calendar: ctx.calendar, today });
      expect(liveDueItems(stored, { calendar: ctx.calendar, today }), today).toEqual(items);
      expect(items.some((i) => i.itemKey.startsWith('pep-first:')), today).toBe(today < '2027-01-05');
      // Only the next PEP due: next term's is not listed beside the first (issue 11 item 2).
      expect(items.filter((i) => i.kind === 'pep'), today).toHaveLength(1);
    }
    // A PEP meeting this term meets it; the next is due next term.
    await bot.script(['pep 4021', 'virtual school', '20/11/2026', '', '']);
    expect(pepLines(await bot.say('my reviews'))).toEqual(['- AB (ref 4021): Termly PEP (personal education plan) due in 46 days, Tue 5 Jan 2027']);
  });

  it('a pupil added as looked after this term has a PEP this term, due by the term’s end when that is sooner than 20 school days (issue 11 item 2)', async () => {
    const w = await testWorld({ calendar: await exampleTerms() });
    const bot = chatter(w.ctxFor(SENDCO));
    await bot.script(['new pupil', '4022', 'AB', 'Year 8', 'looked after', 'yes', 'no', '2', 'no']);
    expect(pepLines(await bot.say('my reviews'))).toEqual(['- AB (ref 4022): Termly PEP (personal education plan) due in 28 days, Fri 18 Dec 2026']);
    // Held this term: the next is due when next term begins.
    await bot.script(['pep 4022', 'virtual school', 'today', '', '']);
    expect(pepLines(await bot.say('my reviews'))).toEqual(['- AB (ref 4022): Termly PEP (personal education plan) due in 46 days, Tue 5 Jan 2027']);
  });

  it('becoming looked after on Mon 16 Nov is not overdue that day: the first PEP is due 20 school days on, and no second one is listed (issue 11 item 2)', async () => {
    const w = await testWorld({ calendar: await exampleTerms() });
    const bot = chatter({ ...w.ctxFor(SENDCO), today: () => '2026-11-16' });
    await bot.script(NEW_PUPIL);
    await bot.script(['update 4021', 'looked after', 'looked after', 'today', 'yes', '']);
    const reviews = await bot.say('my reviews');
    expect(reviews).not.toMatch(/PEP.*OVERDUE/);
    expect(pepLines(reviews)).toEqual(['- AB (ref 4021): Termly PEP (personal education plan) due in 28 days, Mon 14 Dec 2026']);
  });
});
