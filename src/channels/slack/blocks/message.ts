import { summaryOf } from '../../../core/views/fit.js';
import type { View } from '../../../core/views/view.js';
import { fitBlocks } from './layout.js';
import type { KnownBlock } from './slack-types.js';
import { clip, escape, FALLBACK_TEXT_MAX, LIMITS, section } from './text.js';

/**
 * A whole reply as one Slack message: blocks (at most 50) and the plain text Slack shows in
 * notifications and where blocks cannot be shown.
 */
export interface SlackMessage {
  text: string;
  blocks: KnownBlock[];
}

/**
 * The first heading or line of text, plain and short. Slack reads `text` as mrkdwn too, so it is
 * escaped like everything else.
 */
export function fallbackText(views: readonly View[]): string {
  const plain = summaryOf(views, Number.POSITIVE_INFINITY);
  // Clipped before escaping, so an entity is never cut; escaping can only add a little.
  let text = escape(clip(plain, FALLBACK_TEXT_MAX));
  for (let max = FALLBACK_TEXT_MAX; text.length > FALLBACK_TEXT_MAX && max > 10; max -= 10) text = escape(clip(plain, max));
  return text;
}

export function messageFrom(views: readonly View[]): SlackMessage {
  const text = fallbackText(views);
  const blocks = fitBlocks(views, LIMITS.messageBlocks);
  return { text, blocks: blocks.length ? blocks : [section(text)] };
}
