import type { LadderRung, LadderState } from '../../../core/guidance/types.js';
import type { Column, ColumnSet, ContainerStyle, Element } from './adaptive-types.js';
import { textBlock } from './elements.js';

/**
 * Steps 1–6 of the graduated response as one row of tiles, each only the step's number with a
 * one-character mark (✓ done, ● you are here, → next), and under it a line naming the current and
 * next step in words, with their tier (universal, targeted, specialist).
 *
 * Tiles never hold words (issue 12): Teams pads a coloured column 16 px each side, so on a card
 * about 320 px across each tile has some 15 px for its text, and "Step 1", "You are here" and a
 * tier row's "Universal" broke inside themselves ("St / ep / 1"). Choosing a words layout by
 * `targetWidth` did not make it safe: the Playground and Teams mobile can report a wider bucket
 * than the card is drawn at. One digit and one mark fit any tile a phone has; on a very narrow
 * card (a meeting's side panel) there are no tiles. The line in words shows at every width, so
 * nothing is lost.
 */

/** Per state: the tile's colour and the mark under its number, one character wide. */
const TILE: Record<LadderState, { style?: ContainerStyle; mark: string }> = {
  past: { style: 'emphasis', mark: '✓' },
  current: { style: 'accent', mark: '●' },
  recommended: { style: 'good', mark: '→' },
  ahead: { mark: '\u00a0' },
};

/** One rung as a column: its step number, and its mark under it, in the rung's style. */
function tile(r: LadderRung): Column {
  const t = TILE[r.state];
  const strong = r.state === 'current' || r.state === 'recommended';
  return {
    type: 'Column',
    width: 'stretch',
    ...(t.style ? { style: t.style } : {}),
    spacing: 'None',
    items: [
      textBlock(String(r.step), { horizontalAlignment: 'Center', ...(strong ? { weight: 'Bolder' } : {}), ...(r.state === 'ahead' ? { isSubtle: true } : {}) }),
      textBlock(t.mark, { size: 'Small', horizontalAlignment: 'Center', spacing: 'None', ...(strong ? { weight: 'Bolder' } : { isSubtle: true }) }),
    ],
  };
}

function inWords(rungs: readonly LadderRung[]): string {
  const current = rungs.find((r) => r.state === 'current');
  const next = rungs.find((r) => r.state === 'recommended');
  const parts: string[] = [];
  if (current) parts.push(`**You are here:** Step ${current.step}, ${current.title} (${current.tier})`);
  // Staying needs no line: the sentence above the ladder says what next at this step.
  if (next) parts.push(`**Next:** Step ${next.step}, ${next.title} (${next.tier})`);
  return parts.join('\n\n');
}

/** The ladder's elements: the number tiles (not on a very narrow card) and the line in words; none without rungs. */
export function ladderElements(rungs: readonly LadderRung[]): Element[] {
  if (!rungs.length) return [];
  const words = inWords(rungs);
  const tiles: ColumnSet = { type: 'ColumnSet', spacing: 'Medium', targetWidth: 'atLeast:narrow', columns: rungs.map(tile) };
  return [
    tiles,
    ...(words ? [textBlock(words, { spacing: 'Small' })] : []),
  ];
}
