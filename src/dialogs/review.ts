import { NOTES_MAX } from '../core/cases/text-limits.js';
import { guidanceAfterSave } from './views/guidance-after-save.js';
import type { PupilCase } from '../core/cases/pupil-case.js';
import { POSITIVE_REVIEWS_TO_STEP_DOWN, positiveInARow, stepAfterNoChange } from '../core/guidance/pathway-decision.js';
import { pathwayState } from '../core/guidance/pathway-state.js';
import { moveAfterReview, recordPcpReview, recordPspReview, secondReviewMessage } from '../core/plans/plan-changes.js';
import { pspTargets } from '../core/plans/close-plan.js';
import { pspReviewWindow } from '../core/plans/review-dates.js';
import { pspNextReview } from '../core/plans/reviews-due.js';
import type { Choice } from '../core/views/view.js';
import { heading, text } from '../core/views/view.js';
import type { Answers, DialogContext, FormDialog, Question } from './dialog.js';
import { choice, type AnswerChoice } from './choice-match.js';
import { dateWithin, limitedText, list, yesNo } from './parse.js';
import { pcpReviewDateQuestion } from './pcp-review-date.js';
import { planDayProblem } from './plan-day.js';
import { PSP_MAX_TARGETS } from './psp.js';
import { planBegan } from '../core/plans/plan-began.js';
import { describePupil, loadPicked, pickedPupil, pupilQuestion } from './pupil-question.js';
import { onlyPupilWriters } from './who-may.js';
import { ukDate } from '../core/text/uk-date.js';
import { count } from '../core/text/plural.js';
import { citation } from '../core/guidance/recommendation.js';

/** The plan choices are worked out when the pupil is picked and kept in the answers. */
interface PlanOption extends Choice {
  kind: 'pcp' | 'psp';
  step: number;
  /** A PSP's targets as they stand, to amend at the review. */
  targets?: string[];
  /** The plan's own date (plan-began.ts): a review cannot come before it. Absent on answers saved before it was kept. */
  began?: string;
  /** The dates of its reviews so far: one review a plan a day (refuseSecondReview). */
  reviewedOn?: string[];
  /** The step a positive review here would advise stepping down to (pathway-decision.ts), to offer recording that move. */
  downTo?: number;
}

/**
 * Where a positive review now would advise stepping down to: the step below, once it makes
 * POSITIVE_REVIEWS_TO_STEP_DOWN positive reviews in a row at the current step (000, Guiding Principles).
 */
function stepDownAfterPositive(c: PupilCase): number | undefined {
  const state = pathwayState(c);
  return state.step > 1 && positiveInARow(state) + 1 >= POSITIVE_REVIEWS_TO_STEP_DOWN ? state.step - 1 : undefined;
}


/** What staff call each kind of plan, so "the PSP" picks it when a pupil has both. */
const PLAN_WORDS: Record<PlanOption['kind'], string[]> = {
  pcp: ['pcp', 'positive behaviour support plan'],
  psp: ['psp', 'pastoral support plan'],
};
const withWords = (options: readonly PlanOption[]): AnswerChoice[] => options.map(({ value, label, kind }) => ({ value, label, words: PLAN_WORDS[kind] }));

async function planOptions(ctx: DialogContext, a: Answers): Promise<PlanOption[]> {
  const c = await loadPicked(ctx, a);
  if (!c) return [];
  const downTo = stepDownAfterPositive(c);
  const down = downTo ? { downTo } : {};
  return [
    ...c.pcps.filter((p) => p.status === 'active').map((p) => ({ value: p.id, label: `Person-centred plan (Step ${p.step}, review due ${ukDate(p.reviewDate)})`, kind: 'pcp' as const, step: c.currentStep, began: planBegan('pcp', p), reviewedOn: p.reviews.map((r) => r.date), ...down })),
    ...c.psps.filter((p) => p.status === 'active').map((p) => ({ value: p.id, label: `Pastoral Support Programme (started ${ukDate(p.startDate)})`, kind: 'psp' as const, step: c.currentStep, targets: pspTargets(p), began: planBegan('psp', p), reviewedOn: p.reviews.map((r) => r.date), ...down })),
  ];
}

