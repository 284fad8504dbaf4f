import type { AdaptiveCard, TargetWidth } from '../../src/channels/teams/cards/adaptive-types.js';
import type { SlackMessage } from '../../src/channels/slack/blocks/message.js';

/**
 * What each channel shows before "Show details", as plain text, so its words can be counted:
 * a Teams card's visible elements at a card width (hidden details and the layouts for other
 * widths left out), and a Slack message's blocks.
 */

export type CardWidth = 'veryNarrow' | 'narrow' | 'standard' | 'wide';
const ORDER: readonly CardWidth[] = ['veryNarrow', 'narrow', 'standard', 'wide'];

/** Whether an element with this `targetWidth` shows on a card of this width (Teams' responsive layout). */
export function showsAt(target: TargetWidth | undefined, width: CardWidth): boolean {
  if (!target) return true;
  const [how, bucket] = target.includes(':') ? (target.split(':') as [string, CardWidth]) : ['is', target as CardWidth];
  const at = ORDER.indexOf(width);
  const b = ORDER.indexOf(bucket);
  return how === 'atLeast' ? at >= b : how === 'atMost' ? at <= b : at === b;
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const unmark = (t: string) => t.replace(/\*\*|__/g, '').replace(/\\(.)/g, '$1');

function visible(v: unknown, width: CardWidth, out: string[]): void {
  if (Array.isArray(v)) {
    for (const x of v) visible(x, width, out);
    return;
  }
  if (!isObject(v)) return;
  if (v.isVisible === false || !showsAt(v.targetWidth as TargetWidth | undefined, width)) return;
  if (v.type === 'TextBlock' && typeof v.text === 'string') out.push(unmark(v.text));
  if (v.type === 'FactSet' && Array.isArray(v.facts)) for (const f of v.facts as Json[]) out.push(String(f.title), String(f.value));
  if (typeof v.type === 'string' && v.type.startsWith('Action.') && typeof v.title === 'string') out.push(v.title);
  for (const key of ['body', 'items', 'columns', 'actions']) visible(v[key], width, out);
}

/** The text a Teams card shows at a width with its details folded. */
export function teamsFirstScreen(card: AdaptiveCard, width: CardWidth): string {
  const out: string[] = [];
  visible(card.body, width, out);
  return out.join('\n');
}

function slackText(v: unknown, out: string[]): void {
  if (Array.isArray(v)) for (const x of v) slackText(x, out);
  else if (isObject(v)) {
    if ((v.type === 'mrkdwn' || v.type === 'plain_text') && typeof v.text === 'string') out.push(v.text.replace(/[*_]/g, ''));
    for (const [k, x] of Object.entries(v)) if (k !== 'value' && k !== 'action_id' && k !== 'block_id') slackText(x, out);
  }
}

/** The text of a Slack message (its details are in a modal, a button away). */
export function slackFirstScreen(message: SlackMessage): string {
  const out: string[] = [];
  slackText(message.blocks, out);
  return out.join('\n');
}
