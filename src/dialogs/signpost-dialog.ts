import { safeguardingCheck } from '../core/guidance/overlays.js';
import { filtersFromText } from '../core/signpost/filters-from-text.js';
import { signpost } from '../core/signpost/signpost.js';
import type { FormDialog } from './dialog.js';
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
  async finish(ctx, a) {
    const query = a.query as string;
    const filters = filtersFromText(query);
    const results = signpostView(query, filters, signpost(ctx.index, query, filters, SIGNPOST_LIMIT));
    // Safeguarding first, here too: a disclosure typed into a search still goes to the DSL before any list.
    const risk = ctx.pack.rules && safeguardingCheck(ctx.pack, ctx.pack.rules, query);
    return risk ? [{ blocks: [{ type: 'recommendation', rec: risk }] }, results] : [results];
  },
};
