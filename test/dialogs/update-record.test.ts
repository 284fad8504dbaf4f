import { describe, expect, it } from 'vitest';
import { pupilFacts } from '../../src/core/facts/pupil-facts.js';
import { recordExclusion } from '../../src/core/plans/plan-changes.js';
import { dueItems } from '../../src/core/reminders/due-items.js';
import { ADMIN, chatter, NEW_PUPIL, SENDCO, TEACHER, testWorld } from '../helpers/dialog-context.js';

/**
 * Issue 11, "facts that cannot be recorded for a saved pupil", through the typed conversation
 * (`converse`): `update 4021` records each fact with its date, who and why, as an entry in the
 * pupil's chronology; the guidance, the checks before a suspension and the reminders read the facts
 * as they now stand. NEW_PUPIL is 4021, AB, Year 8, not looked after, no social worker, SEN support,
 * Step 2, not at risk. Today is Friday 20 November 2026.
 */

async function world() {
  const w = await testWorld();
  const bot = chatter(w.ctxFor(SENDCO));
  await bot.script(NEW_PUPIL);
  const pupil = async () => (await w.repo.listBySchool('oak-primary'))[0]!;
  return { ...w, bot, pupil };
}

/** `update 4021`, then what changed and the answers that follow. */
const update = (...answers: string[]) => ['update 4021', ...answers];

/** "What next" for the saved pupil: no suspension considered, not deteriorating, no notes. */
const whatNext = ['what next for 4021', 'no', 'no', ''];

