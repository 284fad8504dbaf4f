import type { Exclusion, PastoralSupportPlan, PersonCentredPlan, PlanClosure, PlanReview, PupilCase, Referral, StepChange } from '../cases/pupil-case.js';
import type { FactEntry } from '../facts/fact-entry.js';
import { londonDayOf } from '../text/uk-date.js';
import { planBegan, stepChangeOn } from '../plans/plan-began.js';
import { reviewCorrected, type ReviewCorrected } from '../plans/review-corrections.js';
import { itemWithId, numberedItems, type ItemRef } from './record-items.js';

/** The timeline entry an LA officer's acknowledgement of a referral leaves on the case (ref: the referral's id). */
export const ACKNOWLEDGED = 'referral.acknowledged';

/**
 * A pupil's chronology: everything on the record in the order it happened, each with who did it.
 * Built from the case alone (its plans, reviews, referrals, exclusions, step changes, facts and timeline),
 * so every channel and every reader sees the same story. Pure.
 */

interface EntryBase {
  /** The day it happened (a review's date, a suspension's first day, the day a plan was written): London `YYYY-MM-DD`. */
  date: string;
  /** When it was recorded, when the record says (ISO date-time). */
  recordedAt?: string;
  /** Who did or recorded it: a staff id as the directory knows them. */
  by: string;
}

export type ChronologyEntry = EntryBase &
  (
    | { kind: 'pcp'; item: ItemRef; plan: PersonCentredPlan }
    | { kind: 'psp'; item: ItemRef; plan: PastoralSupportPlan }
    | { kind: 'review'; item: ItemRef; review: PlanReview; plan: ItemRef }
    /** A review's outcome corrected (plans/review-corrections.ts), dated by the day it was corrected; `review` is the correction. */
    | { kind: 'review-corrected'; item: ItemRef; review: PlanReview; plan: ItemRef; corrected: ReviewCorrected }
    | { kind: 'referral'; item: ItemRef; referral: Referral }
    | { kind: 'exclusion'; item: ItemRef; exclusion: Exclusion }
    | { kind: 'step'; change: StepChange }
    /** A change in the pupil's facts (`update`), dated by the day it happened; a correction names the entry it corrects. */
    | { kind: 'fact'; entry: FactEntry }
    /** A plan ended (plans/close-plan.ts), dated by the day it ended; `replacedBy` is the plan that replaced it. */
    | { kind: 'closed'; item: ItemRef; closure: PlanClosure; replacedBy?: ItemRef }
    /** The LA acknowledged a referral to it (the LA team's "Acknowledge"), dated by the day it did; `by` is the LA officer. */
    | { kind: 'acknowledged'; item: ItemRef; referral: Referral }
    /** A timeline entry with nothing more on record: the pupil added, a step moved before reasons were kept, a fact noted. */
    | { kind: 'event'; what: string }
  );

