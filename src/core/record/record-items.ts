import type { Exclusion, PastoralSupportPlan, PersonCentredPlan, PlanReview, PupilCase, Referral } from '../cases/pupil-case.js';

/**
 * The things on a pupil's record that can be opened and read in full, each numbered within the
 * pupil's record in the order it was recorded: PCP 1, PCP 2, PSP 1, review 3, referral 1,
 * exclusion 2. Records only ever grow (a correction is a new entry), so a number always means the
 * same thing, and a button or a typed "show review 3 for 4021" opens what it opened before.
 */

export type ItemKind = 'pcp' | 'psp' | 'review' | 'referral' | 'exclusion';
export const ITEM_KINDS: readonly ItemKind[] = ['pcp', 'psp', 'review', 'referral', 'exclusion'];

export interface ItemRef {
  kind: ItemKind;
  /** 1 for the first recorded. */
  n: number;
}

/** A review with the plan it belongs to. */
export interface NumberedReview {
  n: number;
  review: PlanReview;
  plan: ItemRef;
}

export interface NumberedItems {
  pcps: { n: number; plan: PersonCentredPlan }[];
  psps: { n: number; plan: PastoralSupportPlan }[];
  reviews: NumberedReview[];
  referrals: { n: number; referral: Referral }[];
  exclusions: { n: number; exclusion: Exclusion }[];
}

/**
 * Every item numbered. Reviews are numbered across the pupil's plans in the order the timeline
 * recorded them (a corrected review by when the review it corrects was recorded); a review the timeline does not mention (a file edited by hand) follows, in plan order.
 */
export function numberedItems(c: PupilCase): NumberedItems {
  const pcps = c.pcps.map((plan, i) => ({ n: i + 1, plan }));
  const psps = c.psps.map((plan, i) => ({ n: i + 1, plan }));
  const all = [
    ...pcps.flatMap(({ n, plan }) => plan.reviews.map((review) => ({ review, plan: { kind: 'pcp' as const, n } }))),
    ...psps.flatMap(({ n, plan }) => plan.reviews.map((review) => ({ review, plan: { kind: 'psp' as const, n } }))),
  ];
  const order = new Map<string, number>();
  c.timeline.forEach((t, i) => {
    if (t.ref && !order.has(t.ref)) order.set(t.ref, i);
  });
  // A correction stands in for the review it corrects (plans/plan-changes.ts correctReview), so it keeps that review's number.
  const at = (r: PlanReview) => order.get(r.corrects ?? r.id) ?? Number.POSITIVE_INFINITY;
  // A stable sort: reviews the timeline does not mention keep plan order, after the others.
  const reviews = [...all].sort((a, b) => at(a.review) - at(b.review)).map((r, i) => ({ n: i + 1, ...r }));
  return {
    pcps,
    psps,
    reviews,
    referrals: c.referrals.map((referral, i) => ({ n: i + 1, referral })),
    exclusions: c.exclusions.map((exclusion, i) => ({ n: i + 1, exclusion })),
  };
}

/** The item a record id (a plan's, review's, referral's or exclusion's) names, numbered. */
export function itemWithId(items: NumberedItems, id: string): ItemRef | undefined {
  const pcp = items.pcps.find((p) => p.plan.id === id);
  if (pcp) return { kind: 'pcp', n: pcp.n };
  const psp = items.psps.find((p) => p.plan.id === id);
  if (psp) return { kind: 'psp', n: psp.n };
  const review = items.reviews.find((r) => r.review.id === id);
  if (review) return { kind: 'review', n: review.n };
  const referral = items.referrals.find((r) => r.referral.id === id);
  if (referral) return { kind: 'referral', n: referral.n };
  const exclusion = items.exclusions.find((e) => e.exclusion.id === id);
  return exclusion ? { kind: 'exclusion', n: exclusion.n } : undefined;
}
