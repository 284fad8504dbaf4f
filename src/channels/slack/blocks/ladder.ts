import type { LadderRung } from '../../../core/guidance/types.js';
import type { KnownBlock } from './slack-types.js';
import { escape, section } from './text.js';

/**
 * Steps 1–6 of the graduated response on one line, e.g. `✓ 1 › ● *2* › 3 · next › 4`,
 * and the current and next step in words with their tier (universal, targeted, specialist).
 */

function rung(r: LadderRung): string {
  switch (r.state) {
    case 'past':
      return `✓ ${r.step}`;
    case 'current':
      // The line under it says "You are here" in words.
      return `● *${r.step}*`;
    case 'recommended':
      return `${r.step} · next`;
    case 'ahead':
      return `${r.step}`;
  }
}

/** The ladder line, e.g. `✓ 1 › ● *2* › 3 · next › 4 › 5 › 6`. */
export const ladderLine = (rungs: readonly LadderRung[]): string => rungs.map(rung).join(' › ');

function inWords(rungs: readonly LadderRung[]): string[] {
  const current = rungs.find((r) => r.state === 'current');
  const next = rungs.find((r) => r.state === 'recommended');
  const lines: string[] = [];
  if (current) lines.push(`*You are here:* Step ${current.step}, ${escape(current.title)} (${current.tier})`);
  // Staying needs no line: the sentence above the ladder says what next at this step.
  if (next) lines.push(`*Next:* Step ${next.step}, ${escape(next.title)} (${next.tier})`);
  return lines;
}

/**
 * The ladder line and the current and next step in words, which name their tier (a line of the
 * tiers under it repeated them, on a first screen kept short).
 */
export function ladderBlocks(rungs: readonly LadderRung[]): KnownBlock[] {
  if (!rungs.length) return [];
  return [section([ladderLine(rungs), ...inWords(rungs)].join('\n'))];
}
