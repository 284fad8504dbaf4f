import { describe, expect, it } from 'vitest';
import { FormSubmitData, formValuesFrom, VERB } from '../../../../src/channels/teams/cards/actions.js';
import { renderCard } from '../../../../src/channels/teams/cards/render-card.js';
import { NOTES_MAX } from '../../../../src/core/cases/text-limits.js';
import type { Block, View } from '../../../../src/core/views/view.js';
import { DIALOGS } from '../../../../src/dialogs/registry.js';
import { submitForm } from '../../../../src/dialogs/form-submit.js';
import { after, execute, input, inputs, texts } from './card-query.js';
import { cardProblems } from './parse-card.js';
import { formDialogIds, formOf, openedWithPupil, submitAll, UNRECORDED_ANSWERS, whatNextUnrecorded } from './replies.js';
import { worldWithPupil } from './world.js';

const asViews = (b: Block): View[] => [{ blocks: [b] }];

describe('the what-next form', async () => {
  const { ctx } = await worldWithPupil();
  const form = await whatNextUnrecorded(ctx);
  const card = renderCard(asViews({ type: 'form', form }));

  it('has an input for every question, named q_<question id>, in order', () => {
    expect(inputs(card).map((i) => i.id)).toEqual(form.questions.map((q) => `q_${q.id}`));
    expect(cardProblems(card)).toEqual([]);
  });

  it('uses the input each kind of question needs', () => {
    // A picker: Teams asks the bot for the pupils matching what is typed; "skip", typed earlier, leaves it empty,
    // with the person's pupils offered ready-made for a client that cannot search (issue 12).
    expect(input(card, 'q_pupil')).toMatchObject({ type: 'Input.ChoiceSet', style: 'filtered', 'choices.data': { type: 'Data.Query', dataset: 'pupils' }, choices: [{ title: 'AB (ref 4021, Year 8)', value: '4021' }], isRequired: false, label: expect.stringMatching(/\(optional\)$/) });
    expect(input(card, 'q_pupil')).not.toHaveProperty('value');
    expect(input(card, 'q_step')).toMatchObject({ type: 'Input.ChoiceSet', style: 'compact', isRequired: true, errorMessage: 'Please pick one.' });
    expect(input(card, 'q_step')).toMatchObject({ choices: expect.arrayContaining([{ title: 'Step 3 – SENDCo and teacher working together', value: '3' }]) });
    expect(input(card, 'q_plan')).toMatchObject({ type: 'Input.ChoiceSet', style: 'expanded' });
    expect(input(card, 'q_suspensions')).toMatchObject({ type: 'Input.Number', isRequired: false, placeholder: 'Leave blank for: none' });
    expect(input(card, 'q_permanent')).toMatchObject({ type: 'Input.ChoiceSet', style: 'expanded', isRequired: true, choices: [{ title: 'Yes', value: 'yes' }, { title: 'No', value: 'no' }] });
    // Sized to what the question takes (NOTES_MAX), so a long note is neither cut off nor refused.
    expect(input(card, 'q_notes')).toMatchObject({ type: 'Input.Text', isMultiline: true, maxLength: NOTES_MAX, isRequired: false });
    expect(texts(card)).toContain('Leave blank for: none.');
  });

  it('submits with its dialog, form id and the questions shown; cancels without the inputs', () => {
    const data = { dialogId: 'what-next', formId: form.formId, shown: form.questions.map((q) => q.id) };
    expect(execute(card, 'Show guidance')).toMatchObject({
      verb: VERB.submitForm,
      associatedInputs: 'auto',
      data: { ...data, verb: 'form.submit' },
      fallback: { type: 'Action.Submit', data: { ...data, verb: 'form.submit' } },
    });
    expect(execute(card, 'Cancel')).toMatchObject({ verb: VERB.cancelForm, associatedInputs: 'none', data: { verb: 'form.cancel', dialogId: 'what-next', formId: form.formId } });
  });

  it('as Teams sends it back, with the inputs merged into the data, finishes the dialog', async () => {
    const submit = execute(card, 'Show guidance');
    const sent = { ...submit.data, ...Object.fromEntries(Object.entries(UNRECORDED_ANSWERS).map(([k, v]) => [`q_${k}`, v])) };
    const data = FormSubmitData.parse(sent);
    const outcome = await submitForm(DIALOGS[data.dialogId]!, ctx, { formId: data.formId, values: formValuesFrom(sent), shown: data.shown });
    expect(outcome.done).toBe(true);
  });
});

