import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadCalendarSettings } from '../../../src/core/calendar/calendar-settings.js';
import { SchoolCalendar } from '../../../src/core/calendar/school-calendar.js';
import { addPersonCentredPlan } from '../../../src/core/plans/plan-changes.js';
import type { StaffMember } from '../../../src/core/staff.js';
import { chatter, LA_OFFICER, SENDCO, testWorld } from '../../helpers/dialog-context.js';
import { manyPupils, PRIVATE, recordedPupil } from '../../helpers/recorded-pupil.js';

/**
 * Issue 11's "read back", typed in the terminal (through `converse`): the pupil's summary, each
 * record in full, the chronology, lists a page at a time with "more", and the access rules on every
 * read. Today is Friday 20 November 2026, with the example term dates.
 */

const EXAMPLE = fileURLToPath(new URL('../../../src/core/calendar/example-term-dates.json', import.meta.url));
const TEACHER: StaffMember = { id: 'teacher-1', role: 'teacher', schoolId: 'oak-primary' };
const OTHER_TEACHER: StaffMember = { id: 'teacher-2', role: 'teacher', schoolId: 'oak-primary' };

async function world() {
  const w = await testWorld({ calendar: new SchoolCalendar(await loadCalendarSettings(EXAMPLE)) });
  await recordedPupil(w.cases, SENDCO);
  return w;
}

describe('a pupil’s summary', () => {
  it('says who, the step and how they got there, needs, risk, plans with their next review, suspensions in school days, the part-time timetable and deadlines', async () => {
    const w = await world();
    const said = await chatter(w.ctxFor(SENDCO)).say('pupil 4021');
    expect(said).toContain('== AB (ref 4021, Year 8) ==');
    expect(said).toContain('Where on the pathway: Step 4: SENDCo takes the lead');
    expect(said).toContain('Needs and care: SEN support, Looked after');
    expect(said).toContain('At risk of permanent exclusion: Yes');
    expect(said).toContain('Suspensions this school year (2026/27): 1 (2 school days)');
    expect(said).toContain('Suspensions this term (Autumn 2026): 1 (2 school days)');
    expect(said).toContain('Part-time timetable: Mon 2 Nov 2026 to Fri 18 Dec 2026 (now)');
    expect(said).toContain('! The LA has not been told about the part-time timetable.');
    // How they got there: each step change with why and who agreed it.
    expect(said).toMatch(/Added Fri 20 Nov 2026 at Step 2\./);
    expect(said).toContain('Step 2 to Step 3, after a review: Review on Tue 10 Nov 2026 at Step 2: no positive change. Agreed by you.');
    expect(said).toContain('Step 3 to Step 4, on a referral:');
    // Plans with their next review, and the buttons (commands) into each.
    expect(said).toContain('PCP 1: person-centred plan (Step 2)  [show pcp 1 for 4021]');
    expect(said).toContain('Next review Tue 8 Dec 2026.');
    expect(said).toContain('PSP 1: Pastoral Support Programme  [show psp 1 for 4021]');
    expect(said).toMatch(/Started Mon 2 Nov 2026, 2 targets, overseen by a member of staff\. 0 reviews so far\. Next review Mon 23 Nov 2026\./);
    expect(said).toContain('EHC needs assessment: the LA’s 6-week decision due Tue 1 Dec 2026 (requested Tue 20 Oct 2026)');
    // Added as looked after this term (Fri 20 Nov): this term's first PEP is due by its last day (issue 11 item 2).
    expect(said).toContain('Termly PEP (personal education plan) due Fri 18 Dec 2026');
    expect(said).toContain('Referral 1: Thu 19 Nov 2026 (to the LA)  [show referral 1 for 4021]');
    expect(said).toContain('Type "timeline 4021" (chronology), "what next for 4021" (what next), "my pupils".');
    expect(said).toContain('Type "evidence 4021" (evidence pack).');
    // Read through the access rules and audited as a read, ids only.
    const audit = await w.audit.list();
    expect(audit.at(-1)).toMatchObject({ actorId: SENDCO.id, action: 'case.read', outcome: 'allowed', schoolId: 'oak-primary' });
    expect(JSON.stringify(audit)).not.toContain('4021');
  });

  it('by initials when only one of the person’s pupils has them, read (and audited) like a reference', async () => {
    const w = await world();
    await manyPupils(w.cases, SENDCO, 2);
    const chat = chatter(w.ctxFor(SENDCO));
    expect(await chat.say('pupil ab')).toContain('== AB (ref 4021, Year 8) ==');
    expect((await w.audit.list()).at(-1)).toMatchObject({ action: 'case.read', outcome: 'allowed' });
    expect(await chat.say('pupil CD')).toContain('More than one of your pupils has the initials CD.');
  });

  it('the what-next card for a recorded pupil leads to the summary and the chronology', async () => {
    const w = await world();
    const said = await chatter(w.ctxFor(SENDCO)).script(['what next for 4021', 'no', 'no', '']);
    expect(said).toContain('Type "pupil 4021" (pupil summary), "timeline 4021" (chronology).');
  });
});

