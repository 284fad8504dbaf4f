import { planBegan } from '../../core/plans/plan-began.js';
import type { PlanReview } from '../../core/cases/pupil-case.js';
import { reviewCorrected } from '../../core/plans/review-corrections.js';
import { reviewCorrectedWords } from './correction-words.js';
import { writesPupilRecords } from '../../core/access/policy.js';
import { pupilDeadlines } from '../../core/record/deadlines.js';
import type { NumberedItems } from '../../core/record/record-items.js';
import { londonDayOf, ukDate } from '../../core/text/uk-date.js';
import { clip } from '../../core/views/fit.js';
import { heading, text, type Block, type CommandButton, type View } from '../../core/views/view.js';
import type { DialogContext } from '../dialog.js';
import { describePupil } from '../pupil-question.js';
import { to, type Subject } from '../read/subject.js';
import { packForm } from '../template-questions.js';
import { fieldParts, recordPageView, type Part } from './record-page.js';
import { byWho, itemName, whenDue } from './record-words.js';
import { pspTargetsNow } from './psp-targets-now.js';
import { closureFacts } from './closure-words.js';

/** A PCP or PSP shown in full: every field written, its Incident Support Plan or targets, and its reviews. */

/** Characters of a review's notes shown under it; the review itself shows them all. */
const NOTES_PREVIEW = 140;

type Pcp = NumberedItems['pcps'][number];
type Psp = NumberedItems['psps'][number];

export function pcpView(ctx: DialogContext, s: Subject, items: NumberedItems, { n, plan }: Pcp, page: number): View {
  const item = { kind: 'pcp' as const, n };
  const due = plan.status === 'active' ? pupilDeadlines(s.c, { pack: ctx.pack, calendar: ctx.calendar, today: ctx.today() }).find((d) => d.plan?.kind === 'pcp' && d.plan.n === n) : undefined;
  const top: Block[] = [
    {
      type: 'facts',
      facts: [
        { label: 'Status', value: plan.status === 'active' ? 'Active' : 'Closed' },
        { label: 'Written', value: `${ukDate(planBegan('pcp', plan))} by ${byWho(plan.ownerId, s.viewer.id, s.who)}${planBegan('pcp', plan) !== londonDayOf(plan.createdAt) ? ` (recorded here ${ukDate(londonDayOf(plan.createdAt))})` : ''}` },
        { label: 'Step', value: `Written at Step ${plan.step}` },
        // A closed plan has no review to come, so its last review date is not shown as one.
        ...(due ? [{ label: 'Next review', value: whenDue(due) }] : plan.status === 'active' ? [{ label: 'Review date', value: ukDate(plan.reviewDate) }] : []),
        { label: 'Reviews', value: plan.reviews.length ? String(plan.reviews.length) : 'None yet' },
        ...(plan.closure ? closureFacts(plan.closure, s.viewer.id, s.who) : []),
      ],
    },
  ];
  const parts: Part[] = [...fieldParts(packForm(ctx, 'pcp'), plan.fields, 'The plan')];
  if (!parts.length) top.push(text('No fields of the plan were filled in.', 'muted'));
  if (plan.incidentSupportPlan) parts.push(...fieldParts(packForm(ctx, 'incident-support-plan'), plan.incidentSupportPlan, 'Incident Support Plan'));
  return recordPageView(s, {
    title: `${itemName(item)}: person-centred plan for ${describePupil(s.c)}`,
    top,
    parts,
    bottom: reviewsOf(s, items, item),
    item,
    page,
    actions: planActions(ctx, s, plan.status === 'active'),
  });
}