describe('a form that comes back half-filled', async () => {
  const { ctx } = await worldWithPupil();

  it('what-next marks each missing or unusable answer right under its input, and keeps the rest', async () => {
    const form = await whatNextUnrecorded(ctx);
    const card = renderCard((await submitAll(ctx, 'what-next', form, { pupil: 'skip', step: '2', suspensions: 'lots', permanent: 'no' })).views);
    expect(cardProblems(card)).toEqual([]);
    expect(texts(card)).toContainEqual(expect.stringMatching(/answers need attention; everything else is kept/));
    expect(after(card, 'q_risk')).toMatchObject({ type: 'Container', style: 'attention', items: [{ type: 'TextBlock', text: 'I need an answer to this one.' }] });
    expect(after(card, 'q_suspensions')).toMatchObject({ type: 'Container', style: 'attention', items: [{ type: 'TextBlock', text: expect.stringContaining('number') }] });
    expect(input(card, 'q_step')).toMatchObject({ value: '2' });
    expect(input(card, 'q_permanent')).toMatchObject({ value: 'no' });
    expect(after(card, 'q_permanent')).not.toMatchObject({ style: 'attention' });
  });

  it('pcp marks an impossible date and does not put it in the date picker', async () => {
    const form = await openedWithPupil(ctx, 'pcp');
    const card = renderCard((await submitAll(ctx, 'pcp', form, { pupil: '4021', 'pcp.planDate': '31/02/2027', reviewDate: '31/02/2027', wantsIsp: 'no' })).views);
    expect(cardProblems(card)).toEqual([]);
    expect(input(card, 'q_pcp.planDate')).toMatchObject({ type: 'Input.Date' });
    expect(input(card, 'q_pcp.planDate')).not.toHaveProperty('value');
    expect(after(card, 'q_pcp.planDate')).toMatchObject({ type: 'Container', style: 'attention', items: [{ type: 'TextBlock', text: expect.stringContaining('31/02/2027 is not a real date') }] });
    expect(after(card, 'q_reviewDate')).toMatchObject({ type: 'Container', style: 'attention' });
    expect(after(card, 'q_pcp.present')).toMatchObject({ style: 'attention', items: [{ text: 'I need an answer to this one.' }] });
    expect(input(card, 'q_wantsIsp')).toMatchObject({ value: 'no' });
    // The pupil chosen shows chosen, described as everywhere: the picker keeps its reference.
    expect(input(card, 'q_pupil')).toMatchObject({ value: '4021', choices: [{ title: 'AB (ref 4021, Year 8)', value: '4021' }] });
  });

  it('keeps a real date in the date picker', async () => {
    const form = await openedWithPupil(ctx, 'pcp');
    const card = renderCard((await submitAll(ctx, 'pcp', form, { pupil: '4021', reviewDate: '2026-12-18' })).views);
    expect(input(card, 'q_reviewDate')).toMatchObject({ type: 'Input.Date', value: '2026-12-18' });
  });

  it('asks the Incident Support Plan questions once it is wanted', async () => {
    const form = await openedWithPupil(ctx, 'pcp');
    const back = formOf(await submitAll(ctx, 'pcp', form, { pupil: '4021', wantsIsp: 'yes' }));
    const card = renderCard(asViews({ type: 'form', form: back }));
    expect(inputs(card).filter((i) => i.id.startsWith('q_isp.')).length).toBeGreaterThan(3);
    expect(input(card, 'q_wantsIsp')).toMatchObject({ value: 'yes' });
  });
});

describe('a whole PCP sent as Teams sends it', () => {
  it('saves the plan: multi-line lists, picked dates and yes/no all arrive as the dialog expects', async () => {
    const { ctx } = await worldWithPupil();
    const form = await openedWithPupil(ctx, 'pcp');
    const card = renderCard(asViews({ type: 'form', form }));
    const answer = (kind: string, choices: { value: string }[] = []): string =>
      ({ text: 'Class teacher', longtext: 'Calmer mornings with a key adult', list: 'Key adult check-in\nQuiet space at break', date: '2026-12-18', yesno: 'no', number: '1', choice: choices[0]?.value ?? '' })[kind] ?? '';
    const sent: Record<string, unknown> = { ...execute(card, 'Save plan').data };
    for (const q of form.questions) if (!q.optional) sent[`q_${q.id}`] = q.id === 'pupil' ? '4021' : answer(q.kind, q.choices);
    const data = FormSubmitData.parse(sent);
    const outcome = await submitForm(DIALOGS[data.dialogId]!, ctx, { formId: data.formId, values: formValuesFrom(sent), shown: data.shown });
    expect(outcome.done ? texts(renderCard(outcome.views)) : outcome.form.questions.filter((q) => q.error)).toContain('Plan saved');
  });
});

describe('every dialog opens as a card form', async () => {
  const { ctx } = await worldWithPupil();
  it.each(formDialogIds(ctx))('%s', async (id) => {
    const form = await openedWithPupil(ctx, id);
    const card = renderCard(asViews({ type: 'form', form }));
    expect(texts(card)[0]).toBe(form.title);
    expect(inputs(card)).toHaveLength(form.questions.length);
    expect(execute(card, form.submitLabel)).toMatchObject({ data: { verb: 'form.submit', dialogId: id, shown: form.questions.map((q) => q.id) } });
    for (const q of form.questions.filter((x) => x.kind === 'list')) expect(input(card, `q_${q.id}`)).toMatchObject({ isMultiline: true, placeholder: 'One per line' });
  });
});
