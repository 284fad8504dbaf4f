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

export const container = (items: Element[], style?: ContainerStyle, extra: Omit<Container, 'type' | 'items' | 'style'> = {}): Container => ({
  type: 'Container',
  items,
  ...(style ? { style } : {}),
  ...extra,
});

/**
 * How a tone shows on a card: as a band behind the words, never as the words' colour. Teams' named
 * text colours fail WCAG AA (4.5:1) on one theme or another: "good" is 2.07:1 and "warning" 1.47:1
 * on the light theme, "attention" 3.24:1 on the dark. Default text on the good, warning and
 * attention bands has 10:1 or more on light, dark and high contrast; muted text is the subtle
 * default, 6.5:1 or more. test/channels/teams/cards/contrast.test.ts checks every colour the
 * renderers use on every theme.
 */
export const TONE_BAND: Record<Tone, ContainerStyle | undefined> = { normal: undefined, muted: undefined, success: 'good', warning: 'warning', urgent: 'attention' };

export function tonedText(raw: string, tone: Tone = 'normal'): Element {
  const text = plainText(raw);
  if (tone === 'muted') return textBlock(text, { isSubtle: true });
  const words = textBlock(text, tone === 'warning' || tone === 'urgent' ? { weight: 'Bolder' } : {});
  const band = TONE_BAND[tone];
  return band ? container([words], band) : words;
}

/** Something to put right (an answer a form refused): bold words on the attention band. */
export const problemText = (text: string, opts: Pick<TextOptions, 'size' | 'spacing'> = {}): Container =>
  container([textBlock(text, { weight: 'Bolder', ...(opts.size ? { size: opts.size } : {}) })], TONE_BAND.urgent, opts.spacing ? { spacing: opts.spacing } : {});

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
