import { describe, expect, it } from 'vitest';
import type { StaffMember } from '../../src/core/staff.js';
import { openForm, submitForm } from '../../src/dialogs/form-submit.js';
import { pupilChoices, staffChoices } from '../../src/dialogs/lookups.js';
import { DIALOGS } from '../../src/dialogs/registry.js';
import { makeCase } from '../helpers/make-case.js';
import { ADMIN, chatter, LA_OFFICER, SENDCO, TEACHER, testWorld } from '../helpers/dialog-context.js';

/**
 * Pickers in the core, for every channel that has one: which questions offer one, what a search
 * offers each person, and that a pick and a typed answer are read alike.
 */

/** The dialogs whose first question is the pupil: every one offers the pupil picker to a SENDCo. */
const NAMING_A_PUPIL = Object.values(DIALOGS).filter((d) => d.questions({ user: SENDCO } as never, {})[0]?.id === 'pupil').map((d) => d.id);

async function world() {
  const w = await testWorld();
  await w.repo.save(makeCase({ id: 'c1', pupilRef: '4021', initials: 'AB', yearGroup: 8, staffIds: [TEACHER.id] }), undefined);
  await w.repo.save(makeCase({ id: 'c2', pupilRef: '4022', initials: 'CD', yearGroup: 7, staffIds: [] }), undefined);
  await w.repo.save(makeCase({ id: 'c3', pupilRef: '4023', initials: 'AB', schoolId: 'elm-high', staffIds: [] }), undefined);
  return w;
}

describe('every form that names a pupil offers the pupil picker', () => {
  it('lists the forms: what next, PCP, review, PSP, referral, exclusion, step, update, close plan, share, unshare, withdraw exclusion and reinstate', () => {
    expect(NAMING_A_PUPIL.sort()).toEqual(['close-plan', 'exclusion', 'pcp', 'psp', 'refer', 'review', 'set-step', 'share', 'unshare', 'update', 'what-next', 'withdraw-exclusion', 'reinstate'].sort());
  });

  it.each(NAMING_A_PUPIL)('%s: a picker for a SENDCo; none for an admin or LA officer, who type the reference', async (id) => {
    const w = await world();
    const lookupFor = async (user: StaffMember) => {
      const o = await openForm(DIALOGS[id]!, w.ctxFor(user));
      return o.done ? 'refused' : o.form.questions[0]!.lookup;
    };
    expect(await lookupFor(SENDCO)).toBe('pupil');
    for (const user of [ADMIN, LA_OFFICER]) expect(await lookupFor(user)).not.toBe('pupil');
  });
});

describe('what a pupil search offers', () => {
  it('a SENDCo: their school’s pupils matching reference or initials; a teacher: only those they work with', async () => {
    const w = await world();
    expect(await pupilChoices(w.ctxFor(SENDCO), '40')).toEqual([
      { value: '4021', label: 'AB (ref 4021, Year 8)' },
      { value: '4022', label: 'CD (ref 4022, Year 7)' },
    ]);
    expect((await pupilChoices(w.ctxFor(SENDCO), 'cd')).map((c) => c.value)).toEqual(['4022']);
    expect((await pupilChoices(w.ctxFor(TEACHER), '')).map((c) => c.value)).toEqual(['4021']);
    expect(await pupilChoices(w.ctxFor(TEACHER), 'CD')).toEqual([]);
    expect(await pupilChoices(w.ctxFor(ADMIN), '40')).toEqual([]);
    expect(await pupilChoices(w.ctxFor(LA_OFFICER), '40')).toEqual([]);
    expect(await pupilChoices(w.ctxFor(SENDCO), '40', 1)).toHaveLength(1);
  });

  it('each pupil offered is audited as listed, ids only', async () => {
    const w = await world();
    await pupilChoices(w.ctxFor(SENDCO), 'AB');
    const listed = (await w.audit.list()).filter((e) => e.action === 'case.listed');
    expect(listed.map((e) => [e.actorId, e.caseId])).toEqual([[SENDCO.id, 'c1']]);
  });

  it('staff are offered from the staff directory, at the person’s school', async () => {
    const w = await world();
    const people: StaffMember[] = [SENDCO, TEACHER, { id: 'teacher-9', role: 'teacher', schoolId: 'elm-high' }, ADMIN];
    const ctx = { ...w.ctxFor(SENDCO), staff: { find: (id: string) => people.find((p) => p.id === id), list: () => people } };
    expect(staffChoices(ctx, '')).toEqual([
      { value: 'sendco-1', label: 'A SENDCo at Oak Primary, no name on record (…co-1)' },
      { value: 'teacher-1', label: 'A teacher at Oak Primary, no name on record (…er-1)' },
    ]);
    expect(staffChoices(ctx, 'teach').map((c) => c.value)).toEqual(['teacher-1']);
    expect(staffChoices({ ...ctx, user: ADMIN }, '').map((c) => c.value)).toEqual(['admin-1', 'sendco-1', 'teacher-1', 'teacher-9']);
  });
});

describe('a pick and a typed answer are read alike', () => {
  it('the form shows the pupil picked with its words; "AB" typed finds the one AB the person may see', async () => {
    const w = await world();
    const ctx = w.ctxFor(TEACHER);
    const opened = await openForm(DIALOGS.pcp!, ctx, { pupil: 'AB' }, 'f1');
    expect(opened.done).toBe(false);
    const pupil = !opened.done ? opened.form.questions[0]! : undefined;
    expect(pupil).toMatchObject({ id: 'pupil', lookup: 'pupil', value: '4021', picked: { value: '4021', label: 'AB (ref 4021, Year 8)' } });
    const again = await submitForm(DIALOGS.pcp!, ctx, { formId: 'f1', values: { pupil: '4021' }, shown: ['pupil'] });
    expect(!again.done && again.form.questions[0]).toMatchObject({ value: '4021', picked: { label: 'AB (ref 4021, Year 8)' } });
  });

  it('the terminal keeps typing the reference', async () => {
    const w = await world();
    expect(await chatter(w.ctxFor(SENDCO)).script(['pcp', '4022'])).toContain('?');
  });
});