describe('each record in full', () => {
  it('a PCP: every field written, with its Incident Support Plan and its reviews', async () => {
    const w = await world();
    const said = await chatter(w.ctxFor(SENDCO)).say('show pcp 1 for 4021');
    expect(said).toContain('== PCP 1: person-centred plan for AB (ref 4021, Year 8) ==');
    expect(said).toContain('Written: Fri 20 Nov 2026 by you');
    expect(said).toContain(`* Who is this child/young person?\n    ${PRIVATE.pcpWords}`);
    expect(said).toContain('== Incident Support Plan ==');
    expect(said).toContain('Goes quiet and pulls his hood up');
    expect(said).toContain('Review 1: Tue 10 Nov 2026, no positive change  [show review 1 for 4021]');
  });

  it('a PSP with its targets; a review with what followed; a referral; a suspension with its reason and the checks shown', async () => {
    const w = await world();
    const chat = chatter(w.ctxFor(SENDCO));
    const psp = await chat.say('show psp for 4021');
    expect(psp).toContain('- Stay in lessons');
    expect(psp).toContain('Overseen by: a member of staff');
    expect(psp).toContain('* Details of concerns\n    Repeated walk-outs');
    const review = await chat.say('show review 1 for 4021');
    expect(review).toContain('Positive change: No');
    expect(review).toContain(PRIVATE.reviewNotes);
    expect(review).toContain('Then, Tue 10 Nov 2026: Step 2 to Step 3, after a review');
    const referral = await chat.say('show referral 1 for 4021');
    expect(referral).toContain('To: Education Engagement – Inclusion Team');
    expect(referral).toContain('* Is there SEN Support/EHCP in place?\n    SEN Support');
    const suspension = await chat.say('show suspension 1 for 4021');
    expect(suspension).toContain('School days: Mon 16 Nov 2026 to Tue 17 Nov 2026');
    expect(suspension).toContain(PRIVATE.exclusionReason);
    expect(suspension).toContain('Checked before saving: Shown: speak to the Virtual School first; only for a disciplinary reason');
    expect(await chat.say('show review 7 for 4021')).toContain('There is no Review 7 for AB (ref 4021): there is 1 review.');
  });

  it('a plan too long for one message is shown in full over pages, "more" giving the next', async () => {
    const w = await world();
    const long = (n: number) => `${'Words written at length about what works. '.repeat(90)}(${n})`.slice(0, 4000);
    const [c] = await w.repo.listBySchool('oak-primary');
    await w.cases.change(SENDCO, c!, 'pcp.amend', (x) => ({ ...x, pcps: x.pcps.map((p) => ({ ...p, fields: { whoIsThisPupil: long(1), behavioursOfConcern: long(2), behaviourFunction: long(3), workingWell: long(4), thingsToAvoid: long(5) } })) }));
    const chat = chatter(w.ctxFor(SENDCO));
    const first = await chat.say('show pcp 1 for 4021');
    expect(first).toContain('Page 1 of 2 (6 sections). Type "more" for the next page.');
    const second = await chat.say('more');
    expect(second).toContain('Page 2 of 2 (6 sections). Type "show pcp 1 for 4021" for the one before.');
    const all = `${first}\n${second}`;
    for (const n of [1, 2, 3, 4, 5]) expect(all).toContain(long(n));
  });
});

