import { randomUUID } from 'node:crypto';
import type { PupilCase } from '../cases/pupil-case.js';
import { AppError } from '../errors.js';
import { FactEntry, WHY_MAX } from '../facts/fact-entry.js';
import type { ChangeContext } from '../plans/plan-changes.js';
import { ukDate } from '../text/uk-date.js';
import { reinstatedOn, withdrawnExclusionIds } from './withdrawn.js';

/** Who directed the reinstatement: the governors, or an independent review panel (seed 003, exclusion rules; 000 Appendix 4). */
export type ReinstatedBy = Extract<FactEntry, { fact: 'reinstated' }>['decidedBy'];

export interface NewReinstatement {
  /** The permanent exclusion overturned. */
  exclusionId: string;
  /** The day of the decision (London, YYYY-MM-DD): the pupil is back on roll from it. */
  on: string;
  decidedBy: ReinstatedBy;
  /** Anything to note (no names); may be empty. */
  why: string;
}

/**
 * Records that the pupil is reinstated after a permanent exclusion, as the governors (or a review
 * panel) decided on `input.on`: a `reinstated` entry naming the exclusion, with who recorded it and
 * when, and a timeline line "exclusion.reinstated". The exclusion stays on record, marked
 * reinstated, and no longer stands (standingExclusions), so suspensions from that day can be
 * recorded again. Pure apart from the new id.
 * @throws AppError 'not-found' when the pupil has no such exclusion; 'invalid-input' when it is a
 * suspension, withdrawn, already reinstated, or the decision is dated before the exclusion began.
 */
export function reinstate(c: PupilCase, input: NewReinstatement, ctx: ChangeContext): PupilCase {
  const x = c.exclusions.find((e) => e.id === input.exclusionId);
  if (!x) throw new AppError('That exclusion is not in this pupil’s record.', 'not-found');
  if (x.kind !== 'permanent') throw new AppError('Only a permanent exclusion is reinstated; a suspension ends on its own.', 'invalid-input');
  const what = `permanent exclusion from ${ukDate(x.startDate)}`;
  if (withdrawnExclusionIds(c).has(x.id)) throw new AppError(`The ${what} was withdrawn, so there is nothing to reinstate the pupil from.`, 'invalid-input');
  if (reinstatedOn(c).has(x.id)) throw new AppError(`The pupil is already recorded as reinstated after the ${what}.`, 'invalid-input');
  if (input.on < x.startDate) throw new AppError(`The decision to reinstate can’t be before the ${what} began.`, 'invalid-input');
  const entry = FactEntry.parse({ id: randomUUID(), at: ctx.now.toISOString(), by: ctx.by, on: input.on, why: input.why.trim().slice(0, WHY_MAX), fact: 'reinstated', exclusionId: x.id, decidedBy: input.decidedBy });
  return { ...c, facts: [...c.facts, entry], timeline: [...c.timeline, { at: entry.at, by: ctx.by, what: 'exclusion.reinstated', ref: entry.id }] };
}
