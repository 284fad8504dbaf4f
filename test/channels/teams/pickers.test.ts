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
    // The pupil picked comes first; the person's other pupils follow, for a client that cannot search.
    expect(inputsOf(more).find((i) => i.id === 'q_pupil')).toMatchObject({ value: '4022', choices: [{ title: 'CD (ref 4022, Year 7)', value: '4022' }, { value: '4021' }, { value: '5001' }] });
    expect(inputsOf(more).length).toBeGreaterThan(5);

    // Typed, as a client without the picker sends it, the reference is read the same way.
    const typed = await h.press(AAD.sendco, submit!, { q_pupil: '5001' }, 'sent-2');
    expect(inputsOf(typed).find((i) => i.id === 'q_pupil')).toMatchObject({ value: '5001', choices: [{ title: 'AB (ref 5001, Year 3)' }, { value: '4021' }, { value: '4022' }] });
  });

  it('a teacher who sends the reference of a pupil they do not work with is told, as for a pupil never recorded', async () => {
    await school();
    const card = await h.say(TEACHER_AAD, 'pcp');
    const [submit] = actionsOf(card, 'form.submit');
    const back = await h.press(TEACHER_AAD, submit!, { q_pupil: '4022' });
    expect(textOf(back)).toContain('I can’t find a pupil with reference 4022 among the pupils you work with');
    // What was typed stays in the picker to be corrected; beside it only the pupil they work with.
    expect(inputsOf(back).find((i) => i.id === 'q_pupil')).toMatchObject({ choices: [{ title: '4022', value: '4022' }, { title: 'AB (ref 4021, Year 8)', value: '4021' }] });
  });

  it('offers the person’s own pupils ready-made beside the search, so a client without search (the Agents Playground) can still pick one', async () => {
    await school();
    const card = await h.say(AAD.sendco, 'pcp');
    // Both a static list and the Data.Query search: the official parser accepts the pair.
    expect(cardProblems(card)).toEqual([]);
    const [pupil] = inputsOf(card);
    expect(pupil).toMatchObject({ 'choices.data': { type: 'Data.Query', dataset: 'pupils' }, wrap: true });
    expect(pupil!.choices).toEqual([
      { title: 'AB (ref 4021, Year 8)', value: '4021' },
      { title: 'CD (ref 4022, Year 7)', value: '4022' },
      { title: 'AB (ref 5001, Year 3)', value: '5001' },
    ]);
    // A teacher is offered only the pupils they work with; nobody is offered another school's.
    expect(inputsOf(await h.say(TEACHER_AAD, 'pcp'))[0]!.choices).toEqual([{ title: 'AB (ref 4021, Year 8)', value: '4021' }]);

    // Picking a ready-made choice sends its value, read like a typed reference.
    const [submit] = actionsOf(card, 'form.submit');
    const more = await h.press(AAD.sendco, submit!, { q_pupil: (pupil!.choices as { value: string }[])[1]!.value });
    expect(inputsOf(more).find((i) => i.id === 'q_pupil')).toMatchObject({ value: '4022' });
    expect(inputsOf(more).length).toBeGreaterThan(5);
  });

  it('offers at most 50 pupils ready-made, in reference order; the search still finds the rest', async () => {
    await school();
    for (let n = 0; n < 60; n++) await h.core.repo.save(makeCase({ pupilRef: String(6000 + n), initials: 'GH', yearGroup: 5, staffIds: [] }), undefined);
    const [pupil] = inputsOf(await h.say(AAD.sendco, 'pcp'));
    const values = (pupil!.choices as { value: string }[]).map((c) => c.value);
    expect(values).toHaveLength(50);
    expect(values.slice(0, 4)).toEqual(['4021', '4022', '5001', '6000']);
    expect(results(await search(AAD.sendco, '6059')).map((r) => r.value)).toEqual(['6059']);
  });
});

