import type { FactEntry } from '../core/facts/fact-entry.js';
import { guidanceAfterSave } from './views/guidance-after-save.js';
import { changesMade } from '../core/facts/corrections.js';
import { describeFact, describeFacts, entryLine, factSentence } from '../core/facts/fact-words.js';
import { laterEntryThan, pupilFacts, standingEntries, type PupilFacts } from '../core/facts/pupil-facts.js';
import { factFamily, PEP_NOT_LOOKED_AFTER } from '../core/facts/record-fact.js';
import { heading, text } from '../core/views/view.js';
import { pupilDeadlines } from '../core/record/deadlines.js';
import { choice, type AnswerChoice } from './choice-match.js';
import type { Answers, DialogContext, FormDialog, Question } from './dialog.js';
import { entryAnswers, factFrom, implied, recordedAnswers, keeping, NO_SOCIAL_WORKER_YET, onQuestion, socialWorkerTooQuestion, nextPepQuestion, pepSkipsTermQuestion, timetableQuestions, valueQuestions, whyQuestion, type Recordable } from './fact-questions.js';
import { ukDate } from '../core/text/uk-date.js';
import { describePupil, pickedPupil, pupilQuestionReading } from './pupil-question.js';
import { provisionStartedLines } from './views/record-words.js';
import { onlyPupilWriters } from './who-may.js';
import { yesNo } from './parse.js';
import type { PupilCase } from '../core/cases/pupil-case.js';
import { standingExclusions } from '../core/exclusions/withdrawn.js';
import { withdrawnViews, withdrawWhyQuestion } from './withdraw-exclusion.js';
import type { View } from '../core/views/view.js';

/** Read before saying why a suspension or exclusion is withdrawn from "Correct an earlier entry". */
const WITHDRAW_ONLY = 'A suspension or exclusion recorded by mistake is withdrawn: it stays in the chronology, marked withdrawn, and no longer counts. If only its dates or days were wrong, withdraw it here and record it again with "exclusion".';

async function correctedReviewViews(ctx: DialogContext, ref: { schoolId: string; id: string }, r: ReviewOption, positiveChange: boolean, why: string): Promise<View[]> {
  const saved = await ctx.cases.correctReview(ctx.user, ref, r.reviewId, { positiveChange, why });
  const said = `The review “${r.label}” is corrected: it now says ${positiveChange ? 'positive change' : 'no positive change'}. Both stay on record, the earlier one marked as corrected; the guidance reads the correction.`;
  const stepNote = 'A step change that review led to stands: to move the pupil, use "set step".';
  return [{ blocks: [heading('Correction recorded'), text(said, 'success'), text(stepNote, 'muted')] }, guidanceAfterSave(ctx, saved)];
}

async function withdrawExclusionViews(ctx: DialogContext, ref: { schoolId: string; id: string }, x: ExclusionOption, why: string): Promise<View[]> {
  const saved = await ctx.cases.withdrawExclusion(ctx.user, ref, x.exclusionId, why, ctx.today());
  return withdrawnViews(ctx, saved, x.what);
}

/**
 * `update 4021`: something about a saved pupil has changed (care, a social worker, SEN support or an
 * EHCP, an EHC needs assessment requested, a part-time timetable, a return from suspension, risk of
 * permanent exclusion), or an earlier entry was wrong. Each is a new entry in the pupil's chronology,
 * with the day it happened, who recorded it and why; the guidance that follows reads the facts as
 * they now stand, so a pupil who became looked after gets the Virtual School warnings at once.
 */

const WHAT: AnswerChoice[] = [
  { value: 'care', label: 'Looked after or previously looked after', words: ['care', 'in care', 'lac', 'cla', 'looked after', 'previously looked after', 'adopted', 'fostered'] },
  { value: 'social-worker', label: 'A social worker (child in need or child protection plan)', words: ['social worker', 'sw', 'child in need', 'cin', 'child protection', 'cp plan'] },
  { value: 'send', label: 'SEN support, or an EHCP issued', words: ['sen', 'send', 'ehcp', 'ehc plan', 'sen support'] },
  { value: 'ehc-assessment', label: 'An EHC needs assessment requested', words: ['ehc', 'ehc request', 'requested', 'ehc needs assessment', 'needs assessment', 'ehcna', 'assessment'] },
  { value: 'part-time-timetable', label: 'A part-time timetable', words: ['ptt', 'part time', 'part-time', 'reduced timetable', 'timetable'] },
  { value: 'suspension-return', label: 'Returning from a suspension', words: ['return', 'returning', 'reintegration', 'back from suspension'] },
  { value: 'risk-of-permanent-exclusion', label: 'At risk of permanent exclusion', words: ['risk', 'at risk', 'pex risk', 'risk of pex'] },
  { value: 'provision-started', label: 'Full-time provision started after a permanent exclusion or a suspension of 6 days or more (day 6)', words: ['provision', 'day 6', 'day six', 'full-time provision', 'alternative provision started'] },
  { value: 'pep-meeting', label: 'A PEP meeting held (the termly Personal Education Plan of a looked-after child)', words: ['pep', 'pep meeting', 'personal education plan', 'epep', 'termly pep'] },
];
const CORRECT: AnswerChoice = { value: 'correction', label: 'Correct an earlier entry', words: ['correct', 'correction', 'mistake', 'wrong', 'fix'] };

