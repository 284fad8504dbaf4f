import type { Guidance, Recommendation } from './types.js';

/**
 * What of the guidance a busy reader sees first, and what waits behind "Show details". The first
 * screen answers "what next?" in one sentence, shows where the pupil is, the one or two actions to
 * take next with who leads them, and every safeguarding notice and legal warning first and in full.
 */

/**
 * The warnings that are the law or statutory guidance, which the README lists as the rules that
 * must never be missed: an unlawful reason, the Virtual School before suspending a looked-after
 * child, a pupil with an EHC plan or on SEN support facing exclusion, day-6 provision, the suspension-day limits and
 * a part-time timetable. They are never folded away. The others (a PSP to set up, escalation)
 * are advice on what to do next, so they lead the next actions instead.
 */
export const LEGAL_WARNINGS: ReadonlySet<string> = new Set([
  'unlawful-exclusion',
  'virtual-school-before-suspension',
  'ehcp-exclusion',
  'sen-support-exclusion',
  'day-six-provision',
  'suspension-days',
  'part-time-timetable',
]);

/** Next actions on the first screen: one or two are what a reader can take in at a glance. */
export const FIRST_ACTIONS = 2;

export interface GuidanceSplit {
  /** Shown first and in full, in the order the engine gave them. */
  legal: Recommendation[];
  /** The first actions to take, briefly: advice warnings (a PSP) before the pathway's own actions. */
  next: Recommendation[];
  /** Everything else, for the details: every action, then advice and information. */
  actions: Recommendation[];
  advice: Recommendation[];
}

/** Splits the guidance into what the first screen shows and what the details hold. */
export function splitGuidance(g: Guidance): GuidanceSplit {
  const legal = g.warnings.filter((w) => LEGAL_WARNINGS.has(w.id));
  const urgentAdvice = g.warnings.filter((w) => w.kind === 'warning' && !LEGAL_WARNINGS.has(w.id));
  const info = g.warnings.filter((w) => w.kind !== 'warning' && !LEGAL_WARNINGS.has(w.id));
  return {
    legal,
    next: [...urgentAdvice, ...g.actions].slice(0, FIRST_ACTIONS),
    actions: g.actions,
    advice: [...urgentAdvice, ...info],
  };
}
