import { afterEach, describe, expect, it } from 'vitest';
import { pupilFacts } from '../../../src/core/facts/pupil-facts.js';
import { AAD, completeForm, inputsOf, teamsHarness, textOf, type TeamsHarness } from './harness.js';

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
});
