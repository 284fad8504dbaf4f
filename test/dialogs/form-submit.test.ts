import { describe, expect, it } from 'vitest';
import { renderText } from '../../src/chat/render-text.js';
import type { FormView } from '../../src/core/views/view.js';
import { openForm, submitForm, type FormOutcome } from '../../src/dialogs/form-submit.js';
import { DIALOGS } from '../../src/dialogs/registry.js';
import { SENDCO, testWorld } from '../helpers/dialog-context.js';
import { makeCase } from '../helpers/make-case.js';
import { pcp, psp } from '../core/reminders/plans.js';

const formOf = (o: FormOutcome): FormView => {
  if (o.done) throw new Error(`expected the form back, got: ${renderText(o.views)}`);
  return o.form;
};
const ids = (f: FormView) => f.questions.map((q) => q.id);
const NEW_PUPIL = { pupilRef: '4021', initials: 'AB', yearGroup: '8', care: 'neither', socialWorker: 'no', send: 'sen-support', step: '', risk: 'no' };

describe('a whole form submitted at once (cards and modals)', () => {
  it('opens what-next with only the pupil question, and the pupil typed after the command already checked', async () => {
    const w = await testWorld();
    const ctx = w.ctxFor(SENDCO);
    expect(ids(formOf(await openForm(DIALOGS['what-next']!, ctx)))).toEqual(['pupil']);
    const unknown = formOf(await openForm(DIALOGS['what-next']!, ctx, { pupil: 'ZZ' }));
    expect(unknown.questions[0]).toMatchObject({ id: 'pupil', value: 'ZZ' });
    expect(unknown.questions[0]!.error).toBeTruthy();
    expect(unknown.notice).toMatch(/One answer needs attention/);
  });

  it('marks every missing or impossible answer at once and keeps everything typed', async () => {
    const w = await testWorld();
    const ctx = w.ctxFor(SENDCO);
    const form = formOf(await openForm(DIALOGS['new-pupil']!, ctx));
    const back = formOf(await submitForm(DIALOGS['new-pupil']!, ctx, { formId: form.formId, values: { ...NEW_PUPIL, initials: 'Alexander', risk: '' }, shown: ids(form) }));
    const byId = Object.fromEntries(back.questions.map((q) => [q.id, q]));
    expect(byId.initials!.error).toMatch(/one to three letters/);
    expect(byId.risk!.error).toBe('I need an answer to this one.');
    expect(byId.pupilRef).toMatchObject({ value: '4021' });
    expect(byId.pupilRef!.error).toBeUndefined();
    expect(back.notice).toBe('2 answers need attention; everything else is kept.');
    expect(back.formId).toBe(form.formId);
    expect(await w.repo.listBySchool('oak-primary')).toHaveLength(0);
  });

  it('saves when complete, using the fallback for a blank optional answer', async () => {
    const w = await testWorld();
    const ctx = w.ctxFor(SENDCO);
    const form = formOf(await openForm(DIALOGS['new-pupil']!, ctx));
    const done = await submitForm(DIALOGS['new-pupil']!, ctx, { formId: form.formId, values: NEW_PUPIL, shown: ids(form) });
    expect(done.done).toBe(true);
    expect(renderText(done.views)).toContain('AB (ref 4021, Year 8) is recorded at Step 2');
  });

  it('brings up follow-up questions an answer makes relevant, then finishes', async () => {
    const w = await testWorld();
    const ctx = w.ctxFor(SENDCO);
    const dialog = DIALOGS['what-next']!;
    const first = formOf(await submitForm(dialog, ctx, { formId: 'f1', values: { pupil: 'skip' }, shown: ['pupil'] }));
    expect(first.notice).toMatch(/a few more questions/);
    expect(ids(first)).toContain('suspensions');
    const values: Record<string, string> = { pupil: 'skip', step: '3', plan: 'reviewed-no-change', suspensions: '2' };
    for (const q of first.questions) if (q.kind === 'yesno') values[q.id] = 'no';
    for (const q of first.questions) if (q.kind === 'choice' && !(q.id in values)) values[q.id] = q.choices![0]!.value;
    const second = formOf(await submitForm(dialog, ctx, { formId: 'f1', values, shown: ids(first) }));
    expect(ids(second)).toEqual(expect.arrayContaining(['longest', 'totalDays']));
    const done = await submitForm(dialog, ctx, { formId: 'f1', values: { ...values, longest: '12', totalDays: '14' }, shown: ids(second) });
    expect(done.done).toBe(true);
    expect(renderText(done.views)).toMatch(/you are here/);
  });

  it('finishes a one-question dialog straight from the words after the command', async () => {
    const w = await testWorld();
    const done = await openForm(DIALOGS.signpost!, w.ctxFor(SENDCO), { query: 'attendance' });
    expect(done.done).toBe(true);
    expect(done.views[0]!.blocks[0]).toMatchObject({ type: 'search', search: { query: 'attendance' } });
  });
});

