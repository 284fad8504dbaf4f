import { packGuidanceInput } from '../../../core/guidance/guidance-input.js';
import type { Budget } from '../../../core/views/fit.js';
import { renderWithin } from '../../../core/views/fit.js';
import type { Details } from '../../../core/views/view.js';
import { button } from './buttons.js';
import { ACTION } from './ids.js';
import type { ActionsBlock, KnownBlock } from './slack-types.js';
import { andMore, LIMITS } from './text.js';

/**
 * "Show details" in Slack. A message cannot fold part of itself away, and a button's value holds
 * 2,000 characters, so the button carries what the guidance was worked out from (a few numbers
 * and flags, never what was typed) and its press opens the details in a modal (up to 100 blocks,
 * against a message's 50), worked out again by the core. A modal also opens from a reply only its
 * reader sees, where a thread reply could not go. Details without that input are shown in the
 * message, after a divider.
 */

type Render = (b: Details['blocks'][number], budget: Budget) => KnownBlock[];

export function detailsBlocks(d: Details, budget: Budget, render: Render): KnownBlock[] {
  const value = d.again ? packGuidanceInput(d.again.guidance) : undefined;
  if (value === undefined || value.length > LIMITS.buttonValue)
    return [{ type: 'divider' }, ...renderWithin({ blocks: d.blocks }, budget, render, andMore)];
  // The button alone, as on a Teams card: a phone's first screen has no words to spare for what is behind it.
  const row: ActionsBlock = { type: 'actions', elements: [button('Show details', ACTION.details, value)] };
  return [row];
}
