import { renderWithin } from '../../../core/views/fit.js';
import type { View } from '../../../core/views/view.js';
import { blockToSlack } from './blocks.js';
import { BUDGETS, FULL, type Budget } from './budget.js';
import type { KnownBlock } from './slack-types.js';
import { andMore, context } from './text.js';
import { uniqueActionIds } from './unique-actions.js';

/**
 * Views as one list of blocks for a message, a modal or the Home tab, with a divider between the
 * parts of a reply. A reply with too many blocks is shortened: long lists and runs of results
 * first ("…and N more"), then long paragraphs, and as a last resort the end of the reply.
 */

const viewBlocks = (v: View, budget: Budget): KnownBlock[] => renderWithin(v, budget, blockToSlack, andMore);

function body(views: readonly View[], budget: Budget): KnownBlock[] {
  const parts = views.map((v) => viewBlocks(v, budget)).filter((p) => p.length);
  return parts.flatMap((p, i) => (i === 0 ? p : [{ type: 'divider' } as const, ...p]));
}

export const SHORTENED = 'Reply shortened: ask again for the rest.';

/** At most `maxBlocks` blocks, every button's action_id unique. */
export function fitBlocks(views: readonly View[], maxBlocks: number): KnownBlock[] {
  for (const budget of BUDGETS) {
    const blocks = body(views, budget);
    if (blocks.length <= maxBlocks) return uniqueActionIds(blocks);
  }
  // Still too many: keep the start of the reply, which is what matters most (safeguarding comes first).
  const kept = body(views, BUDGETS.at(-1) ?? FULL).slice(0, Math.max(0, maxBlocks - 1));
  while (kept.at(-1)?.type === 'divider') kept.pop();
  return uniqueActionIds([...kept, context(SHORTENED)]);
}
