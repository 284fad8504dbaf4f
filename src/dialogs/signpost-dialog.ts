import { NOTES_MAX } from '../core/cases/text-limits.js';
import { filtersFromText } from '../core/signpost/filters-from-text.js';
import { signpost } from '../core/signpost/signpost.js';
import type { SignpostFilters } from '../core/signpost/signpost.js';
import { clip } from '../core/views/fit.js';
import type { View } from '../core/views/view.js';
import type { DialogContext, FormDialog } from './dialog.js';
import { signpostView } from './views/signpost-view.js';

export const SIGNPOST_LIMIT = 5;

/**
 * How much of a description the search reads: its first words. A longer one is still taken whole
 * (staff describe a pupil at length), and the safeguarding check has already read all of it.
 */
export const SEARCH_CHARS = 300;

/** The start of a long description, cut at a word, for the search and its heading. */
export function searchPart(query: string): string {
  return clip(query.trim().replace(/\s+/g, ' '), SEARCH_CHARS);
}

export const signpostDialog: FormDialog = {
  id: 'signpost',
  title: 'Find a service',
  questions: () => [
    {
      id: 'query',
      kind: 'text',
      prompt: 'What do you need help with? Describe it as you would to a colleague, e.g. "attendance really poor" or "online tuition year 10".',
      // Any length: the search reads the start (searchPart), so nothing typed is refused. The
      // input is sized for a long description, so a card never cuts off words the check should read.
      maxLength: NOTES_MAX,
      parse: (r) => ({ ok: true, value: r.trim().replace(/\s+/g, ' ') }),
    },
  ],
  submitLabel: 'Search',
  finish: async (ctx, a) => searchServices(ctx, a.query as string),
};

/**
 * A service search. Filters picked on a card win over those read from the words, so "year 10"
 * typed and "primary" picked means primary. A long description is searched by its start
 * (searchPart). A disclosure typed into a search is not checked here: every text is checked once
 * where it enters (the Assistant, the terminal), and the notice leads.
 */
export function searchServices(ctx: DialogContext, typed: string, picked: SignpostFilters = {}): View[] {
  const query = searchPart(typed);
  const filters = { ...filtersFromText(query), ...picked };
  const districts = Object.entries(ctx.pack.vocabulary.districts).map(([value, d]) => ({ value, label: d.label }));
  const results = signpostView(query, filters, signpost(ctx.index, query, filters, SIGNPOST_LIMIT), districts);
  return [results];
}
