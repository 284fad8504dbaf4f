import { afterEach, describe, expect, it } from 'vitest';
import type { StaffMember } from '../../../src/core/staff.js';
import { makeCase } from '../../helpers/make-case.js';
import { cardProblems } from './cards/parse-card.js';
import { AAD, actionsOf, inputsOf, teamsHarness, textOf, type TeamsHarness } from './harness.js';

/**
 * The pupil picker over the real /api/messages endpoint: a form's pupil input is a Data.Query
 * ChoiceSet, and as the person types Teams sends an `application/search` invoke; the bot answers
 * with the pupils that person may see, matching reference or initials, and never any other.
 */

type Json = Record<string, unknown>;
const ADMIN: StaffMember = { id: `teams:${AAD.admin}`, role: 'admin' };
const TEACHER_AAD = '00000000-0000-0000-0000-0000000000a1';
const TEACHER: StaffMember = { id: `teams:${TEACHER_AAD}`, role: 'teacher', schoolId: 'oak-primary' };

let h: TeamsHarness;
afterEach(async () => h?.close());

/** Oak Primary's pupils (the teacher works with 4021 only) and one pupil at another school. */
async function school(opts: { localMode?: boolean } = {}) {
  h = await teamsHarness(opts);
  await h.core.staff.grant(ADMIN, TEACHER);
  for (const c of [
    makeCase({ pupilRef: '4021', initials: 'AB', yearGroup: 8, staffIds: [TEACHER.id] }),
    makeCase({ pupilRef: '4022', initials: 'CD', yearGroup: 7, staffIds: [] }),
    makeCase({ pupilRef: '5001', initials: 'AB', yearGroup: 3, staffIds: [] }),
    makeCase({ pupilRef: '4023', initials: 'EF', schoolId: 'elm-high', staffIds: [] }),
  ])
    await h.core.repo.save(c, undefined);
}

/** Teams asking for the choices that match what `who` has typed: the invoke and the bot's answer. */
async function search(who: string, queryText: string, dataset = 'pupils'): Promise<{ status: number; body: Json }> {
  return h.post(h.activity(who, { type: 'invoke', name: 'application/search', value: { queryText, queryOptions: { skip: 0, top: 15 }, dataset } }));
}

const results = (res: { body: Json }) => (res.body.value as { results: { title: string; value: string }[] }).results;

describe('Teams: the pupil picker searches the pupils that person may see', () => {
  it('answers application/search with a searchResponse of matching pupils, reference first, then initials', async () => {
    await school();
    const byRef = await search(AAD.sendco, '402');
    expect(byRef.status).toBe(200);
    expect(byRef.body).toEqual({
      type: 'application/vnd.microsoft.search.searchResponse',
      value: { results: [{ title: 'AB (ref 4021, Year 8)', value: '4021' }, { title: 'CD (ref 4022, Year 7)', value: '4022' }] },
    });
    // Initials find both ABs, never the pupil at another school with a reference that also matches.
    expect(results(await search(AAD.sendco, 'ab')).map((r) => r.value)).toEqual(['4021', '5001']);
    expect(results(await search(AAD.sendco, '4021')).map((r) => r.value)).toEqual(['4021']);
    expect(results(await search(AAD.sendco, '4023'))).toEqual([]);
    // Each pupil offered is audited as listed (ids only), as on any list.
    const listed = (await h.core.audit.list()).filter((e) => e.action === 'case.listed' && e.actorId === `teams:${AAD.sendco}`);
    expect(listed.length).toBe(5);
  });

  it('a teacher is offered only the pupils they work with, whatever they type', async () => {
    await school();
    expect(results(await search(TEACHER_AAD, '')).map((r) => r.value)).toEqual(['4021']);
    for (const typed of ['4022', 'CD', '5001', 'AB', '4', '4023']) {
      const offered = results(await search(TEACHER_AAD, typed)).map((r) => r.value);
      expect(offered.every((v) => v === '4021'), `${typed}: ${offered.join(', ')}`).toBe(true);
    }
  });

  it('offers nothing to someone with no role, or to an admin, who sees no pupil data', async () => {
    await school({ localMode: false });
    expect(results(await search(AAD.stranger, '4'))).toEqual([]);
    expect(results(await search(AAD.admin, '4'))).toEqual([]);
  });

  it('the form’s pupil input is the picker; the pupil picked, or a reference typed, opens the rest of the form', async () => {
    await school();
    const card = await h.say(AAD.sendco, 'pcp');
    expect(cardProblems(card)).toEqual([]);
    const [pupil] = inputsOf(card);
    expect(pupil).toMatchObject({ id: 'q_pupil', type: 'Input.ChoiceSet', style: 'filtered', 'choices.data': { type: 'Data.Query', dataset: 'pupils' }, isRequired: true });

    // What Teams sends when a search result is picked: the result's value.
    const picked = results(await search(AAD.sendco, 'cd'))[0]!.value;
    const [submit] = actionsOf(card, 'form.submit');
    const more = await h.press(AAD.sendco, submit!, { q_pupil: picked });
    expect(cardProblems(more)).toEqual([]);
    expect(inputsOf(more).find((i) => i.id === 'q_pupil')).toMatchObject({ value: '4022', choices: [{ title: 'CD (ref 4022, Year 7)', value: '4022' }] });
    expect(inputsOf(more).length).toBeGreaterThan(5);

    // Typed, as a client without the picker sends it, the reference is read the same way.
    const typed = await h.press(AAD.sendco, submit!, { q_pupil: '5001' }, 'sent-2');
    expect(inputsOf(typed).find((i) => i.id === 'q_pupil')).toMatchObject({ value: '5001', choices: [{ title: 'AB (ref 5001, Year 3)' }] });
  });

  it('a teacher who sends the reference of a pupil they do not work with is told, as for a pupil never recorded', async () => {
    await school();
    const card = await h.say(TEACHER_AAD, 'pcp');
    const [submit] = actionsOf(card, 'form.submit');
    const back = await h.press(TEACHER_AAD, submit!, { q_pupil: '4022' });
    expect(textOf(back)).toContain('I can’t find a pupil with reference 4022 among the pupils you work with');
    expect(inputsOf(back).find((i) => i.id === 'q_pupil')).toMatchObject({ choices: [{ title: '4022', value: '4022' }] });
  });
});