/**
 * A PSP's targets, amended at its review (003: "targets are amended and developed in response to
 * pupil progress"): the targets as they should stand after it, or blank to keep them.
 */
function targetsQuestion(now: readonly string[]): Question {
  return {
    id: 'targets',
    kind: 'list',
    optional: true,
    prompt: `Amend the targets? Type them (up to ${PSP_MAX_TARGETS}) as they should stand after this review, or leave blank to keep them.`,
    before: [{ type: 'text', text: `The PSP’s targets now: ${now.map((t, i) => `${i + 1}. ${t}`).join('; ')}.` }],
    parse: (r) => list(r, PSP_MAX_TARGETS, 300),
  };
}

/** Used when a pack gives no review interval: three weeks, the shortest review cycle in seed 003 (PSP). */
const SHORTEST_REVIEW_DAYS = 21;

/**
 * A review of "no positive change" held so soon after the plan began that it cannot show whether the
 * plan worked: fewer school days after the plan's date than the pack's shortest review interval
 * (rules.psp.reviewIntervalDays.min, calendar days, read as whole school weeks: 21 days is 15 school
 * days; seed 003, a PSP is reviewed every three to four weeks). Asked "even so?"; "no" keeps every
 * answer and says what to type. None when the review is later, or the plan's date is not known.
 */
function tooSoonAfterPlan(ctx: DialogContext, began: string | undefined, date: unknown): Question | undefined {
  if (!began || typeof date !== 'string') return undefined;
  const rules = ctx.pack.rules?.psp;
  const weeks = Math.max(1, Math.floor((rules?.reviewIntervalDays.min ?? SHORTEST_REVIEW_DAYS) / 7));
  const least = weeks * 5;
  const held = ctx.calendar.schoolDaysBetween(began, date);
  if (held >= least) return undefined;
  const cite = rules ? ` (${citation(ctx.pack, rules.escalation.source)}: reviewed every three to four weeks)` : '';
  const after = held <= 0 ? 'on the day the plan began' : `${count(held, 'school day')} after the plan began (${ukDate(began)})`;
  return {
    id: 'tooSoon',
    kind: 'yesno',
    prompt: 'Record “no positive change” even so?',
    before: [{
      type: 'text',
      tone: 'warning',
      text: `This review is ${after}. A plan needs time to work before a review can show whether it has: the shortest review interval is ${weeks} school weeks${cite}. A “no positive change” now may move the pupil up a step before the plan has had a chance.`,
    }],
    help: 'Answer yes if the plan has truly had its chance (say why in the notes); no to change an answer.',
    parse(raw) {
      const p = yesNo(raw);
      return p.ok && p.value === false ? { ok: false, message: 'Your answers are kept. Type "back" to change the review’s date or whether there was positive change, or "cancel" to record nothing.' } : p;
    },
  };
}

/**
 * A PSP review fewer than this many school days after the PSP began or its previous review is too
 * soon to show impact (003, PSP: reviewed every 3–4 weeks), so it is queried before it is saved, as
 * it would count towards "two reviews without impact".
 */
const PSP_REVIEW_MIN_SCHOOL_DAYS = 10;