export function pspView(ctx: DialogContext, s: Subject, items: NumberedItems, { n, plan }: Psp, page: number): View {
  const item = { kind: 'psp' as const, n };
  const due = plan.status === 'active' ? pupilDeadlines(s.c, { pack: ctx.pack, calendar: ctx.calendar, today: ctx.today() }).find((d) => d.plan?.kind === 'psp' && d.plan.n === n) : undefined;
  const now = pspTargetsNow(items, plan);
  const top: Block[] = [
    {
      type: 'facts',
      facts: [
        { label: 'Status', value: plan.status === 'active' ? 'Active' : 'Closed' },
        { label: 'Started', value: `${ukDate(plan.startDate)} by ${byWho(plan.ownerId, s.viewer.id, s.who)}` },
        { label: 'Overseen by', value: byWho(plan.overseeingLeaderId, s.viewer.id, s.who) },
        { label: 'Reviews', value: `Every ${plan.reviewIntervalDays} days; ${plan.reviews.length ? `${plan.reviews.length} so far` : 'none recorded yet'}` },
        ...(plan.lastReviewBeforeRecord ? [{ label: 'Reviewed before it was recorded here', value: `Latest ${ukDate(plan.lastReviewBeforeRecord)} (how it went is not on this record)` }] : []),
        ...(due ? [{ label: 'Next review', value: whenDue(due) }] : []),
        ...(plan.closure ? closureFacts(plan.closure, s.viewer.id, s.who) : []),
      ],
    },
    heading(now.amended ? `Targets (${now.amended.words})` : 'Targets'),
    { type: 'list', items: now.targets },
    // The targets it started with stay on record, shown once they have changed.
    ...(now.amended ? [heading('Targets at the start'), { type: 'list' as const, items: plan.targets }] : []),
  ];
  return recordPageView(s, {
    title: `${itemName(item)}: Pastoral Support Programme for ${describePupil(s.c)}`,
    top,
    parts: fieldParts(packForm(ctx, 'psp'), plan.fields, 'The programme'),
    bottom: reviewsOf(s, items, item),
    item,
    page,
    actions: planActions(ctx, s, plan.status === 'active'),
  });
}

/** "no positive change (corrected: now positive change)" for a corrected review, else its outcome. */
function reviewOutcome(s: Subject, review: PlanReview): string {
  const k = reviewCorrected(s.c, review);
  const said = (k ? k.original : review).positiveChange ? 'positive change' : 'no positive change';
  return k ? `${said} (corrected: now ${review.positiveChange ? 'positive change' : 'no positive change'})` : said;
}

/** " Recorded as …; corrected on <date> by <who>: <why>." for a corrected review, else empty. */
function correctedNote(s: Subject, review: PlanReview): string {
  const k = reviewCorrected(s.c, review);
  return k ? ` ${reviewCorrectedWords(k, (id) => byWho(id, s.viewer.id, s.who))}` : '';
}

/** A plan's reviews, each with a button. */
function reviewsOf(s: Subject, items: NumberedItems, plan: { kind: 'pcp' | 'psp'; n: number }): Block[] {
  const reviews = items.reviews.filter((r) => r.plan.kind === plan.kind && r.plan.n === plan.n);
  if (!reviews.length) return [];
  return [
    heading(`Reviews of ${itemName(plan)}`),
    {
      type: 'rows',
      rows: reviews.map((r) => ({
        title: `${itemName({ kind: 'review', n: r.n })}: ${ukDate(r.review.date)}, ${reviewOutcome(s, r.review)}`,
        detail: `By ${byWho(reviewCorrected(s.c, r.review)?.original.by ?? r.review.by, s.viewer.id, s.who)}.${correctedNote(s, r.review)}${r.review.notes ? ` ${clip(r.review.notes.replace(/\s+/g, ' '), NOTES_PREVIEW)}` : ''}`,
        open: to.item(s, { kind: 'review', n: r.n }, `Open review ${r.n}`),
      })),
    },
  ];
}

function planActions(ctx: DialogContext, s: Subject, active: boolean): CommandButton[] {
  return [
    to.pupil(s),
    to.timeline(s),
    ...(active && writesPupilRecords(ctx.user) ? [{ label: 'Record a review', command: `review for ${s.c.pupilRef}` }] : []),
  ];
}
