import { addPastoralSupportPlan } from '../core/plans/plan-changes.js';
import { pspReviewWindow } from '../core/plans/review-dates.js';
import { pspReviewDue } from '../core/plans/reviews-due.js';
import { heading, text } from '../core/views/view.js';
import type { FormDialog, Question } from './dialog.js';
import { dateWithin, list, wholeNumber } from './parse.js';
import { describePupil, pickedPupil, pupilQuestion } from './pupil-question.js';
import { packForm, templateQuestions, templateValues } from './template-questions.js';
import { onlyPupilWriters } from './who-may.js';
import { ukDate } from '../core/text/uk-date.js';
import { count } from '../core/text/plural.js';

/** Asked in the dialog's own structured way, or filled at each review. */
const ASKED_ELSEWHERE = ['overseeingLeader', 'startDate', 'pupilTargets', 'nextReviewDate', 'reviewFrequency', 'reviewNumber', 'reviewProgress'];

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
      { id: 'targets', kind: 'list', prompt: 'The pupil’s targets (up to 5).', parse: (r) => list(r, 5, 300) },
      {
        id: 'overseeingLeader',
        kind: 'text',
        prompt: 'Who oversees the PSP? “me”, or their id in this bot (they can type “whoami” to see it).',
        help: 'A member of the senior leadership team oversees each PSP; review reminders go to them as well as to you and the SENDCo.',
        fallback: { value: ctx.user.id, label: 'me' },
        parse: (r) => {
          const t = r.trim();
          if (/^me$/i.test(t)) return { ok: true, value: ctx.user.id };
          return /^[\w.@:-]{1,128}$/.test(t) ? { ok: true, value: t } : { ok: false, message: 'Please type a staff id (no spaces), or "me".' };
        },
      },
      { id: 'startDate', kind: 'date', prompt: 'Start date?', fallback: { value: ctx.today(), label: 'today' }, parse: (r) => dateWithin(r, ctx.today(), { pastDays: 60, futureDays: 60, what: 'start date' }) },
      {
        id: 'interval',
        kind: 'number',
        prompt: `Days between reviews (${between.earliestDays}–${between.latestDays})?`,
        fallback: { value: ctx.settings.pspReviewIntervalDays, label: `${ctx.settings.pspReviewIntervalDays} days` },
        parse: (r) => wholeNumber(r, between.earliestDays, between.latestDays, 'the days between reviews'),
      },
    );
    const form = packForm(ctx, 'psp');
    if (form) qs.push(...templateQuestions(ctx, form, 'psp', ASKED_ELSEWHERE));
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
    };
    const saved = await ctx.cases.change(ctx.user, { schoolId: p.schoolId, id: p.caseId }, 'psp.create', (c, cc) => addPastoralSupportPlan(c, input, cc));
    const due = pspReviewDue(ctx.calendar, pspReviewWindow(ctx.pack), input.startDate, undefined, input.reviewIntervalDays);
    const after = ctx.pack.rules?.psp.escalateAfterReviewsWithoutImpact ?? 2;
    return [
      {
        blocks: [
          heading('PSP saved'),
          text(`The Pastoral Support Programme for ${describePupil(saved)} starts ${ukDate(input.startDate)} with ${count(input.targets.length, 'target')}. First review due ${ukDate(due)}.`, 'success'),
          text(`If ${after} reviews in a row show no positive change, I’ll point you to the next level of support.`, 'muted'),
        ],
      },
    ];
  },
};
