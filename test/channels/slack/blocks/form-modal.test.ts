import { describe, expect, it } from 'vitest';
import { formErrors, formModal, formValuesFromState, resultModal } from '../../../../src/channels/slack/blocks/form-modal.js';
import { ACTION, actionKind, CALLBACK, decodeMetadata, decodeOpenForm } from '../../../../src/channels/slack/blocks/ids.js';
import { messageFrom } from '../../../../src/channels/slack/blocks/message.js';
import { DIALOGS } from '../../../../src/dialogs/registry.js';
import { submitForm } from '../../../../src/dialogs/form-submit.js';
import { formDialogIds, formOf, openedWithPupil, submitAll, UNRECORDED_ANSWERS, whatNextUnrecorded } from '../../teams/cards/replies.js';
import { worldWithPupil } from '../../teams/cards/world.js';
import { slackViolations } from './limits.js';
import { button, buttons, input, inputs, stateOf, texts } from './query.js';

const { ctx } = await worldWithPupil();

describe('the what-next modal', async () => {
  const form = await whatNextUnrecorded(ctx);
  const modal = formModal(form);

  it('has an input for every question, block_id q_<question id>, in order', () => {
    expect(inputs(modal).map((b) => b.block_id)).toEqual(form.questions.map((q) => `q_${q.id}`));
    // The pupil picker has its own, so the options it asks for are told from any other select's.
    expect(inputs(modal).map((b) => b.element.action_id)).toEqual(form.questions.map((q) => (q.id === 'pupil' ? 'lookup_pupil' : 'value')));
    expect(slackViolations(modal, 'modal')).toEqual([]);
  });

  it('uses the element each kind of question needs', () => {
    // A picker searching the pupils this person may see; "skip", typed earlier, leaves it empty.
    expect(input(modal, 'q_pupil')).toMatchObject({ optional: true, element: { type: 'external_select', action_id: 'lookup_pupil', min_query_length: 1 } });
    expect(input(modal, 'q_pupil').element).not.toHaveProperty('initial_option');
    expect(input(modal, 'q_step')).toMatchObject({ optional: false, element: { type: 'static_select', options: expect.arrayContaining([{ text: expect.objectContaining({ text: 'Step 3 – SENDCo and teacher working together' }), value: '3' }]) } });
    expect(input(modal, 'q_plan').element).toMatchObject({ type: 'radio_buttons' });
    expect(input(modal, 'q_suspensions')).toMatchObject({ element: { type: 'number_input', is_decimal_allowed: false }, hint: { text: 'Leave blank for: none.' } });
    expect(input(modal, 'q_permanent').element).toMatchObject({ type: 'radio_buttons', options: [{ value: 'yes' }, { value: 'no' }] });
    // As much as the question takes (8,000), within what Slack's input allows (3,000).
    expect(input(modal, 'q_notes')).toMatchObject({ optional: true, element: { type: 'plain_text_input', multiline: true, max_length: 3000 } });
  });

  it('is submitted to the form listener with its dialog, form id and the questions shown', () => {
    expect(modal).toMatchObject({ type: 'modal', callback_id: CALLBACK.form, title: { text: 'What next?' }, submit: { text: 'Show guidance' }, close: { text: 'Cancel' } });
    expect(decodeMetadata(modal.private_metadata)).toEqual({ dialogId: 'what-next', formId: form.formId, shown: form.questions.map((q) => q.id), history: [] });
  });

  it('answered as Slack sends it, asks the follow-up questions in an updated modal, then finishes', async () => {
    const fill = (f: typeof form) => ({ ...f, questions: f.questions.map((q) => ({ ...q, value: UNRECORDED_ANSWERS[q.id] ?? '' })) });
    const submit = async (modal: ReturnType<typeof formModal>) => {
      const meta = decodeMetadata(modal.private_metadata)!;
      return { meta, outcome: await submitForm(DIALOGS[meta.dialogId]!, ctx, { formId: meta.formId, shown: meta.shown, values: formValuesFromState(stateOf(modal)) }) };
    };
    const first = await submit(formModal(fill(form)));
    // Two suspensions bring up how long they were: the modal is replaced by the longer form, with Back.
    const more = formOf(first.outcome);
    expect(more.notice).toMatch(/a few more questions/);
    const second = formModal(fill(more), [...first.meta.history, first.meta.shown]);
    expect(inputs(second).map((b) => b.block_id)).toEqual(expect.arrayContaining(['q_longest', 'q_totalDays']));
    expect(buttons(second.blocks).map((b) => b.text.text)).toEqual(['← Back']);
    expect((await submit(second)).outcome.done).toBe(true);
  });

  it('has "← Back" only when there is an earlier step to go back to', () => {
    expect(buttons(modal.blocks)).toEqual([]);
    const later = formModal(form, [['pupil']]);
    expect(buttons(later.blocks).map((b) => [b.text.text, actionKind(b.action_id!)])).toEqual([['← Back', ACTION.back]]);
    expect(decodeMetadata(later.private_metadata)?.history).toEqual([['pupil']]);
    expect(slackViolations(later, 'modal')).toEqual([]);
  });
});

