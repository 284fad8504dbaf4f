import { z } from 'zod/v4';
import { PUPIL_LOOKUP_ACTION, questionIdOf, VALUE_ACTION } from './ids.js';

/**
 * What Slack sends back from a modal's inputs (`view.state.values`, block_id → action_id →
 * element state), read as plain text. Anything of an unexpected shape reads as blank.
 */

const Text = z.string().max(10_000);

const ElementState = z.discriminatedUnion('type', [
  z.looseObject({ type: z.literal('plain_text_input'), value: Text.nullish() }),
  z.looseObject({ type: z.literal('number_input'), value: Text.nullish() }),
  z.looseObject({ type: z.literal('datepicker'), selected_date: Text.nullish() }),
  z.looseObject({ type: z.literal('static_select'), selected_option: z.looseObject({ value: Text }).nullish() }),
  z.looseObject({ type: z.literal('radio_buttons'), selected_option: z.looseObject({ value: Text }).nullish() }),
  z.looseObject({ type: z.literal('external_select'), selected_option: z.looseObject({ value: Text }).nullish() }),
  z.looseObject({ type: z.literal('users_select'), selected_user: Text.nullish() }),
]);

const ViewState = z.looseObject({ values: z.record(z.string(), z.record(z.string(), z.unknown())) });
export type ViewStateValues = { values: Record<string, Record<string, unknown>> };

/** One element's value as text: '' when empty, unpicked or not an element we make. */
export function elementText(raw: unknown): string {
  const r = ElementState.safeParse(raw);
  if (!r.success) return '';
  const e = r.data;
  switch (e.type) {
    case 'plain_text_input':
    case 'number_input':
      return e.value ?? '';
    case 'datepicker':
      return e.selected_date ?? '';
    case 'static_select':
    case 'radio_buttons':
    case 'external_select':
      return e.selected_option?.value ?? '';
    case 'users_select':
      // The user id alone; the core reads it as someone in the person's own workspace.
      return e.selected_user ?? '';
  }
}

/** block_id → the text of its `value` element, for every block in the state. */
export function blockTexts(state: unknown): Map<string, string> {
  const r = ViewState.safeParse(state);
  const out = new Map<string, string>();
  if (!r.success) return out;
  for (const [blockId, actions] of Object.entries(r.data.values)) out.set(blockId, elementText(actions[VALUE_ACTION] ?? actions[PUPIL_LOOKUP_ACTION]));
  return out;
}

/** The form's answers, question id → raw text, from every `q_` block; a missing answer is ''. */
export function formValuesFromState(state: ViewStateValues): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [blockId, text] of blockTexts(state)) {
    const id = questionIdOf(blockId);
    if (id !== undefined) out[id] = text;
  }
  return out;
}
