import type { MenuItem } from '../../../core/views/view.js';
import type { Budget } from './budget.js';
import { button } from './buttons.js';
import { ACTION } from './ids.js';
import type { ActionsBlock, KnownBlock } from './slack-types.js';
import { andMore, chunkLines, context, escape, LIMITS, oneLine } from './text.js';

/**
 * The menu as rows of buttons, each sending its command as if typed ("what next", "review for
 * 4021"), with what each does in small print underneath.
 */

function buttonRows(items: readonly MenuItem[]): ActionsBlock[] {
  const rows: ActionsBlock[] = [];
  for (let i = 0; i < items.length; i += LIMITS.actionsElements)
    rows.push({ type: 'actions', elements: items.slice(i, i + LIMITS.actionsElements).map((m) => button(m.label, ACTION.command, m.command)) });
  return rows;
}

function descriptions(items: readonly MenuItem[]): KnownBlock[] {
  const lines = items.filter((m) => m.description.trim()).map((m) => `*${escape(oneLine(m.label))}*: ${escape(oneLine(m.description))}`);
  // One context element per chunk: a context holds at most ten.
  const chunks = chunkLines(lines, LIMITS.textObject).slice(0, LIMITS.contextElements);
  return chunks.length ? [context(...chunks)] : [];
}

export function menuBlocks(items: readonly MenuItem[], budget: Budget): KnownBlock[] {
  const shown = items.filter((m) => m.label.trim() && m.command.trim()).slice(0, budget.maxItems);
  if (!shown.length) return [];
  const more = items.length - shown.length;
  return [...buttonRows(shown), ...descriptions(shown), ...(more > 0 ? [andMore(more)] : [])];
}