describe('a form that comes back half-filled', () => {
  it('gives each problem to its input by block_id, and keeps the answers', async () => {
    const form = await whatNextUnrecorded(ctx);
    const back = formOf(await submitAll(ctx, 'what-next', form, { pupil: 'skip', step: '2', suspensions: 'lots', permanent: 'no' }));
    const errors = formErrors(back);
    expect(errors).toMatchObject({ q_risk: 'I need an answer to this one.', q_suspensions: expect.stringContaining('whole number') });
    expect(Object.keys(errors)).toEqual(back.questions.filter((q) => q.error).map((q) => `q_${q.id}`));
    expect(errors).not.toHaveProperty('q_permanent');
    const modal = formModal(back);
    expect(texts(modal)).toContain('⚠️ *9 answers need attention; everything else is kept.*');
    expect(input(modal, 'q_risk').hint?.text).toBe('⚠️ I need an answer to this one.');
    expect(input(modal, 'q_step').element).toMatchObject({ initial_option: { value: '2' } });
    expect(input(modal, 'q_permanent').element).toMatchObject({ initial_option: { value: 'no' } });
  });

  it('keeps a real date in the date picker and leaves an impossible one out', async () => {
    const pcp = await openedWithPupil(ctx, 'pcp');
    const back = formOf(await submitAll(ctx, 'pcp', pcp, { pupil: '4021', 'pcp.planDate': '31/02/2027', reviewDate: '2026-12-18' }));
    const modal = formModal(back);
    expect(input(modal, 'q_pcp.planDate').element).not.toHaveProperty('initial_date');
    expect(formErrors(back)['q_pcp.planDate']).toContain('31/02/2027 is not a real date');
    expect(input(modal, 'q_reviewDate').element).toMatchObject({ type: 'datepicker', initial_date: '2026-12-18' });
    expect(input(modal, 'q_pcp.present')).toMatchObject({ element: { multiline: true }, hint: { text: expect.stringContaining('One per line.') } });
  });

  it('round-trips every kind of answer: what the modal shows is what Slack sends back', async () => {
    const psp = await openedWithPupil(ctx, 'psp');
    const given = { pupil: '4021', targets: 'Arrive on time\nStay in lessons', interval: '21', startDate: '2026-11-23', 'psp.reasonForPsp': psp.questions.find((q) => q.id === 'psp.reasonForPsp')!.choices![1]!.value, 'psp.returningFromLongExclusion': 'no', 'psp.reasonDetails': 'Two suspensions' };
    const back = formOf(await submitAll(ctx, 'psp', psp, given));
    const sent = formValuesFromState(stateOf(formModal(back)));
    expect(sent).toEqual({ ...Object.fromEntries(back.questions.map((q) => [q.id, ''])), ...given });
    expect(new Set(back.questions.map((q) => q.kind))).toEqual(new Set(['text', 'list', 'date', 'number', 'choice', 'yesno', 'longtext']));
  });
});

