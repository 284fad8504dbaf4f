import { afterEach, describe, expect, it } from 'vitest';
import { pupilFacts } from '../../../src/core/facts/pupil-facts.js';
import { AAD, actionsOf, completeForm, inputsOf, teamsHarness, textOf, type TeamsHarness } from './harness.js';

/**
 * `update 4021` as an Adaptive Card over the real Teams endpoint: the card asks what changed,
 * comes back with that fact's questions, and the result leads with the guidance the new facts bring.
 */

let h: TeamsHarness;
afterEach(async () => h?.close());

const who = AAD.sendco;
const complete = (card: Record<string, unknown>, answers: Record<string, string>) => completeForm(h, who, card, answers);
const pupil = async () => (await h.core.repo.listBySchool('oak-primary'))[0]!;

describe('Teams: a pupil’s record is updated in a card', () => {
  it('a part-time timetable the LA has not been told of, then risk of permanent exclusion: each an entry, each read by the guidance', async () => {
    h = await teamsHarness();
    await complete(await h.say(who, 'new pupil'), { pupilRef: '4021', initials: 'AB', yearGroup: '8', send: 'sen-support', step: '3' });

    const card = await h.say(who, 'update 4021');
    expect(inputsOf(card).map((i) => i.id)).toEqual(['q_pupil', 'q_what']);
    expect(textOf(card)).toContain('The record says now: not looked after; no social worker; SEN support; no EHC needs assessment waiting; full time; not at risk of permanent exclusion.');

    const ptt = await complete(card, { what: 'part-time-timetable', on: '2026-11-16', plannedEnd: '2026-12-04', hours: '15', why: 'Phased return after illness' });
    expect(ptt).toContain('part-time timetable from Mon 16 Nov 2026 to Fri 4 Dec 2026, 15 hours a week, the LA not yet told');
    expect(ptt).toContain('Part-time timetable: exceptional, time-limited, agreed and reported');
    expect(ptt).toContain('on a part-time timetable that the LA has not been told about');

    const risk = await complete(await h.say(who, 'update 4021'), { what: 'risk-of-permanent-exclusion', atRisk: 'yes', on: '2026-11-19' });
    expect(risk).toContain('at risk of permanent exclusion from Thu 19 Nov 2026');
    expect(risk).toContain('Managed move: a planned fresh start, agreed by everyone');

    const c = await pupil();
    expect(c.facts.map((e) => [e.fact, e.on, e.by])).toEqual([
      ['part-time-timetable', '2026-11-16', `teams:${AAD.sendco}`],
      ['risk-of-permanent-exclusion', '2026-11-19', `teams:${AAD.sendco}`],
    ]);
    expect(pupilFacts(c)).toMatchObject({ riskOfPermanentExclusion: true, partTimeTimetable: { hoursPerWeek: 15, endDate: '2026-12-04' } });
    expect(c.riskOfPermanentExclusion).toBe(false);
  });

  it('a mistaken entry is corrected in a card: the correction names the entry, which stays', async () => {
    h = await teamsHarness();
    await complete(await h.say(who, 'new pupil'), { pupilRef: '4021', initials: 'AB', yearGroup: '8', send: 'sen-support', step: '3' });
    await complete(await h.say(who, 'update 4021'), { what: 'care', care: 'looked-after', on: '2026-11-02' });
    const first = (await pupil()).facts[0]!;
    const fixed = await complete(await h.say(who, 'update 4021'), { what: 'correction', entry: first.id, how: 'replace', care: 'previously-looked-after', on: '2026-11-02', why: 'Adopted: the wrong choice was picked' });
    expect(fixed).toContain('Correction recorded');
    const c = await pupil();
    expect(c.facts).toEqual([first, expect.objectContaining({ corrects: first.id, care: 'previously-looked-after' })]);
  });

  // Issue 11, tester item 2: the card for a correction came empty, and a blank start became today.
  it('a correction card holds what the entry said; changing only the hours keeps the start, and the chronology marks the entry corrected', async () => {
    h = await teamsHarness();
    await complete(await h.say(who, 'new pupil'), { pupilRef: '4021', initials: 'AB', yearGroup: '8', send: 'sen-support', step: '3' });
    // Seven school weeks, longer than the pack's six: the card asks for a review date within them (tester, issue 11).
    await complete(await h.say(who, 'update 4021'), { what: 'part-time-timetable', on: '2026-11-02', plannedEnd: '2026-12-18', reviewBy: '2026-12-04', hours: '15', laNotifiedOn: '2026-11-03' });
    const original = (await pupil()).facts[0]!;
    const [submit] = actionsOf(await h.say(who, 'update 4021'), 'form.submit');
    const card = await h.press(who, submit!, { q_pupil: '4021', q_what: 'correction', q_entry: original.id, q_how: 'replace' });
    const value = (id: string) => inputsOf(card).find((i) => i.id === `q_${id}`)?.value;
    expect([value('ptt'), value('on'), value('plannedEnd'), value('hours'), value('laNotifiedOn')]).toEqual(['starts', '2026-11-02', '2026-12-18', 15, '2026-11-03']);
    expect(textOf(card)).toContain('Leave blank for: Mon 2 Nov 2026 (as recorded).');

    // Sent with the start left blank: it stays Mon 2 Nov 2026, not today.
    const fixed = await complete(card, { on: '', hours: '12', why: 'It was 12 hours, not 15' });
    expect(fixed).toContain('(hours a week: 15 hours → 12 hours)');
    expect((await pupil()).facts[1]).toMatchObject({ corrects: original.id, on: '2026-11-02', plannedEndDate: '2026-12-18', hoursPerWeek: 12, laNotifiedOn: '2026-11-03' });
    const timeline = textOf(await h.say(who, 'timeline 4021'));
    expect(timeline).toContain('15 hours a week, the LA told on Tue 3 Nov 2026 (corrected)');
    expect(timeline).toMatch(/Corrected on Fri 20 Nov 2026 by you: hours a week: 15 hours → 12 hours\./);
  });
});