const HOW: AnswerChoice[] = [
  { value: 'replace', label: 'It should have said something else', words: ['replace', 'change it', 'different', 'something else'] },
  { value: 'withdraw', label: 'It should not have been recorded at all', words: ['withdraw', 'remove', 'delete', 'not at all', 'never'] },
];

/** An entry that may be corrected, as it stands after earlier corrections. */
interface EntryOption {
  value: string;
  label: string;
  fact: Recordable;
  /** What it says now, which the correction's questions start from. */
  entry: FactEntry;
}

/**
 * A suspension or permanent exclusion that still counts, offered beside the facts: it is put right by
 * withdrawing it (core/exclusions/withdrawn.ts), as "withdraw suspension" does.
 */
interface ExclusionOption {
  value: string;
  label: string;
  exclusionId: string;
  /** "5-day suspension from Mon 16 Nov 2026", as the withdrawal names it. */
  what: string;
}

/** A PCP or PSP review standing now, offered beside the facts: its outcome can be corrected (plan-changes.ts correctReview). */
interface ReviewOption {
  value: string;
  label: string;
  reviewId: string;
  positiveChange: boolean;
}

/** Kept in the answers when the pupil is picked: the facts now and the entries there are to correct. */
interface Picked {
  now: PupilFacts;
  entries: EntryOption[];
  exclusions: ExclusionOption[];
  reviews: ReviewOption[];
}

function picked(a: Answers): Picked | undefined {
  return a.now && a.entries
    ? { now: a.now as PupilFacts, entries: a.entries as EntryOption[], exclusions: (a.exclusionEntries as ExclusionOption[] | undefined) ?? [], reviews: (a.reviewEntries as ReviewOption[] | undefined) ?? [] }
    : undefined;
}

const REVIEW_VALUE = 'review:';

/** Every PCP and PSP review as it stands (after corrections), newest first, named as the plans are numbered. */
function reviewOptions(c: PupilCase): ReviewOption[] {
  const plans = [...c.pcps.map((p, i) => ({ name: `PCP ${i + 1}`, p })), ...c.psps.map((p, i) => ({ name: `PSP ${i + 1}`, p }))];
  return plans
    .flatMap(({ name, p }) => p.reviews.map((r) => ({ r, name })))
    .toSorted((x, y) => y.r.date.localeCompare(x.r.date))
    .slice(0, 20)
    .map(({ r, name }) => ({ value: `${REVIEW_VALUE}${r.id}`, reviewId: r.id, positiveChange: r.positiveChange, label: `${ukDate(r.date)}: ${name} review, ${r.positiveChange ? 'positive change' : 'no positive change'}${r.corrects ? ' (corrected)' : ''}` }));
}

/** The review picked to correct, if the entry picked is one. */
const reviewPicked = (a: Answers, p: Picked): ReviewOption | undefined => p.reviews.find((x) => x.value === a.entry);

/** Asked of a review being corrected: what its outcome should have been. */
const REVIEW_OUTCOME: Question = {
  id: 'positiveChange',
  kind: 'yesno',
  prompt: 'Did the plan result in positive change in SEMH / behaviour, as the review should have said?',
  parse: (r) => yesNo(r),
};

const EXCLUSION_VALUE = 'exclusion:';

/** The exclusions standing now, newest first; each can only be withdrawn (its details are its own record). */
function exclusionOptions(c: PupilCase): ExclusionOption[] {
  return standingExclusions(c)
    .toSorted((x, y) => y.startDate.localeCompare(x.startDate))
    .map((x) => {
      const kind = x.kind === 'permanent' ? 'Permanent exclusion' : `${x.days}-day suspension`;
      return { value: `${EXCLUSION_VALUE}${x.id}`, exclusionId: x.id, what: `${kind} from ${ukDate(x.startDate)}`, label: `${ukDate(x.startDate)}: ${kind.toLowerCase()} (recorded by mistake: withdraw it)` };
    });
}

