import { NOTES_MAX } from '../../../core/cases/text-limits.js';
import type { Choice, SearchView } from '../../../core/views/view.js';
import type { ChoiceSetInput, Column, ColumnSet, Element, InputChoice } from './adaptive-types.js';
import { ANY, SEARCH_INPUT, searchAction } from './actions.js';

/**
 * The service search box above the results: the words, and the filters as choices, so a filter
 * can be changed and the search run again in place. The box takes a long description whole, so
 * the safeguarding check reads all of it; the search itself reads its start.
 */

const asInput = (cs: readonly Choice[]): InputChoice[] => cs.map((c) => ({ title: c.label, value: c.value }));

function pick(id: string, label: string, choices: InputChoice[], value: string | undefined): ChoiceSetInput {
  const all = [{ title: 'Any', value: ANY }, ...choices];
  return { type: 'Input.ChoiceSet', id, label, style: 'compact', choices: all, value: value && all.some((c) => c.value === value) ? value : ANY };
}

const column = (item: Element): Column => ({ type: 'Column', width: 'stretch', items: [item] });
const pair = (a: Element, b: Element): ColumnSet => ({ type: 'ColumnSet', spacing: 'Small', columns: [column(a), column(b)] });

export function searchElements(s: SearchView): Element[] {
  const f = s.filters;
  return [
    { type: 'Input.Text', id: SEARCH_INPUT.query, label: 'What do you need help with?', placeholder: 'e.g. attendance really poor, online tuition year 10', maxLength: NOTES_MAX, value: s.query },
    pair(
      pick(SEARCH_INPUT.phase, 'Phase', asInput(s.phases), f.phase),
      pick(
        SEARCH_INPUT.district,
        'District',
        asInput(s.districts),
        f.district,
      ),
    ),
    pair(pick(SEARCH_INPUT.mode, 'Delivery', asInput(s.modes), f.mode), {
      type: 'Input.Number',
      id: SEARCH_INPUT.age,
      label: 'Age (optional)',
      placeholder: 'Any age',
      min: 2,
      max: 25,
      ...(f.age !== undefined && f.age >= 2 && f.age <= 25 ? { value: f.age } : {}),
    }),
    { type: 'ActionSet', spacing: 'Small', actions: [searchAction()] },
  ];
}
