import { filtersFromText } from '../core/signpost/filters-from-text.js';
import { signpost } from '../core/signpost/signpost.js';
import type { SignpostFilters } from '../core/signpost/signpost.js';
import type { View } from '../core/views/view.js';
import type { DialogContext, FormDialog } from './dialog.js';
import { freeText } from './parse.js';
import { signpostView } from './views/signpost-view.js';

export const SIGNPOST_LIMIT = 5;

export const signpostDialog: FormDialog = {
  id: 'signpost',
  title: 'Find a service',
  questions: () => [
    {
      id: 'query',
      kind: 'text',
      prompt: 'What do you need help with? Describe it as you would to a colleague, e.g. "attendance really poor" or "online tuition year 10".',
      parse: (r) => freeText(r, 300),
    },
  ],
  submitLabel: 'Search',
  finish: async (ctx, a) => searchServices(ctx, a.query as string),
};

/**
 * A service search. Filters picked on a card win over those read from the words, so "year 10"
 * typed and "primary" picked means primary. A disclosure typed into a search is not checked here:
 * every text is checked once where it enters (the Assistant, the terminal), and the notice leads.
 */
export function searchServices(ctx: DialogContext, query: string, picked: SignpostFilters = {}): View[] {
  const filters = { ...filtersFromText(query), ...picked };
  const districts = Object.entries(ctx.pack.vocabulary.districts).map(([value, d]) => ({ value, label: d.label }));
  const results = signpostView(query, filters, signpost(ctx.index, query, filters, SIGNPOST_LIMIT), districts);
  return [results];
}