describe('the chronology', () => {
  it('everything in date order with who did it, UK dates, and the commands into each record', async () => {
    const w = await world();
    const said = await chatter(w.ctxFor(SENDCO)).say('history 4021');
    const lines = said.split('\n').filter((l) => /^[*!] /.test(l));
    expect(lines).toEqual([
      '* Mon 2 Nov 2026: PSP 1 started  [show psp 1 for 4021]',
      '* Tue 10 Nov 2026: Review 1, of PCP 1: no positive change  [show review 1 for 4021]',
      // Each move on the day the review or referral that led to it was held, not the day it was typed in.
      '* Tue 10 Nov 2026: Step 2 to Step 3',
      '* Mon 16 Nov 2026: Suspension, 2 school days (exclusion 1)  [show exclusion 1 for 4021]',
      '* Thu 19 Nov 2026: Referral 1, to Education Engagement – Inclusion Team  [show referral 1 for 4021]',
      '* Thu 19 Nov 2026: Step 3 to Step 4',
      '* Fri 20 Nov 2026: Pupil added to the record',
      '* Fri 20 Nov 2026: PCP 1 written at Step 2  [show pcp 1 for 4021]',
    ]);
    expect(said).toContain('    By you, overseen by a member of staff; 2 targets.');
  });
});

describe('lists, a page at a time', () => {
  it('23 pupils: pages of 10, 10 and 3 with "more", each pupil on a page audited as listed', async () => {
    const w = await testWorld();
    await manyPupils(w.cases, TEACHER, 23);
    const chat = chatter(w.ctxFor(TEACHER));
    const pupilsOn = (said: string) => said.split('\n').filter((l) => l.startsWith('* CD (ref '));
    const one = await chat.say('my pupils');
    expect(one).toContain('== Your pupils ==');
    expect(pupilsOn(one)).toHaveLength(10);
    expect(pupilsOn(one)[0]).toBe('* CD (ref 5001, Year 7)  [pupil 5001]');
    expect(one).toContain('Page 1 of 3 (23 pupils). Type "more" for the next page.');
    const two = await chat.say('more');
    expect(pupilsOn(two)[0]).toBe('* CD (ref 5011, Year 7)  [pupil 5011]');
    expect(two).toContain('Page 2 of 3 (23 pupils). Type "more" for the next page, or "my pupils" for the one before.');
    const three = await chat.say('more');
    expect(pupilsOn(three).map((l) => l.slice(10, 14))).toEqual(['5021', '5022', '5023']);
    expect(three).toContain('Page 3 of 3 (23 pupils). Type "my pupils page 2" for the one before.');
    expect(await chat.say('more')).toContain('There is no more to show.');
    const listed = (await w.audit.list()).filter((e) => e.action === 'case.listed');
    expect(listed).toHaveLength(23);
    expect(new Set(listed.map((e) => e.caseId)).size).toBe(23);
  });

  it('on a PSP, at risk, looked after, and deadlines this week', async () => {
    const w = await world();
    await manyPupils(w.cases, SENDCO, 3);
    const chat = chatter(w.ctxFor(SENDCO));
    const refsIn = (said: string) => [...said.matchAll(/\[pupil (\d+)\]/g)].map((m) => m[1]);
    expect(refsIn(await chat.say('pupils on a psp'))).toEqual(['4021']);
    expect(refsIn(await chat.say('pupils at risk'))).toEqual(['4021', '5001']);
    expect(refsIn(await chat.say('looked after pupils'))).toEqual(['4021']);
    // Two plans with reviews this week: one overdue since yesterday, one due on Saturday.
    for (const [ref, reviewDate] of [['5002', '2026-11-19'], ['5003', '2026-11-21']] as const) {
      const c = (await w.cases.findByRef(SENDCO, ref))!;
      await w.cases.change(SENDCO, c, 'pcp.create', (x, cc) => addPersonCentredPlan(x, { fields: {}, reviewDate }, cc));
    }
    const due = await chat.say('deadlines this week');
    expect(due).toContain('Due by Sun 22 Nov 2026, or overdue.');
    expect(refsIn(due)).toEqual(['5002', '5003']);
    expect(due).toContain('! CD (ref 5002, Year 7)  [pupil 5002]\n    PCP 1 review due Thu 19 Nov 2026: overdue');
    expect(due).toContain('* CD (ref 5003, Year 7)  [pupil 5003]\n    PCP 1 review due Sat 21 Nov 2026 (at the weekend; first school day Mon 23 Nov 2026)');
  });

  it('a list in the middle of a form is shown and the form carries on', async () => {
    const w = await world();
    const chat = chatter(w.ctxFor(SENDCO));
    await chat.say('psp for 4021');
    const said = await chat.say('my pupils');
    expect(said).toContain('== Pupils at your school ==');
    expect(said).toMatch(/Still on “Pastoral Support Programme”.*\n\? The pupil’s targets/);
  });
});