/** Entries in date order; on the same day, in the order they were recorded. */
export function chronology(c: PupilCase): ChronologyEntry[] {
  const items = numberedItems(c);
  // Each record's timeline entry: when it was recorded, and its place in the order of recording.
  const logged = new Map<string, { at: string; by: string; seq: number }>();
  c.timeline.forEach((t, seq) => {
    if (t.ref && !logged.has(t.ref)) logged.set(t.ref, { at: t.at, by: t.by, seq });
  });
  const known = new Set<string>();
  const out: (ChronologyEntry & { seq: number })[] = [];
  let unlogged = c.timeline.length;
  const add = (id: string, entry: ChronologyEntry) => {
    known.add(id);
    const log = logged.get(id);
    out.push({ ...entry, ...(log && !entry.recordedAt ? { recordedAt: log.at } : {}), seq: log?.seq ?? unlogged++ });
  };

  // A plan on its own date (a PCP's form date, a PSP's start), not the day it was typed in; likewise a step change.
  for (const { n, plan } of items.pcps) add(plan.id, { kind: 'pcp', item: { kind: 'pcp', n }, plan, date: planBegan('pcp', plan), recordedAt: plan.createdAt, by: plan.ownerId });
  for (const { n, plan } of items.psps) add(plan.id, { kind: 'psp', item: { kind: 'psp', n }, plan, date: plan.startDate, by: plan.ownerId });
  for (const r of items.reviews) {
    const corrected = reviewCorrected(c, r.review);
    if (!corrected) {
      add(r.review.id, { kind: 'review', item: { kind: 'review', n: r.n }, review: r.review, plan: r.plan, date: r.review.date, by: r.review.by });
      continue;
    }
    // A corrected review keeps its place, who recorded it and when; the correction is its own line on the day it was made.
    const first = corrected.original;
    add(first.id, { kind: 'review', item: { kind: 'review', n: r.n }, review: r.review, plan: r.plan, date: first.date, by: first.by });
    add(r.review.id, { kind: 'review-corrected', item: { kind: 'review', n: r.n }, review: r.review, plan: r.plan, corrected, date: londonDayOf(corrected.at), recordedAt: corrected.at, by: corrected.by });
  }
  // A review corrected twice: the one in between is told by the lines above, not as a bare timeline event.
  for (const p of [...c.pcps, ...c.psps]) for (const r of p.correctedReviews ?? []) known.add(r.id);
  for (const { n, referral } of items.referrals) add(referral.id, { kind: 'referral', item: { kind: 'referral', n }, referral, date: referral.date, by: referral.by });
  for (const { n, exclusion } of items.exclusions)
    add(exclusion.id, { kind: 'exclusion', item: { kind: 'exclusion', n }, exclusion, date: exclusion.startDate, recordedAt: exclusion.recordedAt, by: exclusion.recordedBy });
  for (const change of c.stepChanges) add(change.id, { kind: 'step', change, date: stepChangeOn(c, change), recordedAt: change.at, by: change.agreedBy });
  for (const entry of c.facts) add(entry.id, { kind: 'fact', entry, date: entry.on, recordedAt: entry.at, by: entry.by });
  // A plan's end: its own timeline entry ("pcp.closed"/"psp.closed") places it among the rest.
  const closedAt = new Map<string, number>();
  c.timeline.forEach((t, seq) => {
    if (t.ref && (t.what === 'pcp.closed' || t.what === 'psp.closed')) closedAt.set(t.ref, seq);
  });
  const ended = [...items.pcps.map((x) => ({ ...x, kind: 'pcp' as const })), ...items.psps.map((x) => ({ ...x, kind: 'psp' as const }))];
  for (const { n, plan, kind } of ended) {
    if (!plan.closure) continue;
    const seq = closedAt.get(plan.id) ?? unlogged++;
    const replacedBy = plan.closure.replacedBy === undefined ? undefined : itemWithId(items, plan.closure.replacedBy);
    out.push({ kind: 'closed', item: { kind, n }, closure: plan.closure, ...(replacedBy ? { replacedBy } : {}), date: plan.closure.on, recordedAt: plan.closure.at, by: plan.closure.by, seq });
  }
  c.timeline.forEach((t, seq) => {
    if (t.what === ACKNOWLEDGED && t.ref) {
      const r = items.referrals.find((x) => x.referral.id === t.ref);
      if (r) return void out.push({ kind: 'acknowledged', item: { kind: 'referral', n: r.n }, referral: r.referral, date: londonDayOf(t.at), recordedAt: t.at, by: t.by, seq });
    }
    if (t.ref && known.has(t.ref)) return;
    out.push({ kind: 'event', what: t.what, date: londonDayOf(t.at), recordedAt: t.at, by: t.by, seq });
  });

  return out
    .sort((a, b) => a.date.localeCompare(b.date) || (a.recordedAt ?? '').localeCompare(b.recordedAt ?? '') || a.seq - b.seq)
    .map(({ seq: _seq, ...entry }) => entry as ChronologyEntry);
}
