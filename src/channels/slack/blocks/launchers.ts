import type { FormView, SearchView } from '../../../core/views/view.js';
import { button } from './buttons.js';
import { ACTION, encodeOpenForm, encodeRefineSearch } from './ids.js';
import type { KnownBlock } from './slack-types.js';
import { escape, oneLine, safe, section } from './text.js';

/**
 * A message cannot hold a form or a search box, so it holds a button that opens one in a modal:
 * "Open form" with the answers already given, and "Refine search" with the words and filters.
 */

/** Answers already on the form (e.g. the pupil from "what next for AB"), for the modal to start with. */
export const prefillOf = (form: FormView): Record<string, string> =>
  Object.fromEntries(form.questions.flatMap((q) => (q.value !== undefined && q.value !== '' ? [[q.id, q.value]] : [])));

export function formLauncher(form: FormView): KnownBlock[] {
  const hasErrors = form.questions.some((q) => q.error);
  const lines = [
    `*${escape(oneLine(form.title))}*`,
    ...(form.intro ? [safe(form.intro, 1200)] : []),
    ...(form.notice ? [`${hasErrors ? '⚠️ ' : ''}${safe(form.notice, 600)}`] : []),
  ];
  const open = button('Open form', ACTION.openForm, encodeOpenForm({ dialogId: form.dialogId, prefill: prefillOf(form) }), 'primary');
  return [{ ...section(lines.join('\n')), accessory: open }];
}

export function searchLauncher(search: SearchView): KnownBlock[] {
  return [{ type: 'actions', elements: [button('Refine search', ACTION.refineSearch, encodeRefineSearch(search.query, search.filters))] }];
}
