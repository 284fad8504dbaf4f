import { stepAtReview, stepChangeOn } from '../../core/plans/plan-began.js';
import type { StepChange } from '../../core/cases/pupil-case.js';
import { suspensionDays } from '../../core/exclusions/suspension-days.js';
import { reinstatedOn } from '../../core/exclusions/withdrawn.js';
import type { NumberedItems } from '../../core/record/record-items.js';
import { londonDayOf, ukDate } from '../../core/text/uk-date.js';
import { heading, text, type Block, type View } from '../../core/views/view.js';
import type { DialogContext } from '../dialog.js';
import { describePupil } from '../pupil-question.js';
import { to, type Subject } from '../read/subject.js';
import { packForm } from '../template-questions.js';
import { referralFieldsShown } from '../referral-known.js';
import { FIELD_MAX } from '../../core/cases/text-limits.js';
import { exclusionStatus, reviewCorrectedWords } from './correction-words.js';
import { reviewCorrected } from '../../core/plans/review-corrections.js';
import { fieldParts, recordPageView, type Part } from './record-page.js';
import { agreedWords, byWho, count, itemName, serviceName, stepChangeWords } from './record-words.js';

/** A review, a referral or an exclusion shown in full, with what followed it. */

type Review = NumberedItems['reviews'][number];
type Referral = NumberedItems['referrals'][number];
type Exclusion = NumberedItems['exclusions'][number];

/** The step change a review or referral led to, if one was recorded. */
function followedBy(s: Subject, id: string): Block[] {
  const change: StepChange | undefined = s.c.stepChanges.find((x) => x.ref === id);
  return change ? [text(`Then, ${ukDate(stepChangeOn(s.c, change))}: ${stepChangeWords(change)} ${agreedWords(change, s.viewer.id, s.who)}.`)] : [];
}

export function reviewView(s: Subject, r: Review, page: number): View {
  const item = { kind: 'review' as const, n: r.n };
  // A corrected review shows the outcome it has now and, beside it, what was first recorded, who corrected it, when and why.
  const k = reviewCorrected(s.c, r.review);
  const held = stepAtReview(s.c, r.review);
  const notes: Part[] = r.review.notes ? [{ row: { title: 'What worked, what didn’t, what will change', detail: r.review.notes } }] : [];
  // A PSP review that amended the targets shows them as they stood after it (003: targets amended at reviews).
  const targets: Block[] = r.review.targets ? [heading('Targets amended at this review'), { type: 'list', items: r.review.targets }] : [];
  return recordPageView(s, {
    title: `${itemName(item)} for ${describePupil(s.c)}`,
    top: [
      {
        type: 'facts',
        facts: [
          { label: 'Date', value: ukDate(r.review.date) },
          { label: 'Plan', value: itemName(r.plan) },
          ...(held ? [{ label: 'Held at', value: `Step ${held}` }] : []),
          ...(k
            ? [
                { label: 'Positive change', value: `${r.review.positiveChange ? 'Yes' : 'No'} (corrected)` },
                { label: 'Corrected', value: reviewCorrectedWords(k, (id) => byWho(id, s.viewer.id, s.who)) },
                { label: 'Recorded by', value: byWho(k.original.by, s.viewer.id, s.who) },
              ]
            : [
                { label: 'Positive change', value: r.review.positiveChange ? 'Yes' : 'No' },
                { label: 'Recorded by', value: byWho(r.review.by, s.viewer.id, s.who) },
              ]),
        ],
      },
      ...targets,
      ...(notes.length ? [] : [text('No notes were written.', 'muted')]),
    ],
    parts: notes,
    bottom: followedBy(s, r.review.id),
    item,
    page,
    actions: [to.item(s, r.plan, `Open ${itemName(r.plan)}`), to.pupil(s), to.timeline(s)],
  });
}

export function referralView(ctx: DialogContext, s: Subject, r: Referral, page: number): View {
  const item = { kind: 'referral' as const, n: r.n };
  const { referral } = r;
  const form = packForm(ctx, 'referral');
  const max = form?.fields.find((f) => f.id === 'previousExclusions')?.maxLength ?? FIELD_MAX;
  const fields = fieldParts(form, referralFieldsShown(s.c, referral, max), 'The referral', { service: serviceName(ctx.pack, referral.serviceId) });
  // The reasons are kept apart from the fields only when they are not one of them already.
  const reasons: Part[] = referral.reasons && !Object.values(referral.fields).includes(referral.reasons) ? [{ row: { title: 'Reasons', detail: referral.reasons } }] : [];
  return recordPageView(s, {
    title: `${itemName(item)} for ${describePupil(s.c)}`,
    top: [
      {
        type: 'facts',
        facts: [
          { label: 'Date', value: ukDate(referral.date) },
          { label: 'To', value: serviceName(ctx.pack, referral.serviceId) },
          { label: 'A referral to the LA', value: referral.toLocalAuthority ? 'Yes' : 'No' },
          { label: 'Parental permission', value: referral.parentalPermission ? 'Given' : 'Not given' },
          { label: 'Made by', value: byWho(referral.by, s.viewer.id, s.who) },
        ],
      },
    ],
    parts: [...reasons, ...fields],
    bottom: s.access === 'full' ? followedBy(s, referral.id) : [],
    item,
    page,
    actions: [to.pupil(s), to.timeline(s)],
  });
}

