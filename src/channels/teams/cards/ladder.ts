import type { LadderRung, LadderState } from '../../../core/guidance/types.js';
import type { Column, ColumnSet, ContainerStyle, Element } from './adaptive-types.js';
import { textBlock } from './elements.js';

/**
 * Steps 1–6 of the graduated response as one row of tiles: done, "you are here", "next" and
 * ahead, with the tiers (universal, targeted, specialist) spanning their steps underneath and a
 * line naming the current and next step in words.
 *
 * Six tiles of words need a wide card: Teams pads a coloured column 16 px each side, so on a card
 * about 320 px across each tile has some 15 px for its words, and "Step 1" and "You are here" broke
 * inside themselves ("St / ep / 1"). That happened on a phone ("narrow") and on a "standard" card
 * drawn that narrow (a desktop chat made small; Teams publishes no pixel bounds for its buckets).
 * So the card carries three layouts, picked by Teams' `targetWidth`: the tiles with words, and the
 * tiers under them, on a wide card; from narrow to standard the tiles with only the step number and
 * a one-character mark, which fit at any width a phone has; on a very narrow card (a meeting's side
 * panel) no tiles. The line in words, with the tier, shows at every width, so nothing is lost.
 */

const TILE: Record<LadderState, { style?: ContainerStyle; mark: string }> = {
  past: { style: 'emphasis', mark: '✓ done' },
  current: { style: 'accent', mark: 'You are here' },
  recommended: { style: 'good', mark: 'Next' },
  ahead: { mark: '\u00a0' },
};

/** Marks that fit a tile one digit wide. */
const NARROW_MARK: Record<LadderState, string> = { past: '✓', current: '●', recommended: '→', ahead: '\u00a0' };

/** A narrow tile: the step's number, and a one-character mark under it. */
const numberTile = (r: LadderRung): Column => tileOf(r, String(r.step), NARROW_MARK[r.state]);

const tile = (r: LadderRung): Column => tileOf(r, `Step ${r.step}`, TILE[r.state].mark);

/** One rung as a column: its label, and its mark under it, in the rung's style. */
function tileOf(r: LadderRung, label: string, mark: string): Column {
  const t = TILE[r.state];
  const strong = r.state === 'current' || r.state === 'recommended';
  return {
    type: 'Column',
    width: 'stretch',
    ...(t.style ? { style: t.style } : {}),
    spacing: 'None',
    items: [
      textBlock(label, { horizontalAlignment: 'Center', ...(strong ? { weight: 'Bolder' } : {}), ...(r.state === 'ahead' ? { isSubtle: true } : {}) }),
      textBlock(mark, { size: 'Small', horizontalAlignment: 'Center', spacing: 'None', ...(strong ? { weight: 'Bolder' } : { isSubtle: true }) }),
    ],
  };
}

const TIER_LABEL: Record<LadderRung['tier'], string> = { universal: 'Universal', targeted: 'Targeted', specialist: 'Specialist' };

/** Consecutive steps of one tier become one column, as wide as the steps it covers. */
function tiers(rungs: readonly LadderRung[]): ColumnSet {
  const runs: { tier: LadderRung['tier']; steps: number }[] = [];
  for (const r of rungs) {
    const last = runs.at(-1);
    if (last && last.tier === r.tier) last.steps += 1;
    else runs.push({ tier: r.tier, steps: 1 });
  }
  return {
    type: 'ColumnSet',
    spacing: 'Small',
    targetWidth: 'atLeast:wide',
    columns: runs.map((run, i) => ({
      type: 'Column',
      width: run.steps,
      ...(i > 0 ? { separator: true } : {}),
      items: [textBlock(TIER_LABEL[run.tier], { size: 'Small', isSubtle: true, horizontalAlignment: 'Center' })],
    })),
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

export function ladderElements(rungs: readonly LadderRung[]): Element[] {
  if (!rungs.length) return [];
  const words = inWords(rungs);
  return [
    { type: 'ColumnSet', spacing: 'Medium', targetWidth: 'atLeast:wide', columns: rungs.map(tile) },
    // targetWidth names one bucket or an open range, so narrow and standard each carry the number tiles.
    ...(['narrow', 'standard'] as const).map((targetWidth): ColumnSet => ({ type: 'ColumnSet', spacing: 'Medium', targetWidth, columns: rungs.map(numberTile) })),
    tiers(rungs),
    ...(words ? [textBlock(words, { spacing: 'Small' })] : []),
  ];
}
