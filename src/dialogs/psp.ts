import { addPastoralSupportPlan } from '../core/plans/plan-changes.js';
import { pspReviewWindow } from '../core/plans/review-dates.js';
import { pspReviewDue } from '../core/plans/reviews-due.js';
import { heading, text } from '../core/views/view.js';
import { caseAccess } from '../core/access/policy.js';
import type { StaffMember } from '../core/staff.js';
import type { Answers, DialogContext, FormDialog, Parsed, Question } from './dialog.js';
import { staffQuestion } from './staff-question.js';
import { staffNamer, staffSubject } from './staff-words.js';
import { dateWithin, list, parseDate, wholeNumber } from './parse.js';
import { describePupil, loadPicked, pickedPupil, pupilQuestion } from './pupil-question.js';
import { packForm, templateQuestions, templateValues } from './template-questions.js';
import { onlyPupilWriters } from './who-may.js';
import { dateRuleProblem } from './date-rules.js';
import { ukDate } from '../core/text/uk-date.js';
import { count } from '../core/text/plural.js';

/**
 * How far back a PSP's start may be: 39 weeks. A school that starts with the bot mid-year records
 * the PSPs already running, and the start of last term can be 30 weeks back (the autumn term's start,
 * seen from the end of the spring term). A PSP is time-limited with reviews every three to four weeks
 * (003), commonly about 16 school weeks, longer across the holidays and when a review extends it, so
 * one begun then may still be running; last term's finished ones can be recorded and closed as well.
 * A slip of the year, the usual typing mistake, lands a year back and is still refused.
 */
export const PSP_START_PAST_DAYS = 39 * 7;

/** The most targets a PSP holds, when it is written and when they are amended at a review: a few SMART targets. */
export const PSP_MAX_TARGETS = 5;

/** The template's fields asked with the start date and the reviews, so a plan's dates are read together (forms.json psp). */
const BESIDE_DATES = ['psp.endDate'];

/** Asked in the dialog's own structured way, or filled at each review. */
const ASKED_ELSEWHERE = ['overseeingLeader', 'startDate', 'pupilTargets', 'nextReviewDate', 'reviewFrequency', 'reviewNumber', 'reviewProgress'];

/**
 * The overseeing leader gets the PSP's review reminders, which name the pupil, so they must be staff
 * the bot knows who may see the pupil: a SENDCo at the school, or a teacher who works with them. The
 * picked id is the staff directory's key, so no other directory is asked; someone it does not know is
 * refused with what to do. Where no directory is to hand (a bare dialog context), any id is taken.
 */
async function overseerCheck(ctx: DialogContext, a: Answers, id: string, member: StaffMember | undefined): Promise<Parsed> {
  if (id === ctx.user.id || !ctx.staff) return { ok: true, value: id };
  const c = await loadPicked(ctx, a);
  if (!member)
    return { ok: false, message: `The person you named has no role in this bot yet, so their reminders would reach no one. Ask your admin to give them one (your admin types "grant" and picks them), or leave this blank to oversee the PSP yourself.` };
  if (c && caseAccess(member, c) !== 'full')
    return { ok: false, message: `${staffSubject(staffNamer(ctx), id).said} does not work with pupil ${c.pupilRef}, so they could not open the reminders about them. Ask your SENDCo to share the pupil with them (your SENDCo types "share ${c.pupilRef}" and picks them), or choose someone who works with the pupil.` };
  return { ok: true, value: id };
}

