import { randomUUID } from 'node:crypto';
import type { Exclusion, PupilCase } from '../cases/pupil-case.js';
import { AppError } from '../errors.js';
import { FactEntry, WHY_MAX } from '../facts/fact-entry.js';
import type { ChangeContext } from '../plans/plan-changes.js';
import { ukDate } from '../text/uk-date.js';

/**
 * A suspension or permanent exclusion recorded by mistake is withdrawn by a new chronology entry
 * (a `withdrawn` fact naming the exclusion's id, with who, when and why), never by deleting it: the
 * exclusion stays on record, marked withdrawn, and no longer counts towards totals, the 45-school-day
 * limit, reminders or the pathway. Pure apart from the new id.
 */

/** The ids of exclusions a `withdrawn` entry names. */
export function withdrawnExclusionIds(c: Pick<PupilCase, 'facts'> & Partial<Pick<PupilCase, 'exclusions'>>): Set<string> {
  const ids = new Set((c.exclusions ?? []).map((x) => x.id));
  return new Set((c.facts ?? []).filter((f) => f.fact === 'withdrawn' && f.corrects && ids.has(f.corrects)).map((f) => f.corrects!));
}

/**
 * When the pupil was reinstated after each permanent exclusion the governors (or a review panel)
 * overturned: exclusion id → the decision's date (London, YYYY-MM-DD), from the `reinstated`
 * entries not themselves withdrawn (reinstated.ts records them).
 */
export function reinstatedOn(c: Partial<Pick<PupilCase, 'facts'>>): Map<string, string> {
  const facts = c.facts ?? [];
  const struckOut = new Set(facts.flatMap((f) => (f.fact === 'withdrawn' ? [f.corrects] : [])));
  return new Map(facts.flatMap((f) => (f.fact === 'reinstated' && !struckOut.has(f.id) ? [[f.exclusionId, f.on] as const] : [])));
}

/**
 * The exclusions that count: every recorded one except those withdrawn, and a permanent exclusion
 * after which the pupil was reinstated (it stays on record, marked reinstated).
 */
export function standingExclusions(c: Pick<PupilCase, 'exclusions'> & Partial<Pick<PupilCase, 'facts'>>): Exclusion[] {
  const gone = withdrawnExclusionIds({ facts: c.facts ?? [], exclusions: c.exclusions });
  for (const id of reinstatedOn(c).keys()) gone.add(id);
  return gone.size ? c.exclusions.filter((x) => !gone.has(x.id)) : c.exclusions;
}

/**
 * The exclusions to check a new one against on `date` (London, YYYY-MM-DD): the standing ones, and
 * a permanent exclusion whose reinstatement came after `date`, since the pupil was off roll until then.
 */
export function exclusionsInForceOn(c: Pick<PupilCase, 'exclusions'> & Partial<Pick<PupilCase, 'facts'>>, date: string): Exclusion[] {
  const back = reinstatedOn(c);
  return [...standingExclusions(c), ...c.exclusions.filter((x) => (back.get(x.id) ?? '') > date)];
}

/**
 * Withdraws exclusion `exclusionId` of the pupil, saying why (required: a withdrawal is a decision on
 * the record). Adds the entry and a timeline line "exclusion.withdrawn" that refers to it.
 * @throws AppError 'not-found' when the pupil has no such exclusion; 'invalid-input' when it is already withdrawn or no reason is given.
 */
export function withdrawExclusion(c: PupilCase, exclusionId: string, why: string, ctx: ChangeContext, today: string): PupilCase {
  const x = c.exclusions.find((e) => e.id === exclusionId);
  if (!x) throw new AppError('That suspension or exclusion is not in this pupil’s record.', 'not-found');
  const what = x.kind === 'permanent' ? `permanent exclusion from ${ukDate(x.startDate)}` : `${x.days}-day suspension from ${ukDate(x.startDate)}`;
  if (withdrawnExclusionIds(c).has(x.id)) throw new AppError(`The ${what} has already been withdrawn.`, 'invalid-input');
  const reason = why.trim();
  if (!reason) throw new AppError(`Please say why the ${what} is withdrawn (for example "recorded for the wrong pupil").`, 'invalid-input');
  const entry = FactEntry.parse({ id: randomUUID(), at: ctx.now.toISOString(), by: ctx.by, on: today, why: reason.slice(0, WHY_MAX), fact: 'withdrawn', corrects: x.id });
  return { ...c, facts: [...c.facts, entry], timeline: [...c.timeline, { at: entry.at, by: ctx.by, what: 'exclusion.withdrawn', ref: entry.id }] };
}