/** The exclusion picked to correct, if the entry picked is one. */
const exclusionPicked = (a: Answers, p: Picked): ExclusionOption | undefined => p.exclusions.find((x) => x.value === a.entry);

/** The entries standing now, newest first, each labelled as it now reads and picked by its original's id. */
function entryOptions(entries: readonly FactEntry[]): EntryOption[] {
  return standingEntries(entries)
    .reverse()
    .slice(0, 50)
    .map(({ entry, original }) => ({ value: original.id, label: entryLine({ ...entry, id: original.id }), fact: factFamily(entry.fact) as Recordable, entry }));
}

function pupilWithFacts(ctx: DialogContext): Question {
  return pupilQuestionReading(ctx, (c) => ({ now: pupilFacts(c), entries: entryOptions(c.facts), exclusionEntries: exclusionOptions(c), reviewEntries: reviewOptions(c) }));
}

/** What the record says now, read before picking what changed. */
function nowLines(now: PupilFacts): string {
  const kinds = ['care', 'social-worker', 'send', 'ehc-assessment', 'part-time-timetable', 'risk-of-permanent-exclusion'] as const;
  return `The record says now: ${kinds.map((k) => describeFacts(now, k)).join('; ')}.`;
}

function whatQuestion(p: Picked): Question {
  const choices = p.entries.length || p.exclusions.length || p.reviews.length ? [...WHAT, CORRECT] : WHAT;
  const parse = (r: string) => {
    const c = choice(choices, r);
    // Refused at once, not after every answer: a termly PEP is for a looked-after child (002).
    if (c.ok && c.value === 'pep-meeting' && !p.now.flags.lookedAfter) return { ok: false as const, message: PEP_NOT_LOOKED_AFTER };
    return c;
  };
  return { id: 'what', kind: 'choice', prompt: 'What has changed?', choices, before: [{ type: 'text', text: nowLines(p.now) }], parse };
}

/** The kind of fact the questions are about, and whether an entry is being corrected. */
function subject(a: Answers, p: Picked): { kind?: Recordable; correcting?: EntryOption } {
  if (a.what !== 'correction') return typeof a.what === 'string' ? { kind: a.what as Recordable } : {};
  const correcting = p.entries.find((e) => e.value === a.entry);
  return correcting ? { kind: correcting.fact, correcting } : {};
}

/**
 * What the questions start from: a corrected entry's values, or the part-time timetable on record
 * when its details change (the LA now told), so a blank keeps each value rather than taking today.
 */
function startingFrom(kind: Recordable, now: PupilFacts, a: Answers, correcting: EntryOption | undefined): Answers {
  return correcting ? entryAnswers(correcting.entry) : recordedAnswers(kind, now, a);
}

