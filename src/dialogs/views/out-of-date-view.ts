import type { View } from '../../core/views/view.js';
import { text } from '../../core/views/view.js';

/** Said when a button or card comes from an older version of the bot, or carries what it no longer understands. */
const OUT_OF_DATE = 'That button is from an older card, so I couldn’t act on it. Nothing was saved.';

/** The out-of-date notice, then `fresh` (the person's menu); with no menu, how to get one. */
export function outOfDateViews(fresh: readonly View[] = []): View[] {
  const notice: View = { blocks: [text(fresh.length ? `${OUT_OF_DATE} Here is a fresh menu.` : `${OUT_OF_DATE} Type "help" for the menu.`, 'warning')] };
  return [notice, ...fresh];
}