describe('update 4021: each fact is recorded with its date, who recorded it and why', () => {
  it('becoming looked after: an entry in the chronology, and the Virtual School warnings at once, in what next and before a suspension is saved', async () => {
    const { bot, pupil } = await world();
    const asked = await bot.say('update 4021');
    expect(asked).toContain('The record says now: not looked after; no social worker; SEN support; no EHC needs assessment waiting; full time; not at risk of permanent exclusion.');
    expect(asked).toContain('? What has changed?');
    expect(asked).not.toContain('Correct an earlier entry');
    expect(await bot.say('looked after')).toContain('? Which is true of the pupil now?');
    expect(await bot.say('in care')).toContain('? On what date did this happen?');
    // No social worker on record: asked about one (issue 11, tester item 8); left blank here.
    expect(await bot.say('2/11/2026')).toContain('? Does the pupil have a social worker?');
    await bot.say('');
    const done = await bot.withDetails(await bot.say('Placed with foster carers'));
    expect(done).toContain('AB (ref 4021, Year 8): became looked after on Mon 2 Nov 2026.');
    expect(done).toContain('Looked-after child: speak to the Virtual School before any suspension');
    expect(done).toContain("Review the looked-after child's PEP every term");

    const c = await pupil();
    expect(c.flags.lookedAfter).toBe(false);
    expect(pupilFacts(c).flags.lookedAfter).toBe(true);
    expect(c.facts).toEqual([expect.objectContaining({ fact: 'care', care: 'looked-after', on: '2026-11-02', by: SENDCO.id, at: '2026-11-20T10:00:00.000Z', why: 'Placed with foster carers' })]);

    expect(await bot.script(whatNext)).toContain('Looked-after child: the designated teacher calls the Virtual School before any suspension');
    const suspension = await bot.script(['exclusion', '4021', 'suspension', '23/11/2026', '2', 'Fighting in the playground']);
    expect(suspension).toContain('Why: a looked-after child: speak to the Virtual School before this suspension is given.');
  });

  // Issue 11, tester item 8: looked after with no social worker on record gave no prompt.
  it('looked after with no social worker on record: asked about one, with the Virtual School and the termly PEP; "yes" records both from the same day', async () => {
    const { bot, pupil } = await world();
    const asked = await bot.script(update('looked after', 'in care', '2/11/2026'));
    expect(asked).toContain('A looked-after child normally has a social worker, and the record has none.');
    expect(asked).toContain("Review the looked-after child's PEP every term");
    expect(asked).toContain('Virtual School');
    expect(asked).toMatch(/^\? Does the pupil have a social worker\? Answer yes to record that too, from the same day\. \(yes\/no\) \[optional/m);
    const done = await bot.script(['yes', 'Placed with foster carers']);
    expect(done).toContain('AB (ref 4021, Year 8): became looked after on Mon 2 Nov 2026, and has a social worker from Mon 2 Nov 2026.');
    const c = await pupil();
    expect(c.facts.map((e) => [e.fact, e.on])).toEqual([['care', '2026-11-02'], ['social-worker', '2026-11-02']]);
    expect(pupilFacts(c).flags).toMatchObject({ lookedAfter: true, socialWorker: true });
  });

  it('looked after, social worker not known yet: nothing more is recorded, and the reply says how to add one later; with one on record, nothing is asked', async () => {
    const { bot, pupil } = await world();
    const done = await bot.script(update('looked after', 'in care', '2/11/2026', 'no', ''));
    expect(done).toContain('No social worker is recorded: add one with "update" when you know. The Virtual School supports every looked-after child, with a PEP each term.');
    expect((await pupil()).facts).toHaveLength(1);
    await bot.script(update('social worker', 'yes', '3/11/2026', ''));
    await bot.script(update('looked after', 'neither', '4/11/2026', ''));
    expect(await bot.script(update('looked after', 'in care', '5/11/2026'))).not.toContain('? Does the pupil have a social worker?');
  });

  it('the read-back shows the facts as they now stand: the summary and the looked-after list', async () => {
    const { bot } = await world();
    expect(await bot.say('looked after pupils')).not.toContain('4021');
    await bot.script(update('care', 'looked after', '2/11/2026', '', ''));
    expect(await bot.say('pupil 4021')).toMatch(/Needs and care: [^\n]*looked after/i);
    expect(await bot.say('looked after pupils')).toContain('4021');
  });

  it('previously looked after, then a correction: the old entry stays, the correction says so and stands in its place', async () => {
    const { bot, pupil } = await world();
    await bot.script(update('care', 'looked after', '2/11/2026', '', ''));
    const asked = await bot.say('update 4021');
    expect(asked).toContain('Correct an earlier entry');
    const entries = await bot.say('correct an earlier entry');
    const first = (await pupil()).facts[0]!;
    expect(entries).toContain(`1. Mon 2 Nov 2026: became looked after (entry ${first.id.slice(0, 8)})`);
    expect(await bot.say('1')).toContain('? What was wrong with it?');
    expect(await bot.say('it should have said something else')).toContain('? Which is true of the pupil now?');
    // A correction may say what the record says now: it replaces an entry rather than adding one.
    await bot.say('adopted');
    expect(await bot.say('2/11/2026')).toContain('? What was wrong with the entry?');
    expect(await bot.say('')).toContain('I need an answer to this one.');
    const done = await bot.say('Adopted, not in care: the wrong choice was typed');
    expect(done).toContain('Correction recorded');
    expect(done).toContain('it now says previously looked after');
    const c = await pupil();
    expect(c.facts).toEqual([first, expect.objectContaining({ fact: 'care', care: 'previously-looked-after', corrects: first.id, why: 'Adopted, not in care: the wrong choice was typed' })]);
    expect(c.timeline.at(-1)).toMatchObject({ what: 'fact.corrected', ref: c.facts[1]!.id });
    expect(pupilFacts(c).flags).toMatchObject({ lookedAfter: false, previouslyLookedAfter: true });
  });

  it('an entry recorded by mistake is withdrawn, never deleted', async () => {
    const { bot, pupil } = await world();
    await bot.script(update('social worker', 'yes', 'today', ''));
    expect(pupilFacts(await pupil()).flags.socialWorker).toBe(true);
    const done = await bot.script(update('correct', '1', 'it should not have been recorded at all', 'Wrong pupil'));
    expect(done).toContain('it no longer counts');
    const c = await pupil();
    expect(c.facts.map((e) => e.fact)).toEqual(['social-worker', 'withdrawn']);
    expect(pupilFacts(c).flags.socialWorker).toBe(false);
  });

  it('getting a social worker and losing one: the social-worker guidance comes and goes; saying it twice is asked again', async () => {
    const { bot, pupil } = await world();
    const got = await bot.withDetails(await bot.script(update('social worker', 'yes', '9/11/2026', 'Child in need plan agreed')));
    expect(got).toContain('has a social worker from Mon 9 Nov 2026');
    expect(got).toContain('Child with a social worker: plan jointly with the social worker and Virtual School');
    const again = await bot.script(update('social worker', 'yes'));
    expect(again).toContain('The record already says: has a social worker.');
    expect(again).toMatch(/^\? Does the pupil have a social worker now/m);
    const lost = await bot.withDetails(await bot.script(['no', '19/11/2026', 'Case closed by social care']));
    expect(lost).toContain('no longer has a social worker from Thu 19 Nov 2026');
    expect(lost).not.toContain('Child with a social worker');
    expect((await pupil()).facts.map((e) => [e.fact, 'has' in e ? e.has : undefined, e.on])).toEqual([
      ['social-worker', true, '2026-11-09'],
      ['social-worker', false, '2026-11-19'],
    ]);
  });

  it('an EHC needs assessment requested: its date sets the LA’s 6- and 20-week reminders; the EHCP issued settles them', async () => {
    const w = await world();
    // With no assessment waiting, one can only have been requested: the date is the next question.
    const asked = await w.bot.script(update('ehc'));
    expect(asked).toContain('? When was the EHC needs assessment requested?');
    const done = await w.bot.withDetails(await w.bot.script(['5/10/2026', '']));
    expect(done).toContain('requested Mon 5 Oct 2026: LA decision due by Mon 16 Nov 2026 (the decision date has passed: chase the LA), plan finalised by Mon 22 Feb 2027');
    const due = dueItems(await w.repo.scanAll(), { pack: w.pack, calendar: w.ctxFor(SENDCO).calendar, today: '2026-11-20' });
    expect(due.map((i) => [i.kind, i.dueDate])).toEqual([
      ['ehc-decision', '2026-11-16'],
      ['ehc-completion', '2027-02-22'],
    ]);
    const issued = await w.bot.script(update('sen', 'an ehcp has been issued'));
    expect(issued).toContain('? When was the EHCP issued?');
    expect(await w.bot.script(['19/11/2026', ''])).toContain('EHCP issued on Thu 19 Nov 2026');
    expect(pupilFacts(await w.pupil())).toMatchObject({ flags: { ehcp: true, senSupport: false }, ehcpIssuedOn: '2026-11-19' });
    expect(dueItems(await w.repo.scanAll(), { pack: w.pack, calendar: w.ctxFor(SENDCO).calendar, today: '2026-11-20' })).toEqual([]);
    // A pupil with an EHCP facing a suspension: the SEN team and an emergency annual review.
    expect(await w.bot.script(['what next for 4021', 'yes', 'no', ''])).toContain("EHC plan: the headteacher and SENDCo involve the LA's SEN team before any exclusion");
  });

  it('a part-time timetable with its start, planned end, hours and the date the LA was told; then its end', async () => {
    const { bot, pupil } = await world();
    // With no timetable yet, one can only start: its first day is the next question.
    expect(await bot.script(update('part-time timetable'))).toContain('? When does (or did) the part-time timetable start?');
    await bot.say('16/11/2026');
    expect(await bot.say('1/12/2026')).toContain('? How many hours a week');
    expect(await bot.say('lots')).toContain('Please type the hours a week as a whole or half number');
    expect(await bot.say('12.5')).toContain('? When was the LA told?');
    const notTold = await bot.script(['', 'To rebuild attendance after illness']);
    expect(notTold).toContain('part-time timetable from Mon 16 Nov 2026 to Tue 1 Dec 2026, 12.5 hours a week, the LA not yet told');
    expect(notTold).toContain('Why: on a part-time timetable that the LA has not been told about: tell the LA now. It is planned to end on Tue 1 Dec 2026: review it by then.');

    const told = await bot.script(update('ptt', 'its details change', '16/11/2026', '1/12/2026', '12.5', '18/11/2026', 'LA attendance team told'));
    expect(told).toContain('Why: on a part-time timetable. It is planned to end on Tue 1 Dec 2026: review it by then.');
    expect(pupilFacts(await pupil()).partTimeTimetable).toEqual({ startDate: '2026-11-16', endDate: '2026-12-01', hoursPerWeek: 12.5, laNotifiedOn: '2026-11-18' });

    const ended = await bot.withDetails(await bot.script(update('ptt', 'ended', 'today', '')));
    expect(ended).toContain('back to full time from Fri 20 Nov 2026');
    expect(ended).not.toContain('Part-time timetable: exceptional');
    expect(pupilFacts(await pupil()).partTimeTimetable).toBeUndefined();
  });

  // Issue 11, tester item 2: a correction made the person type every field again, and a blank start became today.
  it('correcting a part-time timetable starts from what it said: blank keeps each value (the start is not today), and the timeline marks the entry as corrected', async () => {
    const { bot, pupil } = await world();
    // Seven school weeks: longer than the pack's six, so a review date within them is asked for (tester, issue 11).
    await bot.script(update('part-time timetable', '2/11/2026', '18/12/2026', '4/12/2026', '15', '', 'Phased return after illness'));
    const original = (await pupil()).facts[0]!;
    await bot.script(update('correct an earlier entry'));
    await bot.say('1');
    const first = await bot.say('it should have said something else');
    expect(first).toMatch(/^\? What has happened to the part-time timetable\? .*\[blank = It starts, or its details change .*\(as recorded\)\]/m);
    expect(await bot.say('')).toMatch(/^\? When does \(or did\) the part-time timetable start\? \[blank = Mon 2 Nov 2026 \(as recorded\)\]/m);
    expect(await bot.say('')).toMatch(/\[blank = Fri 18 Dec 2026 \(as recorded\)\]/);
    expect(await bot.say('')).toMatch(/By when will it be reviewed\?.*\[blank = Fri 4 Dec 2026 \(as recorded\)\]/);
    expect(await bot.say('')).toMatch(/\[blank = 15 \(as recorded\)\]/);
    await bot.say('12');
    const done = await bot.script(['', 'It was 12 hours, not 15']);
    expect(done).toContain('it now says part-time timetable from Mon 2 Nov 2026 to Fri 18 Dec 2026, 12 hours a week, the LA not yet told (hours a week: 15 hours → 12 hours)');
    const c = await pupil();
    expect(c.facts).toEqual([original, expect.objectContaining({ fact: 'part-time-timetable', on: '2026-11-02', plannedEndDate: '2026-12-18', reviewDate: '2026-12-04', hoursPerWeek: 12, corrects: original.id })]);

    const timeline = await bot.say('timeline 4021');
    expect(timeline).toContain('Mon 2 Nov 2026: Part-time timetable from Mon 2 Nov 2026 to Fri 18 Dec 2026, 15 hours a week, the LA not yet told (corrected)');
    expect(timeline).toContain('Corrected on Fri 20 Nov 2026 by you: hours a week: 15 hours → 12 hours.');
    expect(timeline).toContain('(a correction of an earlier entry)');
    expect(timeline).toContain('Corrects the entry of Mon 2 Nov 2026: hours a week: 15 hours → 12 hours.');
  });

  it('returning from a suspension on a date: the PSP should be ready before the return', async () => {
    const w = await world();
    const c = await w.pupil();
    await w.cases.change(SENDCO, c, 'exclusion.suspension', (x, cc) => recordExclusion(x, { kind: 'suspension', startDate: '2026-11-16', days: 10, reason: 'Assault on a member of staff' }, cc));
    const asked = await w.bot.script(update('returning from a suspension'));
    expect(asked).toContain('? When does (or did) the pupil return from the suspension?');
    const done = await w.bot.script(['30/11/2026', 'Reintegration meeting booked']);
    expect(done).toContain('returns on Mon 30 Nov 2026 from a 10-day suspension');
    expect(done).toContain('returning from a 10-day suspension: put the PSP in place before the return');
    expect((await w.pupil()).facts[0]).toMatchObject({ fact: 'suspension-return', on: '2026-11-30', exclusionId: (await w.pupil()).exclusions[0]!.id, days: 10 });
  });

  // Issue 11.6: a return inside the suspension, or at the weekend, was accepted.
  it('a return inside the suspension or at the weekend is refused, saying which day to type, and a school day after it is kept', async () => {
    const w = await world();
    const c = await w.pupil();
    await w.cases.change(SENDCO, c, 'exclusion.suspension', (x, cc) => recordExclusion(x, { kind: 'suspension', startDate: '2026-11-16', days: 10, reason: 'Assault on a member of staff' }, cc));
    await w.bot.script(update('returning from a suspension'));
    expect(await w.bot.say('25/11/2026')).toContain(
      'Wed 25 Nov 2026 is inside the suspension, which runs from Mon 16 Nov 2026 to Fri 27 Nov 2026; the pupil returns after it. Please type a school day after Fri 27 Nov 2026, such as Mon 30 Nov 2026.',
    );
    expect(await w.bot.say('28/11/2026')).toContain('Sat 28 Nov 2026 is not a school day');
    await w.bot.script(['30/11/2026', 'Reintegration meeting booked']);
    expect((await w.pupil()).facts).toEqual([expect.objectContaining({ fact: 'suspension-return', on: '2026-11-30' })]);
  });

  it('a return with no suspension recorded before it is asked again, saying what to do', async () => {
    const { bot } = await world();
    expect(await bot.script(update('return', '30/11/2026'))).toContain('No suspension is recorded for this pupil before that date. Record it first with "exclusion"');
  });

  it('at risk of permanent exclusion, on and off: the managed-move guidance follows it', async () => {
    const { bot, pupil } = await world();
    const on = await bot.withDetails(await bot.script(update('risk', 'yes', 'today', 'Second serious incident this half term')));
    expect(on).toContain('at risk of permanent exclusion from Fri 20 Nov 2026');
    expect(on).toContain('Managed move: a planned fresh start, agreed by everyone');
    const off = await bot.withDetails(await bot.script(update('at risk of permanent exclusion', 'no', 'today', '')));
    expect(off).toContain('no longer at risk of permanent exclusion');
    expect(off).not.toContain('Managed move');
    expect(pupilFacts(await pupil()).riskOfPermanentExclusion).toBe(false);
  });
});

describe('update: access and audit as for any change', () => {
  it('each change is audited by kind, with ids only', async () => {
    const w = await world();
    await w.bot.script(update('risk', 'yes', 'today', 'A private detail'));
    const c = await w.pupil();
    expect((await w.audit.list({ caseId: c.id })).filter((e) => e.action.startsWith('fact.'))).toEqual([expect.objectContaining({ action: 'fact.risk-of-permanent-exclusion', actorId: SENDCO.id, outcome: 'done' })]);
    expect(JSON.stringify(await w.audit.list())).not.toContain('private detail');
  });

  it('a teacher who does not work with the pupil cannot find them; an admin is refused before the first question', async () => {
    const w = await world();
    const teacher = chatter(w.ctxFor(TEACHER));
    expect(await teacher.script(update())).toContain('I can’t find a pupil with reference 4021 among the pupils you work with');
    const admin = chatter(w.ctxFor(ADMIN));
    expect(await admin.say('update 4021')).toContain('As an admin');
    expect(admin.state.active).toBeUndefined();
    expect((await w.pupil()).facts).toEqual([]);
  });
});
