import type { SignpostFilters } from '../../../core/signpost/signpost.js';
import type { Choice, SearchView } from '../../../core/views/view.js';
import { ANY, CALLBACK, cleanFilters, encodeSearchMetadata, SEARCH_BLOCK, VALUE_ACTION } from './ids.js';
import type { InputBlock, InputBlockElement, ModalView, PlainTextOption } from './slack-types.js';
import { blockTexts, type ViewStateValues } from './state.js';
import { LIMITS, oneLine, plain } from './text.js';

/** The service search as a modal: the words, and the filters as menus, so a search can be refined. */

/** As much as Slack's input takes: the safeguarding check reads every word; the search reads the start. */
const QUERY_MAX = LIMITS.plainTextInputMax;

const option = (c: Choice): PlainTextOption => ({ text: plain(oneLine(c.label), LIMITS.optionText), value: c.value });

/** "Any" and the choices; the current value picked, or "Any". */
function pick(choices: readonly Choice[], value: string | undefined): InputBlockElement {
  const options = [{ label: 'Any', value: ANY }, ...choices.filter((c) => c.value.length <= LIMITS.optionValue)].slice(0, LIMITS.selectOptions).map(option);
  const initial = options.find((o) => o.value === value) ?? options[0];
  return { type: 'static_select', action_id: VALUE_ACTION, options, ...(initial ? { initial_option: initial } : {}) };
}

const input = (blockId: string, label: string, element: InputBlockElement, optional: boolean, hint?: string): InputBlock => ({
  type: 'input',
  block_id: blockId,
  label: plain(label, LIMITS.inputLabel),
  optional,
  element,
  ...(hint ? { hint: plain(hint, LIMITS.hint) } : {}),
});

export function searchModal(search: SearchView): ModalView {
  const f = search.filters;
  const query = search.query.replace(/\s+/g, ' ').trim().slice(0, QUERY_MAX);
  const age = f.age !== undefined && Number.isInteger(f.age) && f.age >= 2 && f.age <= 25 ? { initial_value: String(f.age) } : {};
  return {
    type: 'modal',
    callback_id: CALLBACK.search,
    title: plain('Find a service', LIMITS.modalTitle),
    submit: plain('Search', LIMITS.modalButton),
    close: plain('Cancel', LIMITS.modalButton),
    private_metadata: encodeSearchMetadata(),
    blocks: [
      input(
        SEARCH_BLOCK.query,
        'What do you need help with?',
        { type: 'plain_text_input', action_id: VALUE_ACTION, max_length: QUERY_MAX, placeholder: plain('e.g. attendance really poor, online tuition year 10', LIMITS.placeholder), ...(query ? { initial_value: query } : {}) },
        false,
      ),
      input(SEARCH_BLOCK.phase, 'Phase', pick(search.phases, f.phase), true),
      input(SEARCH_BLOCK.district, 'District', pick(search.districts, f.district), true),
      input(SEARCH_BLOCK.mode, 'Delivery', pick(search.modes, f.mode), true),
      input(SEARCH_BLOCK.age, 'Age', { type: 'number_input', action_id: VALUE_ACTION, is_decimal_allowed: false, min_value: '2', max_value: '25', ...age }, true, 'Leave blank for any age.'),
    ],
  };
}

/** The search modal's words and filters; "Any", blanks and values we do not offer are dropped. */
export function searchFromState(state: ViewStateValues): { query: string; filters: SignpostFilters } {
  const texts = blockTexts(state);
  const text = (id: string) => (texts.get(id) ?? '').trim();
  const picked = (id: string) => (text(id) && text(id) !== ANY ? text(id) : undefined);
  const age = text(SEARCH_BLOCK.age);
  return {
    query: text(SEARCH_BLOCK.query).replace(/\s+/g, ' ').slice(0, QUERY_MAX),
    filters: cleanFilters({
      phase: picked(SEARCH_BLOCK.phase),
      district: picked(SEARCH_BLOCK.district),
      mode: picked(SEARCH_BLOCK.mode),
      age: /^\d{1,3}$/.test(age) ? Number(age) : undefined,
    }),
  };
}