export const updateDialog: FormDialog = {
  id: 'update',
  draftName: 'record update',
  submitLabel: 'Record the change',
  title: 'Update a pupil’s record',
  refuse: onlyPupilWriters('change pupil records'),
  intro: () => 'Each change is added to the pupil’s chronology with its date, who recorded it and why. A mistake is put right with a correction; nothing is overwritten.',
  questions(ctx, a) {
    const pupil = pupilWithFacts(ctx);
    const p = picked(a);
    if (!pickedPupil(a) || !p) return [pupil];
    const qs: Question[] = [pupil, whatQuestion(p)];
    if (a.what === 'correction') {
      const choices = [...p.entries, ...p.reviews, ...p.exclusions].map(({ value, label }) => ({ value, label }));
      qs.push({ id: 'entry', kind: 'choice', prompt: 'Which entry needs correcting?', choices, parse: (r) => choice(choices, r) });
      if (!('entry' in a)) return qs;
      // A suspension or exclusion recorded by mistake is withdrawn with a reason (as "withdraw suspension" does);
      // one whose details were wrong is withdrawn and recorded again, so the chronology shows both.
      if (exclusionPicked(a, p)) return [...qs, { ...withdrawWhyQuestion(), before: [{ type: 'text', text: WITHDRAW_ONLY }] }];
      // A review's outcome is put right by a correction that says so; the review as recorded is kept.
      if (reviewPicked(a, p)) return [...qs, REVIEW_OUTCOME, whyQuestion(true)];
      qs.push({ id: 'how', kind: 'choice', prompt: 'What was wrong with it?', choices: HOW, parse: (r) => choice(HOW, r) });
      if (a.how === 'withdraw') return [...qs, whyQuestion(true)];
      if (a.how !== 'replace') return qs;
    }
    const { kind, correcting } = subject(a, p);
    if (!kind) return qs;
    // A correction starts from what the entry said: only what was wrong is typed again, and the
    // questions its values bring up (a timetable's hours) are there from the start.
    const was = startingFrom(kind, p.now, a, correcting);
    const given = { ...implied(kind, p.now, !!correcting), ...was, ...a };
    const asked = [...valueQuestions(kind, p.now, !!correcting), onQuestion(ctx, kind, given)];
    if (kind === 'part-time-timetable' && given.ptt === 'starts') asked.push(...timetableQuestions(ctx, given));
    if (kind === 'pep-meeting') asked.push(nextPepQuestion(ctx, given), ...pepSkipsTermQuestion(ctx, given));
    // Looked after, and no social worker on record: a looked-after child normally has one (002).
    if (kind === 'care' && given.care === 'looked-after' && !p.now.flags.socialWorker) asked.push(socialWorkerTooQuestion(ctx));
    return [...qs, ...asked.map((q) => keeping(q, was)), whyQuestion(!!correcting)];
  },
  async finish(ctx, a) {
    const pick = pickedPupil(a)!;
    const p = picked(a)!;
    const exclusion = exclusionPicked(a, p);
    if (exclusion) return withdrawExclusionViews(ctx, { schoolId: pick.schoolId, id: pick.caseId }, exclusion, a.why as string);
    const review = reviewPicked(a, p);
    if (review) return correctedReviewViews(ctx, { schoolId: pick.schoolId, id: pick.caseId }, review, a.positiveChange as boolean, a.why as string);
    const { kind, correcting } = subject(a, p);
    const why = (a.why as string | null | undefined) ?? '';
    const input =
      a.how === 'withdraw'
        ? { fact: 'withdrawn' as const, on: ctx.today(), why, corrects: a.entry as string }
        : { ...factFrom(kind!, { ...implied(kind!, p.now, !!correcting), ...startingFrom(kind!, p.now, a, correcting), ...a }), ...(correcting ? { corrects: correcting.value } : {}) };
    const ref = { schoolId: pick.schoolId, id: pick.caseId };
    let saved = await ctx.cases.recordFact(ctx.user, ref, input);
    const entry = saved.facts.at(-1)!;
    // "Yes" to a social worker when recording looked after: a second entry, from the same day.
    const withSocialWorker = a.socialWorkerToo === true && 'on' in input;
    if (withSocialWorker) saved = await ctx.cases.recordFact(ctx.user, ref, { fact: 'social-worker', has: true, on: input.on, why: '' });
    const who = describePupil(saved);
    const said = correcting
      ? `The entry “${correcting.label}” is corrected: ${entry.fact === 'withdrawn' ? 'it no longer counts' : `it now says ${factSentence(entry)} (${changesMade(correcting.entry, entry).join('; ')})`}. Both stay in the chronology, the earlier one marked as corrected.`
      : `${who}: ${factSentence(entry)}${withSocialWorker ? `, and has a social worker from ${ukDate(entry.on)}` : ''}.`;
    const nextPep = entry.fact === 'pep-meeting' ? pupilDeadlines(saved, { pack: ctx.pack, calendar: ctx.calendar, today: ctx.today() }).find((d) => d.kind === 'pep') : undefined;
    const pepLine = nextPep ? [text(`The next PEP is due ${ukDate(nextPep.dueDate)}${entry.fact === 'pep-meeting' && entry.nextOn ? ', the date set at the meeting' : ', the first day of its term (a PEP each term)'}.`)] : [];
    // A change dated before one already recorded for the same fact does not change what the record says now.
    const later = correcting ? undefined : laterEntryThan(saved.facts, entry);
    const outweighed = later ? [text(`An update dated ${ukDate(later.on)} says ${describeFact(later)}; that one stands, since it is later. To change it, correct that entry ("Correct an earlier entry").`, 'warning')] : [];
    const noSocialWorker = a.socialWorkerToo !== undefined && !withSocialWorker ? [text(NO_SOCIAL_WORKER_YET, 'muted')] : [];
    // Which school day of the exclusion provision started on, and how late against day 6 (001).
    const started = entry.fact === 'provision-started' ? provisionStartedLines(ctx.pack, ctx.calendar, saved, (d) => d.exclusion.id === entry.exclusionId) : [];
    const startedLine = started.map((l) => text(l.line, l.late ? 'warning' : 'normal'));
    return [
      { blocks: [heading(correcting ? 'Correction recorded' : 'Change recorded'), text(said, 'success'), ...startedLine, ...outweighed, ...pepLine, ...noSocialWorker, text('The chronology keeps who recorded it, when and why. A mistake is put right with "update", then "Correct an earlier entry".', 'muted')] },
      guidanceAfterSave(ctx, saved),
    ];
  },
};
