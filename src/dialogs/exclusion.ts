import { exclusionsInForceOn } from '../core/exclusions/withdrawn.js';
import { createHash } from 'node:crypto';
import { guidanceAfterSave } from './views/guidance-after-save.js';
import type { PupilCase } from '../core/cases/pupil-case.js';
import { AppError } from '../core/errors.js';
import { afterPermanent, checkExclusion, firstDayProblem, warningRecommendation, type ProposedExclusion, type Refusal, type Warning } from '../core/exclusions/check-before-saving.js';
import { suspensionDays } from '../core/exclusions/suspension-days.js';
import { recordExclusion } from '../core/plans/plan-changes.js';
import { citation } from '../core/guidance/recommendation.js';
import { count } from '../core/text/plural.js';
import { ukDate } from '../core/text/uk-date.js';
import { CONFIRM_BRIEF_WORDS, heading, text, type ReadFirst } from '../core/views/view.js';
import type { Answers, DialogContext, FormDialog, Parsed, Question } from './dialog.js';
import { FIELD_MAX } from '../core/cases/text-limits.js';
import { choice, type AnswerChoice } from './choice-match.js';
import { dateWithin, reasonText, wholeNumber, yesNo } from './parse.js';
import { describePupil, loadPicked, pickedPupil, pupilQuestion } from './pupil-question.js';
import { onlyPupilWriters } from './who-may.js';

const kinds: AnswerChoice[] = [
  { value: 'suspension', label: 'Suspension (fixed-term exclusion)', words: ['suspended', 'suspend', 'fte suspension', 'fixed period exclusion', 'temporary exclusion', 'short exclusion'] },
  { value: 'permanent', label: 'Permanent exclusion', words: ['permanently excluded', 'excluded permanently', 'permanently exclude', 'perm ex', 'pex', 'pe', 'expelled', 'expulsion'] },
];

/** Where the reason's answer keeps the warnings found for it, for the confirm question to show. */
const WARNINGS = 'beforeSaving';
const CONFIRM = 'confirm-';

/** The answers as the check reads them, once it has what it needs (the reason may still be blank). */
function proposal(a: Answers): ProposedExclusion | undefined {
  const kind = a.kind === 'suspension' || a.kind === 'permanent' ? a.kind : undefined;
  if (!kind || typeof a.startDate !== 'string') return undefined;
  if (kind === 'suspension' && typeof a.days !== 'number') return undefined;
  return { kind, startDate: a.startDate, days: kind === 'suspension' ? (a.days as number) : 0, reason: typeof a.reason === 'string' ? a.reason : '' };
}

/** The pupil's record as it is now; someone who can no longer open it cannot record an exclusion on it. */
async function record(ctx: DialogContext, a: Answers): Promise<PupilCase> {
  const c = await loadPicked(ctx, a);
  if (!c) throw new AppError('You cannot change this pupil’s record. Ask your SENDCo if you should have access.', 'forbidden');
  return c;
}

/** The confirm question belongs to exactly these warnings: other answers, or a change to the record, ask again. */
const confirmId = (warnings: readonly Warning[]): string => `${CONFIRM}${createHash('sha256').update(JSON.stringify(warnings)).digest('hex').slice(0, 12)}`;

/** The refusals of a proposal on the record as it is now, leaving out the first day (its own question checks that). */
async function refusalsOf(ctx: DialogContext, a: Answers, p: ProposedExclusion): Promise<Refusal[]> {
  return checkExclusion(ctx.pack, ctx.calendar, await record(ctx, a), p).refusals.filter((r) => r.id !== 'not-a-school-day');
}

/** What to type after dates that overlap a recorded suspension: the first day is what clashed. */
const ANOTHER_DAY = 'Please give another first day, one after the suspension already recorded.';

/**
 * The first day. It must be a school day; and when it is asked again for a suspension whose days
 * ran over one already recorded (the length is kept), the new dates must not overlap it either.
 * The first time, the length is not known yet: the days question checks the dates.
 */
function startDateQuestion(ctx: DialogContext, a: Answers): Question {
  return {
    id: 'startDate',
    kind: 'date',
    prompt: 'First day of the exclusion?',
    fallback: { value: ctx.today(), label: 'today' },
    async parse(r): Promise<Parsed> {
      const d = dateWithin(r, ctx.today(), { pastDays: 365, futureDays: 14, what: 'start date', weekdayAhead: true });
      if (!d.ok) return d;
      const problem = firstDayProblem(ctx.calendar, d.value as string);
      // The message names the first school day after it; a blank answer then takes that day, not today.
      const after = problem ? ctx.calendar.offDay(d.value as string)?.firstSchoolDay : undefined;
      if (problem) return { ok: false, message: problem, ...(after ? { suggest: { value: after, label: ukDate(after) } } : {}) };
      const excluded = afterPermanent(exclusionsInForceOn(await record(ctx, a), d.value as string), d.value as string);
      if (excluded.length) return { ok: false, message: `${excluded[0]!.message} Type "cancel" to stop, or an earlier date.` };
      const p = a.kind === 'suspension' && typeof a.days === 'number' ? proposal({ ...a, startDate: d.value }) : undefined;
      const refused = p ? await refusalsOf(ctx, a, p) : [];
      const clash = refused.filter((x) => x.id === 'overlap');
      if (clash.length) return { ok: false, message: `${clash.map((x) => x.message).join(' ')} ${ANOTHER_DAY}` };
      // With the days kept, a first day can also take the year past its limit: said here, with why, not at the save.
      const limit = refused.find((x) => x.id === 'over-year-limit');
      return limit ? { ok: false, message: `${limit.message} Please give a first day in another school year, or type "back" to change the number of days.` } : d;
    },
  };
}