/** The checks shown before an exclusion was saved, by the ids the record keeps (Exclusion.warningsShown). */
export const EXCLUSION_WARNINGS: Record<string, string> = {
  'unlawful-reason': 'the reason read like one that is not lawful',
  'virtual-school': 'speak to the Virtual School first',
  'virtual-school-previously': 'ask the Virtual School’s advice first',
  'social-worker': 'talk to the social worker first',
  ehcp: 'a pupil with an EHC plan',
  'sen-support': 'a pupil on SEN support',
  'permanent-exclusion': 'permanent exclusion as the last resort, with day-6 provision',
  'day-six': 'full-time education from day 6 of a long suspension',
  repeated: 'a third or later suspension this school year',
  'part-time-timetable': 'a suspension during a part-time timetable',
  'term-days': 'the days of suspension this term',
  'lawful-reason': 'only for a disciplinary reason',
};

export function exclusionView(ctx: DialogContext, s: Subject, x: Exclusion, page: number): View {
  const item = { kind: 'exclusion' as const, n: x.n };
  const e = x.exclusion;
  const full = s.access === 'full';
  const days = e.kind === 'suspension' ? suspensionDays(ctx.calendar, e) : [];
  const span = days.length > 1 ? `${ukDate(days[0]!)} to ${ukDate(days.at(-1)!)}` : days[0] ? ukDate(days[0]) : ukDate(e.startDate);
  const warned = (e.warningsShown ?? []).map((id) => EXCLUSION_WARNINGS[id] ?? id);
  const reason: Part[] = full && e.reason ? [{ row: { title: 'Reason', detail: e.reason } }] : [];
  // A permanent exclusion the governors overturned stays on record, marked reinstated (reinstate.ts).
  const back = reinstatedOn(s.c).get(e.id);
  const decided = back && s.c.facts.find((f) => f.fact === 'reinstated' && f.exclusionId === e.id);
  const reinstated = back ? [{ label: 'Reinstated', value: `From ${ukDate(back)}, as ${decided && decided.fact === 'reinstated' && decided.decidedBy === 'independent-review-panel' ? 'an independent review panel' : 'the governors'} decided; it no longer stands; not counted` }] : [];
  // One recorded by mistake stays on record, marked withdrawn, and is not counted (core/exclusions/withdrawn.ts).
  const gone = exclusionStatus(s.c, e);
  return recordPageView(s, {
    title: `${e.kind === 'permanent' ? 'Permanent exclusion' : 'Suspension'} (${itemName(item).toLowerCase()}) for ${describePupil(s.c)}`,
    top: [
      {
        type: 'facts',
        facts: [
          { label: 'Kind', value: e.kind === 'permanent' ? 'Permanent exclusion' : `Suspension of ${count(e.days, 'school day')}` },
          { label: e.kind === 'permanent' ? 'From' : 'School days', value: e.kind === 'permanent' ? ukDate(e.startDate) : span },
          ...reinstated,
          ...(gone?.kind === 'withdrawn' ? [{ label: 'Withdrawn', value: `${ukDate(gone.on)} by ${full ? byWho(gone.by, s.viewer.id, s.who) : 'the school'}${full && gone.why ? `: ${gone.why.replace(/\.$/, '')}` : ''}; not counted` }] : []),
          { label: 'Recorded', value: full ? `${ukDate(londonDayOf(e.recordedAt))} by ${byWho(e.recordedBy, s.viewer.id, s.who)}` : `${ukDate(londonDayOf(e.recordedAt))} by the school` },
          ...(full ? [{ label: 'Checked before saving', value: e.warningsShown ? (warned.length ? `Shown: ${warned.join('; ')}` : 'No warnings') : 'Recorded before the checks were kept' }] : []),
        ],
      },
      ...(full ? (reason.length ? [] : [text('No reason was written.', 'muted')]) : [text('The reason stays with the school.', 'muted')]),
    ],
    parts: reason,
    item,
    page,
    actions: [to.pupil(s), to.timeline(s)],
  });
}
