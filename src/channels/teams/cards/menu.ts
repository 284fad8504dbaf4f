import type { MenuItem } from '../../../core/views/view.js';
import type { Element } from './adaptive-types.js';
import { commandAction } from './actions.js';
import { detailsElements, idSource, type IdSource } from './details.js';
import { andMore, FULL, textBlock, type Budget } from './elements.js';

/**
 * The menu as a short card (issue 12: twenty rows of a button beside its words made a welcome card
 * about 2,150 px tall, and at 340 px "Pastoral Support Programme" ran off the edge). The first
 * MAIN_ACTIONS items, the ones staff need most (the menu's own order), each as a button on its own
 * line with what it does in small print under it; the rest the same way behind "More". Each button
 * sends its command as if typed, and has the card's whole width, so its title never runs off.
 */
export const MAIN_ACTIONS = 6;

/** One item: its button, and what it does under it. */
function entry(item: MenuItem): Element[] {
  return [
    { type: 'ActionSet', spacing: 'Medium', actions: [commandAction(item.label, item.command)] },
    textBlock(item.description, { isSubtle: true, size: 'Small', spacing: 'Small' }),
  ];
}

/** `nextId` names what "More" shows; one source per card keeps its ids unique. */
export function menuElements(items: readonly MenuItem[], budget: Budget = FULL, nextId: IdSource = idSource('menu')): Element[] {
  const shown = items.slice(0, budget.maxItems);
  const main = shown.slice(0, MAIN_ACTIONS);
  const rest = shown.slice(MAIN_ACTIONS);
  return [
    ...main.flatMap(entry),
    ...(rest.length ? detailsElements(rest.flatMap(entry), nextId, { show: 'More', hide: 'Fewer' }) : []),
    ...(items.length > shown.length ? [andMore(items.length - shown.length)] : []),
  ];
}
