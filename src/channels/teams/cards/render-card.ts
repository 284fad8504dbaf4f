import { BUDGETS, FULL, renderWithin, summaryOf, type Budget } from '../../../core/views/fit.js';
import type { View } from '../../../core/views/view.js';
import { CARD_SCHEMA, type AdaptiveCard, type Element } from './adaptive-types.js';
import { blockElements } from './blocks.js';
import { idSource, type IdSource } from './details.js';
import { andMore } from './elements.js';

/**
 * One Adaptive Card for a whole reply. Teams refuses a bot message over about 100 KB (counted as
 * UTF-16) and advises staying under 80 KB, so a reply that would be bigger is shortened: long
 * lists and runs of results first ("…and N more"), then long paragraphs, and only as a last resort
 * the end of the card.
 */

export const MAX_CARD_BYTES = 80 * 1024;

/** The card's size as Teams counts it: its JSON in UTF-16, two bytes per code unit. */
export function cardSizeBytes(card: AdaptiveCard): number {
  return JSON.stringify(card).length * 2;
}

const viewElements = (v: View, budget: Budget, nextId: IdSource): Element[] => renderWithin(v, budget, (b, within) => blockElements(b, within, nextId), andMore);

function body(views: readonly View[], budget: Budget): Element[] {
  const nextId = idSource();
  return views.flatMap((v, i) => {
    const [first, ...rest] = viewElements(v, budget, nextId);
    if (!first) return [];
    // A line between the parts of a reply, e.g. "Review saved" and the guidance that follows.
    return i === 0 ? [first, ...rest] : [{ ...first, separator: true, spacing: 'Large' as const }, ...rest];
  });
}

const card = (elements: Element[]): AdaptiveCard => ({ type: 'AdaptiveCard', $schema: CARD_SCHEMA, version: '1.5', msteams: { width: 'Full' }, body: elements });

export function renderCard(views: readonly View[]): AdaptiveCard {
  for (const budget of BUDGETS) {
    const c = card(body(views, budget));
    if (cardSizeBytes(c) <= MAX_CARD_BYTES) return c;
  }
  // Still too big: keep the start of the reply, which is what matters most (safeguarding comes first).
  const elements = body(views, BUDGETS.at(-1) ?? FULL);
  const all = elements.length;
  // Each element's share of the size (with its comma), so dropping from the end takes one pass.
  const sizes = elements.map((e) => (JSON.stringify(e).length + 1) * 2);
  let total = cardSizeBytes(card([andMore(all)])) + sizes.reduce((a, b) => a + b, 0);
  while (elements.length > 1 && total > MAX_CARD_BYTES) {
    elements.pop();
    total -= sizes.pop() ?? 0;
  }
  return card(elements.length < all ? [...elements, andMore(all - elements.length)] : elements);
}

/** Plain text for the notification and the message preview (the core's own summary). */
export { summaryOf };