describe('who may read what', () => {
  it('a teacher is told nothing about another teacher’s pupil, and the refusal is audited', async () => {
    const w = await testWorld();
    await manyPupils(w.cases, OTHER_TEACHER, 1, 6001);
    const chat = chatter(w.ctxFor(TEACHER));
    for (const asked of ['pupil 6001', 'timeline 6001', 'show pcp for 6001']) {
      const said = await chat.say(asked);
      expect(said).toContain('I can’t find a pupil with reference 6001 among the pupils you work with.');
      expect(said).toContain('ask your SENDCo to add you');
    }
    // The same words as for a pupil nobody recorded.
    expect((await chat.say('pupil 9999')).replace('9999', '6001')).toBe(await chat.say('pupil 6001'));
    expect(await chat.say('my pupils')).toContain('No pupils yet');
    const denied = (await w.audit.list()).filter((e) => e.actorId === TEACHER.id && e.action === 'case.read');
    expect(denied.length).toBeGreaterThanOrEqual(3);
    expect(denied.every((e) => e.outcome === 'denied')).toBe(true);
  });

  it('an LA officer sees a referred pupil without the school’s plans, notes or reasons, and nobody else', async () => {
    const w = await world();
    await manyPupils(w.cases, SENDCO, 1, 6001);
    const chat = chatter(w.ctxFor(LA_OFFICER));
    const summary = await chat.say('pupil 4021');
    expect(summary).toContain('Oak Primary. Referred to the LA');
    expect(summary).toContain('Referral 1: Thu 19 Nov 2026 (to the LA)  [show referral 1 for 4021 at oak-primary]');
    expect(summary).not.toContain('PCP 1');
    expect(summary).not.toContain('Part-time');
    const timeline = await chat.say('timeline 4021 at oak-primary');
    expect(timeline).toContain('Suspension, 2 school days');
    expect(timeline).toContain('Recorded by the school.');
    expect(timeline).not.toContain('PCP');
    expect(timeline).not.toContain('Step 2 to Step 3');
    const suspension = await chat.say('show exclusion 1 for 4021 at oak-primary');
    expect(suspension).toContain('The reason stays with the school.');
    expect(await chat.say('show pcp 1 for 4021')).toContain('Plans and reviews stay with the school');
    const everything = [summary, timeline, suspension, await chat.say('show referral 1 for 4021')].join('\n');
    for (const words of Object.values(PRIVATE)) expect(everything).not.toContain(words);
    expect(await chat.say('pupil 6001')).toContain('among the pupils schools have referred to the LA');
    expect(await chat.say('my pupils')).toContain('AB (ref 4021, Year 8) · Oak Primary  [pupil 4021 at oak-primary]');
  });
});