/** A PSP card filled as `completeForm` would, pressed until it finishes or comes back with a problem; resolves with its text. */
async function pspFor(who: string, ref: string, overseer: string): Promise<string> {
  let card = await h.say(who, `psp for ${ref}`);
  for (let round = 0; round < 4; round++) {
    const [submit] = actionsOf(card, 'form.submit');
    if (!submit || textOf(card).includes('needs attention')) return textOf(card);
    const values: Json = { q_pupil: ref, q_targets: 'Arrive on time\nStay in lessons', q_overseeingLeader: overseer };
    for (const i of inputsOf(card)) {
      const id = String(i.id);
      if (id in values) continue;
      const choices = (i.choices as { value: string }[] | undefined)?.map((c) => c.value);
      values[id] = !i.isRequired ? '' : choices?.includes('no') ? 'no' : choices?.length ? choices[0] : i.type === 'Input.Date' ? '2026-12-18' : 'Calmer mornings';
    }
    card = await h.press(who, submit, values, `sent-psp-${round}`);
  }
  throw new Error(`psp did not finish: ${textOf(card)}`);
}

describe('Teams: people are picked, not typed as ids', () => {
  it('the PSP’s overseeing leader is Teams’ people picker; the AAD object id it sends is the staff member the bot knows', async () => {
    await school();
    const card = await h.say(AAD.sendco, 'psp for 4021');
    const [submit] = actionsOf(card, 'form.submit');
    const more = await h.press(AAD.sendco, submit!, { q_pupil: '4021' });
    expect(cardProblems(more)).toEqual([]);
    const picker = inputsOf(more).find((i) => i.id === 'q_overseeingLeader');
    expect(picker).toMatchObject({ type: 'Input.ChoiceSet', 'choices.data': { type: 'Data.Query', dataset: 'graph.microsoft.com/users' }, isRequired: false, placeholder: 'Type a name, or leave blank for: me' });
    expect(picker).not.toHaveProperty('style');
    // Targets one per line, as the terminal's ";" is only for a one-line answer.
    expect(inputsOf(more).find((i) => i.id === 'q_targets')).toMatchObject({ type: 'Input.Text', isMultiline: true, placeholder: 'One per line', label: 'The pupil’s targets (up to 5).' });

    // The teacher works with 4021: picked, they oversee the PSP and get its reminders.
    expect(await pspFor(AAD.sendco, '4021', TEACHER_AAD)).toContain('PSP saved');
    expect((await h.core.repo.findByPupilRef('oak-primary', '4021'))!.psps[0]!.overseeingLeaderId).toBe(TEACHER.id);
  });

  it('offers "You" and the staff the bot knows at the school ready-made beside the people picker; "You" picked oversees the PSP', async () => {
    await school();
    const card = await h.say(AAD.sendco, 'psp for 4021');
    const [submit] = actionsOf(card, 'form.submit');
    const more = await h.press(AAD.sendco, submit!, { q_pupil: '4021' });
    const picker = inputsOf(more).find((i) => i.id === 'q_overseeingLeader')!;
    expect(picker['choices.data']).toEqual({ type: 'Data.Query', dataset: 'graph.microsoft.com/users' });
    expect(picker.choices).toEqual([
      { title: 'You (SENDCo at Oak Primary)', value: AAD.sendco },
      { title: `A teacher at Oak Primary, no name on record (…${TEACHER.id.slice(-4)})`, value: TEACHER_AAD },
    ]);
    expect(await pspFor(AAD.sendco, '4021', AAD.sendco)).toContain('PSP saved');
    expect((await h.core.repo.findByPupilRef('oak-primary', '4021'))!.psps[0]!.overseeingLeaderId).toBe(`teams:${AAD.sendco}`);
  });

  it('a Playground user, whose id is not shaped like an Entra object id, can pick themselves or type "me" and finish the form', async () => {
    await school();
    // The Agents Playground's own user (Alex Wilber): 13 digits in the last group.
    const PLAYGROUND = '00000000-0000-0000-0000-0000000000020';
    await h.core.staff.grant(ADMIN, { id: `teams:${PLAYGROUND}`, role: 'sendco', schoolId: 'oak-primary' });
    const card = await h.press(PLAYGROUND, actionsOf(await h.say(PLAYGROUND, 'psp for 4021'), 'form.submit')[0]!, { q_pupil: '4021' });
    const you = (inputsOf(card).find((i) => i.id === 'q_overseeingLeader')!.choices as { title: string; value: string }[])[0]!;
    expect(you).toEqual({ title: 'You (SENDCo at Oak Primary)', value: PLAYGROUND });
    expect(await pspFor(PLAYGROUND, '4021', you.value)).toContain('PSP saved');
    expect(await pspFor(PLAYGROUND, '4022', 'me')).toContain('PSP saved');
    const oversee = async (ref: string) => (await h.core.repo.findByPupilRef('oak-primary', ref))!.psps[0]!.overseeingLeaderId;
    expect([await oversee('4021'), await oversee('4022')]).toEqual([`teams:${PLAYGROUND}`, `teams:${PLAYGROUND}`]);
  });

  it('someone the bot does not know, or who does not work with the pupil, is refused with what to do', async () => {
    await school();
    const unknown = await pspFor(AAD.sendco, '4022', '00000000-0000-0000-0000-0000000000ff');
    expect(unknown).toContain('The person you named has no role in this bot yet');
    expect(unknown).not.toContain('0000000000ff');
    const notOnPupil = await pspFor(AAD.sendco, '4022', TEACHER_AAD);
    expect(notOnPupil).toContain('does not work with pupil 4022');
    // What to ask for, without the teacher's id: the SENDCo types "share 4022" and picks them.
    expect(notOnPupil).toContain('"share 4022" and picks them');
    expect(notOnPupil).not.toContain(TEACHER.id);
    expect((await h.core.repo.findByPupilRef('oak-primary', '4022'))!.psps).toEqual([]);
  });

  it('where Teams does not serve the people picker itself, the bot offers the staff it knows at the school, by AAD object id', async () => {
    await school();
    const res = await search(AAD.sendco, '', 'graph.microsoft.com/users');
    expect(res.body.type).toBe('application/vnd.microsoft.search.searchResponse');
    expect(results(res)).toEqual([
      { title: `A SENDCo at Oak Primary, no name on record (…${AAD.sendco.slice(-4)})`, value: AAD.sendco },
      { title: `A teacher at Oak Primary, no name on record (…${TEACHER.id.slice(-4)})`, value: TEACHER_AAD },
    ]);
    expect(results(await search(AAD.sendco, '00a1', 'graph.microsoft.com/users')).map((r) => r.value)).toEqual([TEACHER_AAD]);
  });

  it('"grant" alone is a form: the admin picks the person, then the role and school', async () => {
    await school();
    const NEWCOMER = '00000000-0000-0000-0000-0000000000b7';
    const card = await h.say(AAD.admin, 'grant');
    expect(cardProblems(card)).toEqual([]);
    expect(inputsOf(card).map((i) => [i.id, i.type, (i['choices.data'] as Json | undefined)?.dataset])).toEqual([
      ['q_who', 'Input.ChoiceSet', 'graph.microsoft.com/users'],
      ['q_role', 'Input.ChoiceSet', undefined],
    ]);
    const [submit] = actionsOf(card, 'form.submit');
    const school2 = await h.press(AAD.admin, submit!, { q_who: NEWCOMER, q_role: 'teacher' });
    expect(inputsOf(school2).map((i) => i.id)).toEqual(['q_who', 'q_role', 'q_schoolId']);
    const done = await h.press(AAD.admin, submit!, { q_who: NEWCOMER, q_role: 'teacher', q_schoolId: 'oak-primary' }, 'sent-3');
    expect(textOf(done)).toContain('Done: your colleague is now a teacher at Oak Primary.');
    expect(textOf(done)).not.toContain(NEWCOMER);
    expect(h.core.staff.find(`teams:${NEWCOMER}`)).toEqual({ id: `teams:${NEWCOMER}`, role: 'teacher', schoolId: 'oak-primary' });

    // No one else may, and an admin may not pick themselves.
    expect(textOf(await h.say(AAD.sendco, 'grant'))).toContain('Only an admin can give someone a role');
    const [again] = actionsOf(await h.say(AAD.admin, 'grant'), 'form.submit');
    const self = await h.press(AAD.admin, again!, { q_who: AAD.admin, q_role: 'sendco', q_schoolId: 'oak-primary' }, 'sent-4');
    expect(textOf(self)).toContain('You can’t change your own role');
  });
});