export const pspDialog: FormDialog = {
  id: 'psp',
  draftName: 'PSP',
  submitLabel: 'Start the PSP',
  title: 'Pastoral Support Programme',
  shortTitle: 'Start a PSP',
  refuse: onlyPupilWriters('start a PSP'),
  intro: (ctx) => {
    const w = pspReviewWindow(ctx.pack);
    return `A PSP sets a few clear targets, overseen by a senior leader, and is reviewed every ${w.earliestDays / 7}–${w.latestDays / 7} weeks. Optional questions can be left blank.`;
  },
  questions(ctx, a) {
    const qs: Question[] = [pupilQuestion(ctx)];
    if (!pickedPupil(a)) return qs;
    const between = pspReviewWindow(ctx.pack);
    qs.push(
      { id: 'targets', kind: 'list', prompt: `The pupil’s targets (up to ${PSP_MAX_TARGETS}).`, parse: (r) => list(r, PSP_MAX_TARGETS, 300) },
      staffQuestion(ctx, {
        id: 'overseeingLeader',
        prompt: 'Who oversees the PSP? Pick them, or type “me” or their id in this bot (they can type “whoami” to see it).',
        help: 'A member of the senior leadership team oversees each PSP; review reminders go to them as well as to you and the SENDCo.',
        me: true,
        check: (id, member) => overseerCheck(ctx, a, id, member),
      }),
      {
        id: 'startDate',
        kind: 'date',
        prompt: 'Start date?',
        fallback: { value: ctx.today(), label: 'today' },
        parse(r) {
          const d = dateWithin(r, ctx.today(), { pastDays: PSP_START_PAST_DAYS, futureDays: 60, what: 'start date', weekdayAhead: true });
          // The pack's rule for the start date (forms.json psp `startDate`: on a school day).
          const rule = packForm(ctx, 'psp')?.fields.find((f) => f.id === 'startDate')?.dateRule;
          const problem = d.ok && rule ? dateRuleProblem(ctx.calendar, rule, 'the start date', d.value as string) : undefined;
          return problem ? { ok: false, message: problem } : d;
        },
      },
      {
        id: 'interval',
        kind: 'number',
        prompt: `Days between reviews (${between.earliestDays}–${between.latestDays})?`,
        fallback: { value: ctx.settings.pspReviewIntervalDays, label: `${ctx.settings.pspReviewIntervalDays} days` },
        parse: (r) => wholeNumber(r, between.earliestDays, between.latestDays, 'the days between reviews'),
      },
    );
    if (typeof a.startDate === 'string' && typeof a.interval === 'number') {
      const before = reviewedBefore(ctx, a.startDate, a.interval);
      if (before) qs.push(before);
    }
    const form = packForm(ctx, 'psp');
    const template = form ? templateQuestions(ctx, form, 'psp', ASKED_ELSEWHERE, { answers: a, askedAs: { startDate: 'startDate' } }) : [];
    // The end date comes beside the start and the reviews, not after the reasons and interventions.
    const besideDates = (q: Question) => BESIDE_DATES.includes(q.id);
    qs.push(...template.filter(besideDates), ...template.filter((q) => !besideDates(q)));
    return qs;
  },
  async finish(ctx, a) {
    const p = pickedPupil(a)!;
    const input = {
      targets: a.targets as string[],
      overseeingLeaderId: a.overseeingLeader as string,
      startDate: a.startDate as string,
      reviewIntervalDays: a.interval as number,
      fields: templateValues(a, 'psp'),
      ...(typeof a.lastReview === 'string' ? { lastReviewBeforeRecord: a.lastReview } : {}),
    };
    const saved = await ctx.cases.change(ctx.user, { schoolId: p.schoolId, id: p.caseId }, 'psp.create', (c, cc) => addPastoralSupportPlan(c, input, cc));
    const last = input.lastReviewBeforeRecord;
    const due = pspReviewDue(ctx.calendar, pspReviewWindow(ctx.pack), input.startDate, last, input.reviewIntervalDays);
    const next = last ? `Reviewed ${ukDate(last)} before it was recorded here; next review due ${ukDate(due)}.` : `First review due ${ukDate(due)}.`;
    const late = due < ctx.today() ? ` That date has passed, so the review is overdue: hold it when you can and record it with “review”.` : '';
    const after = ctx.pack.rules?.psp.escalateAfterReviewsWithoutImpact ?? 2;
    return [
      {
        blocks: [
          heading('PSP saved'),
          text(`The Pastoral Support Programme for ${describePupil(saved)} starts ${ukDate(input.startDate)} with ${count(input.targets.length, 'target')}. ${next}${late}`, 'success'),
          text(`If ${after} reviews in a row show no positive change, I’ll point you to the next level of support.`, 'muted'),
        ],
      },
    ];
  },
};

/**
 * For a PSP whose first review fell before today (it began before it was recorded here), when the
 * latest review was held: asked rather than assumed, since the bot cannot know. Assuming none would
 * call overdue reviews held on paper before the bot was used and chase them every few school days;
 * assuming they were held on time would hide one that was missed. One date, not each review's
 * outcome: the next review counts from it, and what the earlier reviews found stays on paper.
 * Undefined when no review can have fallen due yet.
 */
function reviewedBefore(ctx: DialogContext, start: string, interval: number): Question | undefined {
  const today = ctx.today();
  if (pspReviewDue(ctx.calendar, pspReviewWindow(ctx.pack), start, undefined, interval) >= today) return undefined;
  return {
    id: 'lastReview',
    kind: 'date',
    prompt: `The PSP has run since ${ukDate(start)}: when was its latest review held?`,
    help: 'Reviews held before the PSP was recorded here: give the date of the latest, and the next review is due three to four weeks after it. Leave it blank if it has not been reviewed yet, and the first review is due from the start date.',
    fallback: { value: null, label: 'not reviewed yet' },
    parse: (raw) => {
      const d = parseDate(raw, today);
      if (!d.ok) return d;
      if (d.date > today) return { ok: false, message: 'Type the date the latest review was held (not a future one), or leave it blank if there has been none.' };
      if (d.date < start) return { ok: false, message: `The PSP started ${ukDate(start)}, so its reviews came after that. Type the date of the latest, or leave it blank if there has been none.` };
      return { ok: true, value: d.date };
    },
  };
}
