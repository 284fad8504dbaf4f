import type { LadderRung } from '../../../core/guidance/types.js';
import type { KnownBlock } from './slack-types.js';
import { context, escape, section } from './text.js';

/**
 * Steps 1–6 of the graduated response on one line, e.g. `✓ 1 › *2 · you are here* › 3 · next › 4`,
 * the current and next step in words, and the tiers (universal, targeted, specialist) underneath.
 */

function rung(r: LadderRung): string {
  switch (r.state) {
    case 'past':
      return `✓ ${r.step}`;
    case 'current':
      return `*${r.step} · you are here*`;
    case 'recommended':
      return `${r.step} · next`;
    case 'ahead':
      return `${r.step}`;
  }
}

/** The ladder line, e.g. `✓ 1 › *2 · you are here* › 3 · next › 4 › 5 › 6`. */
export const ladderLine = (rungs: readonly LadderRung[]): string => rungs.map(rung).join(' › ');

function inWords(rungs: readonly LadderRung[]): string[] {
  const current = rungs.find((r) => r.state === 'current');
  const next = rungs.find((r) => r.state === 'recommended');
  const lines: string[] = [];
  if (current) lines.push(`*You are here:* Step ${current.step}, ${escape(current.title)} (${current.tier})`);
  if (next) lines.push(`*Next:* Step ${next.step}, ${escape(next.title)} (${next.tier})`);
  else if (current) lines.push('*Next:* stay at this step');
  return lines;
}

const TIER_LABEL: Record<LadderRung['tier'], string> = { universal: 'Universal', targeted: 'Targeted', specialist: 'Specialist' };

/** "Universal: step 1 · Targeted: steps 2–4 · Specialist: steps 5–6", from consecutive steps of a tier. */
export function tierLine(rungs: readonly LadderRung[]): string {
  const runs: { tier: LadderRung['tier']; from: number; to: number }[] = [];
  for (const r of rungs) {
    const last = runs.at(-1);
    if (last && last.tier === r.tier) last.to = r.step;
    else runs.push({ tier: r.tier, from: r.step, to: r.step });
  }
  return runs.map((t) => `${TIER_LABEL[t.tier]}: ${t.from === t.to ? `step ${t.from}` : `steps ${t.from}–${t.to}`}`).join(' · ');
}

export function ladderBlocks(rungs: readonly LadderRung[]): KnownBlock[] {
  if (!rungs.length) return [];
  return [section([ladderLine(rungs), ...inWords(rungs)].join('\n')), context(tierLine(rungs))];
}