/**
 * The number of days. Past the 45-day limit it is refused, saying why (fewer days is the answer).
 * Days that run over a recorded suspension are kept, and the first day is asked again naming the
 * dates that clash, since that is what was wrong.
 */
function daysQuestion(ctx: DialogContext, a: Answers, max: number): Question {
  return {
    id: 'days',
    kind: 'number',
    prompt: 'How many school days?',
    async parse(raw): Promise<Parsed> {
      const n = wholeNumber(raw, 1, max, 'the number of days');
      // More than the yearly limit in one go is refused with the law that sets it, not only a range.
      if (!n.ok && /^\d+$/.test(raw.trim()) && Number(raw.trim()) > max) return { ok: false, message: yearLimitMessage(ctx, max) };
      const p = n.ok ? proposal({ ...a, days: n.value }) : undefined;
      if (!p) return n;
      const refused = await refusalsOf(ctx, a, p);
      const limit = refused.find((r) => r.id === 'over-year-limit');
      if (limit) {
        // Fewer days, when any are left; otherwise only other dates (another school year) or stopping.
        const then = limit.daysLeft ? `Type a number of days up to ${limit.daysLeft}, or "cancel".` : 'If the first day is wrong, type "back" to change it; otherwise type "cancel": nothing can be recorded.';
        return { ok: false, message: `${refused.map((r) => r.message).join(' ')} ${then}` };
      }
      const clash = refused.filter((r) => r.id === 'overlap');
      return clash.length && n.ok ? { ok: true, value: n.value, reopen: { id: 'startDate', message: `${clash.map((r) => r.message).join(' ')} ${ANOTHER_DAY}` } } : n;
    },
  };
}

/** Why more days than the yearly limit are refused: the law that sets it, cited from the pack. */
function yearLimitMessage(ctx: DialogContext, max: number): string {
  const source = ctx.pack.rules?.suspensions.yearLimit.source;
  const cite = source ? ` (${citation(ctx.pack, source)})` : '';
  return `A pupil can be suspended for no more than ${max} school days in a school year${cite}, so one suspension cannot be longer. Please type a number of days from 1 to ${max}.`;
}

/**
 * What is being recorded, in dates, once they are known: said above the reason, so dates given in
 * words with the command ("from Monday") are seen as the days they were read as before anything else.
 */
function recording(ctx: DialogContext, a: Answers): ReadFirst[] {
  const p = proposal(a);
  if (!p) return [];
  if (p.kind === 'permanent') return [{ type: 'text', tone: 'muted', text: `Recording a permanent exclusion from ${ukDate(p.startDate)}.` }];
  const days = suspensionDays(ctx.calendar, p);
  const span = days.length > 1 ? `${ukDate(days[0]!)} to ${ukDate(days.at(-1)!)}` : ukDate(p.startDate);
  return [{ type: 'text', tone: 'muted', text: `Recording a suspension of ${count(p.days, 'school day')}: ${span}.` }];
}

/** The reason; reading it runs the check, and what it finds is kept for the confirm question. */
function reasonQuestion(ctx: DialogContext, a: Answers): Question {
  const before = recording(ctx, a);
  return {
    id: 'reason',
    kind: 'longtext',
    prompt: 'The reason, briefly (no names).',
    ...(before.length ? { before } : {}),
    maxLength: FIELD_MAX,
    async parse(raw): Promise<Parsed> {
      const t = reasonText(raw, FIELD_MAX, 'threw a chair at a member of staff');
      const p = t.ok ? proposal({ ...a, reason: t.value }) : undefined;
      if (!t.ok || !p) return t;
      const { warnings } = checkExclusion(ctx.pack, ctx.calendar, await record(ctx, a), p);
      return { ok: true, value: t.value, also: { [WARNINGS]: warnings } };
    },
  };
}

const wordsIn = (t: string): number => t.split(/\s+/).filter(Boolean).length;

/**
 * The checks in a line for the top of a form, by their titles ("Looked-after child: speak to the
 * Virtual School before any suspension"), as many as fit in CONFIRM_BRIEF_WORDS words; the rest are
 * counted, and all of them are in full under "Why these checks".
 */