describe('reading what Slack sends', () => {
  it('reads each element type, blanks what is missing and ignores what is odd', () => {
    const values = {
      q_a: { value: { type: 'plain_text_input', value: 'hello' } },
      q_b: { value: { type: 'number_input', value: '3' } },
      q_c: { value: { type: 'datepicker', selected_date: '2026-12-18' } },
      q_d: { value: { type: 'static_select', selected_option: { text: { type: 'plain_text', text: 'Two' }, value: '2' } } },
      q_e: { value: { type: 'radio_buttons', selected_option: null } },
      q_f: { value: { type: 'plain_text_input', value: null } },
      'q_g.h': { value: { type: 'checkboxes', selected_options: [] } },
      q_i: { other: { type: 'plain_text_input', value: 'not the value action' } },
      q_j: { value: { type: 'plain_text_input', value: 42 } },
      s_query: { value: { type: 'plain_text_input', value: 'not a question' } },
    };
    expect(formValuesFromState({ values })).toEqual({ a: 'hello', b: '3', c: '2026-12-18', d: '2', e: '', f: '', 'g.h': '', i: '', j: '' });
    expect(formValuesFromState({ values: 'nonsense' } as never)).toEqual({});
  });
});

describe('every dialog opened from a message', () => {
  it.each(formDialogIds(ctx))('%s: an "Open form" button carries the dialog and the answers given', async (id) => {
    const form = await openedWithPupil(ctx, id);
    const message = messageFrom([{ blocks: [{ type: 'form', form }] }]);
    expect(slackViolations(message, 'message')).toEqual([]);
    const open = button(message.blocks, 'Open form');
    expect(actionKind(open.action_id!)).toBe(ACTION.openForm);
    const prefill = Object.fromEntries(form.questions.filter((q) => q.value).map((q) => [q.id, q.value!]));
    expect(decodeOpenForm(open.value)).toEqual({ dialogId: id, prefill });
    if (form.questions[0]?.id === 'pupil') expect(prefill).toEqual({ pupil: '4021' });
  });
});

describe('a finished form in the modal', () => {
  it('shows the result with "Done" and nothing to submit', () => {
    const modal = resultModal([{ blocks: [{ type: 'text', text: 'Plan saved', tone: 'success' }] }], 'Done');
    expect(modal).toMatchObject({ type: 'modal', title: { text: 'Done' }, close: { text: 'Done' } });
    expect(modal).not.toHaveProperty('submit');
    expect(texts(modal)).toContain('✅ Plan saved');
  });
});

describe('modal titles and buttons within Slack’s 24 characters, never cut', () => {
  const LIMIT = 24;
  const whole = (modal: ReturnType<typeof formModal>) => [modal.title.text, modal.submit?.text ?? '', modal.close?.text ?? ''];

  it.each(formDialogIds(ctx))('%s: its title and buttons fit whole', async (id) => {
    const form = await openedWithPupil(ctx, id);
    const modal = formModal(form);
    for (const t of whole(modal)) {
      expect(t.length, t).toBeLessThanOrEqual(LIMIT);
      expect(t, t).not.toMatch(/…$/);
    }
    // The title is the dialog's own short title (or its title), not a cut-down one.
    expect(modal.title.text).toBe(form.shortTitle ?? form.title);
    expect(modal.submit?.text).toBe(form.submitLabel);
  });

  it('result and search modals too', () => {
    for (const title of ['Graduated response', 'Done', 'Sorry', 'Working on it', 'Services']) expect(resultModal([], title).title.text).toBe(title);
    // A title that does not fit is cut with an ellipsis, which is what the test above rules out.
    expect(resultModal([], 'Pastoral Support Programme review').title.text).toMatch(/…$/);
  });
});