/** "Too soon to show impact; even so?" for a PSP review held too soon after the last one (or the start); none otherwise. "No" asks for another date. */
function pspTooSoon(ctx: DialogContext, plan: PlanOption, date: string): Question[] {
  const earlier = [plan.began, ...(plan.reviewedOn ?? [])].filter((d): d is string => !!d && d <= date).sort().at(-1);
  if (!earlier) return [];
  const gap = ctx.calendar.schoolDaysBetween(earlier, date);
  if (gap >= PSP_REVIEW_MIN_SCHOOL_DAYS) return [];
  const since = earlier === plan.began ? `the PSP started (${ukDate(earlier)})` : `the previous review (${ukDate(earlier)})`;
  return [
    {
      id: 'pspTooSoon',
      kind: 'yesno',
      prompt: `This review is ${count(gap, 'school day')} after ${since}: too soon to show impact; even so?`,
      help: `PSPs are reviewed every 3–4 weeks; a review held sooner still counts towards "two reviews without impact".`,
      parse(raw) {
        const p = yesNo(raw);
        return p.ok && p.value === false ? { ok: false, message: 'Then type "back" to give another review date, or "cancel" to record the review later.' } : p;
      },
    },
  ];
}

export const reviewDialog: FormDialog = {
  id: 'review',
  draftName: 'review',
  submitLabel: 'Record review',
  title: 'Record a review',
  refuse: onlyPupilWriters('record reviews'),
  intro: () => 'The question every review asks: has the plan brought positive change?',
  questions(ctx, a) {
    const pupil: Question = {
      ...pupilQuestion(ctx),
      async parse(raw) {
        const p = await pupilQuestion(ctx).parse(raw);
        if (!p.ok) return p;
        const options = await planOptions(ctx, { pupil: p.value });
        if (!options.length) return { ok: false, message: 'That pupil has no active plan to review. Type "cancel", then "pcp" or "psp" to start one.' };
        return { ok: true, value: p.value, also: { options } };
      },
    };
    const qs: Question[] = [pupil];
    const options = (a.options as PlanOption[] | undefined) ?? [];
    if (!pickedPupil(a) || !options.length) return qs;
    if (options.length > 1) {
      // One list for reading a typed answer and for showing a form's answer again (form-submit's shownValue).
      const planChoices = withWords(options);
      qs.push({ id: 'planId', kind: 'choice', prompt: 'Which plan are you reviewing?', choices: planChoices, parse: (r) => choice(planChoices, r) });
    }
    const chosen = options.length === 1 ? options[0]! : options.find((o) => o.value === a.planId);
    qs.push(
      {
        id: 'date',
        kind: 'date',
        prompt: 'Date of the review?',
        // Checked: a blank (today) meets the same checks as a typed date, or a second review today
        // was refused only at save, after every other answer (fresh tester, 1 Dec).
        fallback: { value: ctx.today(), label: 'today', checked: true },
        parse(r) {
          const d = dateWithin(r, ctx.today(), { pastDays: 120, futureDays: 0, what: 'review date' });
          const began = chosen?.began;
          const name = chosen?.kind === 'psp' ? 'the PSP’s start date' : 'the plan’s date';
          const problem = d.ok && began ? planDayProblem(ctx.calendar, d.value as string, { began, name }, 'the review date') : undefined;
          if (problem) return { ok: false, message: problem };
          // Asked again at once, rather than refused after every other answer is given.
          const twice = d.ok && chosen?.reviewedOn?.includes(d.value as string);
          return twice && chosen ? { ok: false, message: `${secondReviewMessage(d.value as string, chosen.kind === 'psp' ? 'PSP' : 'plan')} Or type "cancel".` } : d;
        },
      },
      { id: 'positive', kind: 'yesno', prompt: 'Has the plan brought positive change in the pupil’s SEMH or behaviour?', parse: yesNo },
    );
    // A PCP's "no change" too soon after it began (a PSP's review rhythm is pspTooSoon's, below).
    const soon = a.positive === false && chosen?.kind === 'pcp' ? tooSoonAfterPlan(ctx, chosen.began, a.date) : undefined;
    if (soon) qs.push(soon);
    qs.push(
      { id: 'notes', kind: 'longtext', optional: true, prompt: 'What worked, what didn’t, what you’ll do differently (no names, please).', ...limitedText(NOTES_MAX) },
    );
    // Asked straight after the date it queries.
    if (chosen?.kind === 'psp' && typeof a.date === 'string') qs.splice(qs.findIndex((q) => q.id === 'date') + 1, 0, ...pspTooSoon(ctx, chosen, a.date));
    // From the review's date once it is known (a card sends all answers at once: then today).
    if (chosen?.kind === 'pcp')
      qs.push(pcpReviewDateQuestion(ctx, { id: 'nextReviewDate', prompt: 'When is the next review?', what: 'next review date', from: { date: typeof a.date === 'string' ? a.date : ctx.today(), name: 'the review it follows' } }));
    if (chosen?.kind === 'psp') qs.push(targetsQuestion(chosen.targets ?? []));
    const upTo = chosen && a.positive === false ? stepAfterNoChange(chosen.step) : undefined;
    if (upTo) qs.push({ id: 'stepUp', kind: 'yesno', prompt: `No positive change means the pathway moves up to Step ${upTo}. Record that move now?`, parse: yesNo });
    const downTo = chosen && a.positive === true ? chosen.downTo : undefined;
    if (downTo)
      qs.push({
        id: 'stepDown',
        kind: 'yesno',
        prompt: `Positive change at ${POSITIVE_REVIEWS_TO_STEP_DOWN} reviews in a row means support can step down to Step ${downTo}${downTo === 1 ? ' (the whole-school offer)' : ''}. Record that move now?`,
        help: 'Answer no to keep the pupil at this step for now; a SENDCo can still move them later with "step".',
        parse: yesNo,
      });
    return qs;
  },
  async finish(ctx, a) {
    const p = pickedPupil(a)!;
    const options = a.options as PlanOption[];
    const chosen = options.length === 1 ? options[0]! : options.find((o) => o.value === a.planId)!;
    const targets = Array.isArray(a.targets) ? (a.targets as string[]) : undefined;
    const input = { date: a.date as string, positiveChange: a.positive === true, notes: (a.notes as string | null) ?? '', ...(a.nextReviewDate ? { nextReviewDate: a.nextReviewDate as string } : {}), ...(targets ? { targets } : {}) };
    const saved = await ctx.cases.change(ctx.user, { schoolId: p.schoolId, id: p.caseId }, `${chosen.kind}.review`, (c, cc) => {
      const reviewed = chosen.kind === 'pcp' ? recordPcpReview(c, chosen.value, input, cc) : recordPspReview(c, chosen.value, input, cc);
      const to = a.stepUp === true ? stepAfterNoChange(reviewed.currentStep) : a.stepDown === true && input.positiveChange ? chosen.downTo : undefined;
      return to ? moveAfterReview(reviewed, to, cc) : reviewed;
    });
    const lines = [text(`Review recorded for ${describePupil(saved)}: ${input.positiveChange ? 'positive change' : 'no positive change'}.`, 'success')];
    if (chosen.kind === 'psp') {
      const plan = saved.psps.find((x) => x.id === chosen.value)!;
      if (targets) lines.push(text(`Targets amended: ${targets.map((t, i) => `${i + 1}. ${t}`).join('; ')}.`));
      // As `my reviews` will remind of it: from the latest review on record, which may be later than this one.
      lines.push(text(`Next PSP review due ${ukDate(pspNextReview(ctx.calendar, pspReviewWindow(ctx.pack), plan))}.`));
    } else if (input.nextReviewDate) lines.push(text(`Next review due ${ukDate(input.nextReviewDate)}.`));
    if (saved.currentStep !== chosen.step) lines.push(text(`Moved ${saved.currentStep > chosen.step ? 'up' : 'down'} from Step ${chosen.step} to Step ${saved.currentStep}, with this review as the reason.`, 'success'));
    return [{ blocks: [heading('Review saved'), ...lines] }, guidanceAfterSave(ctx, saved)];
  },
};