function briefOf(titles: readonly string[]): string {
  const lead = titles.length === 1 ? 'One check applies:' : `${titles.length} checks apply:`;
  const clean = titles.map((t) => t.trim().replace(/[.;:]+$/, ''));
  for (let n = clean.length; n > 0; n--) {
    const left = clean.length - n;
    const line = `${lead} ${[...clean.slice(0, n), ...(left ? [`and ${left} more`] : [])].join('; ')}.`;
    if (wordsIn(line) <= CONFIRM_BRIEF_WORDS) return line;
  }
  return `${lead} read them under “Why these checks”.`;
}

/** Asked only when there is something to read first: nothing is saved before "yes". */
function confirmQuestion(ctx: DialogContext, a: Answers, warnings: readonly Warning[]): Question {
  const rules = ctx.pack.rules;
  const recs = warnings.map((w): ReadFirst => (rules ? { type: 'recommendation', rec: warningRecommendation(ctx.pack, rules, w) } : { type: 'text', text: `${w.id}: ${w.because}`, tone: 'warning' }));
  const titles = recs.map((r) => (r.type === 'recommendation' ? r.rec.title : r.text));
  const what = a.kind === 'permanent' ? 'this permanent exclusion' : `this ${String(a.days)}-day suspension`;
  return {
    id: confirmId(warnings),
    kind: 'yesno',
    prompt: `Record ${what}, having read the above?`,
    help: 'Nothing is saved until you answer yes. The record notes which of these you were shown.',
    before: [{ type: 'text', text: `Before ${what} is saved, please read ${warnings.length === 1 ? 'this' : `these ${warnings.length}`}:` }, ...recs],
    // On a card or modal the question and its answers come first, the reading after (issue 12).
    confirm: { prompt: `Record ${what}? Nothing is saved until you answer yes.`, brief: briefOf(titles) },
    parse: yesNo,
  };
}

export const exclusionDialog: FormDialog = {
  id: 'exclusion',
  submitLabel: 'Check and record',
  title: 'Record a suspension or exclusion',
  shortTitle: 'Suspension or exclusion',
  refuse: onlyPupilWriters('record suspensions or exclusions'),
  intro: () =>
    'I’ll check it against the rules before anything is saved: the 45-day limit, dates that overlap, days this term, looked-after children, social workers, EHC plans and the reason.',
  questions(ctx, a) {
    const qs: Question[] = [pupilQuestion(ctx)];
    if (!pickedPupil(a)) return qs;
    const max = ctx.pack.rules?.suspensions.maxDaysPerYear ?? 45;
    qs.push(
      { id: 'kind', kind: 'choice', prompt: 'Suspension or permanent exclusion?', choices: kinds, parse: (r) => choice(kinds, r) },
      startDateQuestion(ctx, a),
    );
    if (a.kind === 'suspension') qs.push(daysQuestion(ctx, a, max));
    qs.push(reasonQuestion(ctx, a));
    const warnings = a[WARNINGS] as Warning[] | undefined;
    if ('reason' in a && warnings?.length) qs.push(confirmQuestion(ctx, a, warnings));
    return qs;
  },
  async finish(ctx, a) {
    if (Object.keys(a).some((k) => k.startsWith(CONFIRM) && a[k] === false))
      return [{ blocks: [heading('Not recorded'), text('Nothing was saved. Type "exclusion" when you are ready to record it.')] }];
    const p = pickedPupil(a)!;
    const proposed = proposal(a)!;
    const shown = (a[WARNINGS] as Warning[] | undefined) ?? [];
    const saved = await ctx.cases.change(
      ctx.user,
      { schoolId: p.schoolId, id: p.caseId },
      `exclusion.${proposed.kind}`,
      (c, cc) => {
        // Checked again on the record as it is now: someone may have saved a suspension meanwhile.
        const now = checkExclusion(ctx.pack, ctx.calendar, c, proposed);
        if (now.refusals.length) throw new AppError(`${now.refusals.map((r) => r.message).join(' ')} Nothing was saved.`, 'invalid-input');
        if (confirmId(now.warnings) !== confirmId(shown))
          throw new AppError('This pupil’s record changed while you were answering, so the warnings to read may be different. Nothing was saved: please start again.', 'conflict');
        return recordExclusion(c, { ...proposed, warningsShown: shown.map((w) => w.id) }, cc);
      },
      shown.map((w) => `exclusion.warned:${w.id}`),
    );
    const what = proposed.kind === 'permanent' ? 'Permanent exclusion' : `${proposed.days}-day suspension`;
    const noted = shown.length ? [text(`The record notes the ${shown.length === 1 ? 'warning' : `${shown.length} warnings`} you read before saving.`, 'muted')] : [];
    return [{ blocks: [heading('Recorded'), text(`${what} recorded for ${describePupil(saved)}.`, 'success'), ...noted] }, guidanceAfterSave(ctx, saved, { considerSuspension: true })];
  },
};
