import type { Tone } from '../../../core/views/view.js';
import type { Action, ActionSet, Container, ContainerStyle, Element, TextBlock } from './adaptive-types.js';

/** Small builders shared by the block renderers. Every TextBlock wraps: guidance is never cut off. */

export type TextOptions = Omit<TextBlock, 'type' | 'text'>;

/**
 * TextBlocks render markdown in Teams. The core's headings and texts are plain and may echo what
 * staff typed (a search, a role name), so they are escaped: "[click](https://…)" or "*" must not
 * become links or emphasis the bot never wrote. Card builders' own markdown goes through textBlock.
 */
export const plainText = (text: string): string => text.replace(/[\\`*_[\]~<>]/g, (c) => `\\${c}`);

export const textBlock = (text: string, opts: TextOptions = {}): TextBlock => ({ type: 'TextBlock', text, wrap: true, ...opts });

export const headingBlock = (text: string): TextBlock => textBlock(plainText(text), { size: 'Medium', weight: 'Bolder' });

/** Small grey print: sources, why a service matched, opening hours. */
export const smallPrint = (text: string, opts: TextOptions = {}): TextBlock => textBlock(text, { size: 'Small', isSubtle: true, spacing: 'Small', ...opts });

export function tonedText(raw: string, tone: Tone = 'normal'): TextBlock {
  const text = plainText(raw);
  switch (tone) {
    case 'muted':
      return textBlock(text, { isSubtle: true });
    case 'success':
      return textBlock(text, { color: 'Good' });
    case 'warning':
      return textBlock(text, { color: 'Warning', weight: 'Bolder' });
    case 'urgent':
      return textBlock(text, { color: 'Attention', weight: 'Bolder' });
    case 'normal':
      return textBlock(text);
  }
}

export const container = (items: Element[], style?: ContainerStyle, extra: Omit<Container, 'type' | 'items' | 'style'> = {}): Container => ({
  type: 'Container',
  items,
  ...(style ? { style } : {}),
  ...extra,
});

/** Teams shows at most a handful of buttons in a row; more are split over several rows of this size. */
export const MAX_ACTIONS_PER_SET = 5;

export function actionSets(actions: readonly Action[], spacing: TextOptions['spacing'] = 'Small'): ActionSet[] {
  const sets: ActionSet[] = [];
  for (let i = 0; i < actions.length; i += MAX_ACTIONS_PER_SET)
    sets.push({ type: 'ActionSet', actions: actions.slice(i, i + MAX_ACTIONS_PER_SET), ...(spacing ? { spacing } : {}) });
  return sets;
}

// The budget and clipping are the core's, shared with every channel.
export { clip, FULL, type Budget } from '../../../core/views/fit.js';

export const andMore = (n: number): TextBlock => smallPrint(`…and ${n} more`);