describe('a choice shown again', () => {
  it('is preselected from the words staff type for it ("the PSP" for the plan to review)', async () => {
    const w = await testWorld();
    const ctx = w.ctxFor(SENDCO);
    await w.repo.save(makeCase({ pupilRef: '4021', pcps: [pcp('2026-12-01')], psps: [psp('2026-11-02')] }), undefined);
    const values = { pupil: '4021', planId: 'the PSP', date: '31/02/2026', positive: 'yes', notes: '' };
    const back = formOf(await submitForm(DIALOGS.review!, ctx, { formId: 'f', values, shown: Object.keys(values) }));
    const byId = Object.fromEntries(back.questions.map((q) => [q.id, q]));
    expect(byId.planId).toMatchObject({ value: 'psp-1' });
    expect(byId.planId!.error).toBeUndefined();
    expect(byId.date!.error).toMatch(/not a real date/);
  });
});

describe('"none" as an answer', () => {
  it('is a choice, not a skip, when the question offers it (SEND: none)', async () => {
    const w = await testWorld();
    const ctx = w.ctxFor(SENDCO);
    const done = await submitForm(DIALOGS['new-pupil']!, ctx, { formId: 'f', values: { ...NEW_PUPIL, send: 'none' }, shown: Object.keys(NEW_PUPIL) });
    expect(done.done).toBe(true);
    expect((await w.repo.listBySchool('oak-primary'))[0]!.flags).toMatchObject({ senSupport: false, ehcp: false });
  });
});

describe('the follow-up line on a form that comes back (issue 12)', () => {
  it('says how many new questions are still to answer: one answered with the form is not counted, and a problem to put right comes instead of the line', async () => {
    const w = await testWorld();
    const ctx = w.ctxFor(SENDCO);
    const dialog = DIALOGS['what-next']!;
    const first = formOf(await submitForm(dialog, ctx, { formId: 'f1', values: { pupil: 'skip' }, shown: ['pupil'] }));
    const values: Record<string, string> = { pupil: 'skip', step: '3', plan: 'reviewed-no-change', suspensions: '2' };
    for (const q of first.questions) if (q.kind === 'yesno') values[q.id] = 'no';
    for (const q of first.questions) if (q.kind === 'choice' && !(q.id in values)) values[q.id] = q.choices![0]!.value;
    // Sent with the first form's questions only, but with its follow-ups' answers too (as a client may keep them):
    // the two questions two suspensions bring up are new, and the line says so; the answered ones are not counted.
    const second = formOf(await submitForm(dialog, ctx, { formId: 'f1', values, shown: ['pupil'] }));
    expect(second.notice).toBe('Thank you. Your answers bring up a few more questions.');
    const third = formOf(await submitForm(dialog, ctx, { formId: 'f1', values: { ...values, longest: '12', returning: '0', notes: 'Settled this week' }, shown: ['pupil'] }));
    expect(ids(third)).toContain('totalDays');
    expect(third.notice).toBe('Thank you. Your answers bring up one more question.');
    const fourth = formOf(await submitForm(dialog, ctx, { formId: 'f1', values: { ...values, longest: 'twelve' }, shown: ids(second) }));
    // An answer to put right: that line only, not the follow-up line.
    expect(fourth.notice).toMatch(/need attention; everything else is kept\.$/);
    expect(fourth.notice).not.toMatch(/more question/);
  });
});
