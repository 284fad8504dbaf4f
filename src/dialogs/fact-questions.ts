import { suspensionDays } from '../core/exclusions/suspension-days.js';
import { DEFAULT_PROVISION_FROM_DAY, needsDay6, nextTermAfter } from '../core/reminders/due-items.js';
import { dateRuleProblem } from './date-rules.js';
import { addDays } from '../core/dates.js';
import type { FactEntry, FactKind, NewFact, PepLead } from '../core/facts/fact-entry.js';
import { WHY_MAX } from '../core/facts/fact-entry.js';
import { describeFacts } from '../core/facts/fact-words.js';
import { pupilFacts, type PupilFacts } from '../core/facts/pupil-facts.js';
import { ehcpBeforeRequest } from '../core/facts/record-fact.js';
import { choice, type AnswerChoice } from './choice-match.js';
import type { Answers, DialogContext, Parsed, Question } from './dialog.js';
import type { ReadFirst } from '../core/views/view.js';
import { citation, fromAdvice } from '../core/guidance/recommendation.js';
import { count } from '../core/text/plural.js';
import { dateWithin, freeText, parseDate, yesNo } from './parse.js';
import { loadPicked } from './pupil-question.js';
import { ukDate } from '../core/text/uk-date.js';
import { standingExclusions } from '../core/exclusions/withdrawn.js';

/**
 * The questions for each kind of fact "update" records, and the entry the answers make. The same
 * questions put a mistaken entry right, except that a correction may say what the record already
 * says (it replaces an entry, it does not add one).
 */

/** The kinds of fact a person picks from; a part-time timetable's end is an answer within its own. */
export type Recordable = Exclude<FactKind, 'withdrawn' | 'part-time-timetable-ended' | 'reinstated'>;

export const CARE: AnswerChoice[] = [
  { value: 'looked-after', label: 'Looked after (in care)', plainAnswer: 'yes', words: ['in care', 'lac', 'cla', 'child looked after', 'looked after child', 'foster care', 'fostered', 'care'] },
  {
    value: 'previously-looked-after',
    label: 'Previously looked after (left care through adoption, a special guardianship or a child arrangements order)',
    words: ['previously', 'pla', 'plac', 'post looked after', 'previously in care', 'was in care', 'was looked after', 'adopted', 'adoption', 'special guardianship', 'sgo', 'child arrangements order', 'cao'],
  },
  { value: 'neither', label: 'Neither: not looked after (for example, returned home)', plainAnswer: 'no', words: ['not looked after', 'not in care', 'returned home', 'home'] },
];

export const SEND: AnswerChoice[] = [
  { value: 'sen-support', label: 'SEN support', words: ['sen k', 'k', 'send support', 'on the sen register'] },
  { value: 'ehcp', label: 'An EHCP has been issued', words: ['ehcp', 'has an ehcp', 'has ehcp', 'ehc plan', 'education health and care plan', 'issued', 'statement', 'statement of sen'] },
  { value: 'none', label: 'Neither: no SEN support or EHCP', plainAnswer: 'no', words: ['no sen', 'none', 'neither'] },
];

const EHC: AnswerChoice[] = [
  { value: 'requested', label: 'An EHC needs assessment has been requested', plainAnswer: 'yes', words: ['requested', 'request', 'applied'] },
  { value: 'not-going-ahead', label: 'It is not going ahead (the LA decided not to assess, or the request was withdrawn)', words: ['not going ahead', 'refused', 'declined', 'withdrawn', 'no'] },
];

const PTT: AnswerChoice[] = [
  { value: 'starts', label: 'It starts, or its details change (say, the LA has now been told)', words: ['start', 'starts', 'begins', 'changes', 'change', 'new'] },
  { value: 'ended', label: 'It has ended: back to full time', words: ['ended', 'end', 'stopped', 'full time', 'back to full time'] },
];

const PEP_LEADS: AnswerChoice[] = [
  { value: 'virtual-school', label: 'The Virtual School', words: ['virtual school', 'vs', 'virtual school head', 'vsh'] },
  { value: 'designated-teacher', label: 'The designated teacher', words: ['designated teacher', 'dt', 'school', 'me', 'i did'] },
  { value: 'social-worker', label: 'The social worker', words: ['social worker', 'sw'] },
  { value: 'other', label: 'Someone else', words: ['other', 'someone else', 'carer', 'foster carer'] },
];

const pick = (id: string, prompt: string, choices: AnswerChoice[], check?: (v: string) => string | undefined): Question => ({
  id,
  kind: 'choice',
  prompt,
  choices,
  parse(raw) {
    const p = choice(choices, raw);
    const problem = p.ok ? check?.(String(p.value)) : undefined;
    return problem ? { ok: false, message: problem } : p;
  },
});

const yes = (id: string, prompt: string, check?: (v: boolean) => string | undefined): Question => ({
  id,
  kind: 'yesno',
  prompt,
  parse(raw) {
    const p = yesNo(raw);
    const problem = p.ok ? check?.(p.value as boolean) : undefined;
    return problem ? { ok: false, message: problem } : p;
  },
});

/** "The record already says …" for an answer that changes nothing, unless an entry is being corrected. */
const already = (now: PupilFacts, kind: FactKind, correcting: boolean, same: boolean) =>
  !correcting && same ? `The record already says: ${describeFacts(now, kind)}. Pick what is true now, or type "cancel". To change when it began, correct the earlier entry instead.` : undefined;

/** The question saying what is true now, for a kind; none for a return from suspension (its date says it). */
export function valueQuestions(kind: Recordable, now: PupilFacts, correcting: boolean): Question[] {
  const f = now.flags;
  switch (kind) {
    case 'care': {
      const current = f.lookedAfter ? 'looked-after' : f.previouslyLookedAfter ? 'previously-looked-after' : 'neither';
      return [pick('care', 'Which is true of the pupil now?', CARE, (v) => already(now, kind, correcting, v === current))];
    }
    case 'social-worker':
      return [yes('hasSocialWorker', 'Does the pupil have a social worker now (a child in need or child protection plan)?', (v) => already(now, kind, correcting, v === f.socialWorker))];
    case 'send': {
      const current = f.ehcp ? 'ehcp' : f.senSupport ? 'sen-support' : 'none';
      return [pick('send', 'Which is true of the pupil’s special educational needs now?', SEND, (v) => already(now, kind, correcting, v === current))];
    }
    case 'ehc-assessment':
      return 'ehc' in implied(kind, now, correcting) ? [] : [pick('ehc', 'What has happened?', EHC)];
    case 'part-time-timetable':
      return 'ptt' in implied(kind, now, correcting) ? [] : [pick('ptt', 'What has happened to the part-time timetable?', PTT)];
    case 'risk-of-permanent-exclusion':
      return [yes('atRisk', 'Is the pupil at risk of permanent exclusion now?', (v) => already(now, kind, correcting, v === now.riskOfPermanentExclusion))];
    case 'pep-meeting':
      return [pick('ledBy', 'Who led the PEP meeting?', PEP_LEADS)];
    case 'suspension-return':
    case 'provision-started':
      return [];
  }
}

/**
 * Answers that go without saying: with no EHC needs assessment waiting, one can only have been
 * requested; with no part-time timetable, one can only start. A correction may be either, so asks.
 */
export function implied(kind: Recordable, now: PupilFacts, correcting: boolean): Answers {
  if (correcting) return {};
  if (kind === 'ehc-assessment' && !now.ehcRequestedOn) return { ehc: 'requested' };
  if (kind === 'part-time-timetable' && !now.partTimeTimetable) return { ptt: 'starts' };
  return {};
}

/** When it happened: most facts are in the past; a timetable may start and a return fall a few weeks ahead. */
export function onQuestion(ctx: DialogContext, kind: Recordable, a: Answers): Question {
  const today = ctx.today();
  const when = (prompt: string, futureDays: number, what: string, check?: (date: string) => Promise<Parsed | undefined>): Question => ({
    id: 'on',
    kind: 'date',
    prompt,
    // A check finds the exclusion the date follows, so a blank (today) must go through it too.
    fallback: { value: today, label: 'today', ...(check ? { checked: true } : {}) },
    async parse(raw) {
      const d = dateWithin(raw, today, { pastDays: 730, futureDays, what });
      return (d.ok && check ? await check(d.value as string) : undefined) ?? d;
    },
  });
  if (kind === 'suspension-return') return when('When does (or did) the pupil return from the suspension?', 60, 'return date', (date) => suspensionBefore(ctx, a, date));
  if (kind === 'provision-started') return when('When did full-time provision start after the exclusion or long suspension?', 28, 'start date', (date) => exclusionBefore(ctx, a, date));
  if (kind === 'pep-meeting') return when('When was the PEP meeting held?', 0, 'date of the PEP meeting');
  if (kind === 'part-time-timetable' && a.ptt === 'ended') return when('When did the pupil go back to full time?', 0, 'date');
  if (kind === 'part-time-timetable') return when('When does (or did) the part-time timetable start?', 28, 'start date');
  if (kind === 'send' && a.send === 'ehcp') return when('When was the EHCP issued?', 0, 'date the EHCP was issued', (date) => ehcpAfterRequest(ctx, a, date));
  if (kind === 'ehc-assessment' && a.ehc === 'requested') return when('When was the EHC needs assessment requested?', 0, 'date of the request');
  return when('On what date did this happen?', 0, 'date');
}

/**
 * An EHCP issued on `date` follows the EHC needs assessment it settles: one issued before the open
 * request was made is asked again, naming the request's date (the answers typed so far are kept).
 */
async function ehcpAfterRequest(ctx: DialogContext, a: Answers, date: string): Promise<Parsed | undefined> {
  const c = await loadPicked(ctx, a);
  const problem = c && ehcpBeforeRequest(pupilFacts(c), date);
  return problem ? { ok: false, message: problem } : undefined;
}

/** The suspension a return on `date` ends: the latest recorded one that began by then. */
async function suspensionBefore(ctx: DialogContext, a: Answers, date: string): Promise<Parsed | undefined> {
  const c = await loadPicked(ctx, a);
  const x = (c ? standingExclusions(c) : []).filter((e) => e.kind === 'suspension' && e.startDate <= date).sort((p, q) => p.startDate.localeCompare(q.startDate)).at(-1);
  if (!x) return { ok: false, message: 'No suspension is recorded for this pupil before that date. Record it first with "exclusion", or check the date.' };
  // The pupil returns on a school day after the suspension's last school day, never inside it.
  const last = suspensionDays(ctx.calendar, x).at(-1);
  if (last && date <= last) {
    const after = addDays(last, 1);
    const next = ctx.calendar.isSchoolDay(after) ? after : ctx.calendar.offDay(after)?.firstSchoolDay;
    const span = last === x.startDate ? `is on ${ukDate(last)}` : `runs from ${ukDate(x.startDate)} to ${ukDate(last)}`;
    return { ok: false, message: `${ukDate(date)} is inside the suspension, which ${span}; the pupil returns after it. Please type a school day after ${ukDate(last)}${next ? `, such as ${ukDate(next)}` : ''}.` };
  }
  const offDay = dateRuleProblem(ctx.calendar, { schoolDay: true }, 'the return date', date);
  if (offDay) return { ok: false, message: offDay };
  return { ok: true, value: date, also: { suspension: { id: x.id, days: x.days } } };
}

/**
 * The exclusion provision starting on `date` follows: the latest recorded one that began by then
 * and brings a day-6 date (a permanent exclusion, or a suspension past the fifth school day: the
 * school arranges full-time education from the sixth; seed 001, DfE guidance).
 */
async function exclusionBefore(ctx: DialogContext, a: Answers, date: string): Promise<Parsed | undefined> {
  const c = await loadPicked(ctx, a);
  const fromDay = ctx.pack.rules?.permanentExclusion.provisionFromDay ?? DEFAULT_PROVISION_FROM_DAY;
  const x = (c ? standingExclusions(c) : []).filter((e) => needsDay6(e, fromDay) && e.startDate <= date).sort((p, q) => p.startDate.localeCompare(q.startDate)).at(-1);
  if (!x) return { ok: false, message: `No permanent exclusion, or suspension of ${fromDay} school days or more, is recorded for this pupil by ${ukDate(date)}. Record it first with "exclusion", or check the date.` };
  return { ok: true, value: date, also: { permanent: x.id } };
}

/** A part-time timetable's planned end, hours and the day the LA was told (000: "Part Time Timetable (notify LA)"). */
export function timetableQuestions(ctx: DialogContext, a: Answers): Question[] {
  const today = ctx.today();
  const start = typeof a.on === 'string' ? a.on : today;
  return [
    {
      id: 'plannedEnd',
      kind: 'date',
      prompt: 'When is it planned to end? A part-time timetable should be short and have an end date.',
      parse(raw) {
        const d = parseDate(raw, today);
        if (!d.ok) return { ok: false, message: d.message };
        if (d.date < start) return { ok: false, message: `The planned end (${ukDate(d.date)}) is before the start (${ukDate(start)}). Please type a date on or after ${ukDate(start)}.` };
        if (d.date > addDays(start, 365)) return { ok: false, message: `The planned end (${ukDate(d.date)}) is more than a year after the start (${ukDate(start)}). Please type a date up to ${ukDate(addDays(start, 365))}.` };
        // The last day on the timetable is a school day: a weekend or holiday end is asked again, naming the next school day.
        const offDay = dateRuleProblem(ctx.calendar, { schoolDay: true }, 'the planned end', d.date);
        if (offDay) return { ok: false, message: offDay };
        return { ok: true, value: d.date };
      },
    },
    ...longTimetableQuestion(ctx, start, a.plannedEnd),
    { id: 'hours', kind: 'number', prompt: 'How many hours a week will the pupil be in school?', parse: (raw) => hoursPerWeek(raw, ctx.pack.rules?.fullTimeHoursPerWeek ?? FULL_TIME_HOURS_PER_WEEK) },
    {
      id: 'laNotifiedOn',
      kind: 'date',
      optional: true,
      prompt: 'When was the LA told? Leave blank if it has not been told yet.',
      parse: (raw) => dateWithin(raw, today, { pastDays: 730, futureDays: 0, what: 'date the LA was told' }),
    },
  ];
}

/** School weeks a part-time timetable may run before the bot warns, for a pack that does not say (see rules.partTimeTimetableMaxSchoolWeeks). */
export const PART_TIME_MAX_SCHOOL_WEEKS = 6;

/**
 * A part-time timetable planned to run longer than the pack's limit (school weeks from its start,
 * school days counted on the school calendar): warned before saving (003, Personalised Timetables:
 * "must not be treated as a long-term solution") and asked for a review date within the limit, a
 * school day from the start on. None when it is within the limit or the end is not yet known.
 */
function longTimetableQuestion(ctx: DialogContext, start: string, end: unknown): Question[] {
  if (typeof end !== 'string') return [];
  const weeks = ctx.pack.rules?.partTimeTimetableMaxSchoolWeeks ?? PART_TIME_MAX_SCHOOL_WEEKS;
  const runs = ctx.calendar.schoolDaysBetween(start, end) + (ctx.calendar.isSchoolDay(start) ? 1 : 0);
  if (runs <= weeks * 5) return [];
  const latest = ctx.calendar.addSchoolDays(start, weeks * 5 - (ctx.calendar.isSchoolDay(start) ? 1 : 0));
  const source = ctx.pack.rules?.partTimeTimetable.source;
  const cite = source ? ` (${citation(ctx.pack, source)})` : '';
  return [
    {
      id: 'reviewBy',
      kind: 'date',
      prompt: `By when will it be reviewed? A school day from ${ukDate(start)} to ${ukDate(latest)}.`,
      before: [{
        type: 'text',
        tone: 'warning',
        text: `This part-time timetable runs ${count(runs, 'school day')}, from ${ukDate(start)} to ${ukDate(end)}: longer than ${weeks} school weeks. A part-time timetable must not be treated as a long-term solution${cite}; set a review within ${weeks} school weeks, to bring the pupil back to full time or arrange alternative provision.`,
      }],
      parse(raw) {
        const d = parseDate(raw, ctx.today());
        if (!d.ok) return { ok: false, message: d.message };
        if (d.date < start || d.date > latest) return { ok: false, message: `Please type a review date from ${ukDate(start)} to ${ukDate(latest)}, within ${weeks} school weeks of the start; or type "back" to shorten the timetable.` };
        const offDay = dateRuleProblem(ctx.calendar, { schoolDay: true }, 'the review date', d.date);
        return offDay ? { ok: false, message: offDay } : { ok: true, value: d.date };
      },
    },
  ];
}

/**
 * The next PEP meeting, when it has been set: optional, after the one being recorded and within a
 * year. Left blank, the next PEP falls due at the start of next term (002: a PEP each term).
 */
export function nextPepQuestion(ctx: DialogContext, a: Answers): Question {
  const today = ctx.today();
  const held = typeof a.on === 'string' ? a.on : today;
  return {
    id: 'nextOn',
    kind: 'date',
    optional: true,
    prompt: 'When is the next PEP meeting, if it has been set? Leave blank and it is due at the start of next term.',
    parse(raw) {
      const d = parseDate(raw, today);
      if (!d.ok) return { ok: false, message: d.message };
      if (d.date <= held) return { ok: false, message: `The next PEP meeting (${ukDate(d.date)}) is not after this one (${ukDate(held)}). Please type a later date, or leave it blank.` };
      if (d.date > addDays(held, 365)) return { ok: false, message: `The next PEP meeting (${ukDate(d.date)}) is more than a year after this one. A PEP is reviewed each term: please type a date up to ${ukDate(addDays(held, 365))}, or leave it blank.` };
      return { ok: true, value: d.date };
    },
  };
}

/**
 * A next PEP meeting set later than the end of the term after the one being recorded skips that
 * term's PEP (002: a PEP each term), so it is queried: "that skips a term's PEP; even so?". None
 * without term dates, or when the next date is within the next term. "No" asks for another date.
 */
export function pepSkipsTermQuestion(ctx: DialogContext, a: Answers): Question[] {
  if (typeof a.nextOn !== 'string') return [];
  const held = typeof a.on === 'string' ? a.on : ctx.today();
  const nextStart = nextTermAfter(ctx.calendar, held);
  const nextTerm = nextStart ? ctx.calendar.termOf(nextStart) : undefined;
  if (!nextTerm || a.nextOn <= nextTerm.end) return [];
  const named = nextTerm.name ? `the ${nextTerm.name} term` : 'the next term';
  return [
    {
      id: 'skipsTerm',
      kind: 'yesno',
      prompt: `The next PEP meeting (${ukDate(a.nextOn)}) is after ${named} ends (${ukDate(nextTerm.end)}): that skips a term’s PEP; even so?`,
      help: 'A looked-after child has a PEP each term.',
      parse(raw) {
        const p = yesNo(raw);
        return p.ok && p.value === false ? { ok: false, message: `Then type "back" to give a date by ${ukDate(nextTerm.end)}, or leave it blank and it is due at the start of next term.` } : p;
      },
    },
  ];
}

/** The DfE's expected length of a school week, in hours, for a pack that does not give one. */
export const FULL_TIME_HOURS_PER_WEEK = 32.5;

/**
 * Hours in school a week: a whole or half number from half an hour to fewer than a full week
 * (`fullTime` hours, from the pack): a part-time timetable at full-time hours or more is not part
 * time, so it is asked again. Each refusal names the bounds this check applies, not others.
 */
function hoursPerWeek(raw: string, fullTime: number): Parsed {
  const t = raw.trim().replace(/\s*(hours?|hrs?|h)$/i, '');
  const n = Number(t);
  if (!/^\d{1,3}(\.5|\.0)?$/.test(t) || n < 0.5)
    return { ok: false, message: `Please type the hours a week as a whole or half number from 0.5 to fewer than ${fullTime} (a full school week), such as 15 or 12.5.` };
  if (n >= fullTime)
    return { ok: false, message: `${n} hours a week is not part time: a full school week is ${fullTime} hours. Please type the hours the pupil will be in school, fewer than ${fullTime}, such as 15 or 12.5.` };
  return { ok: true, value: n };
}

/** Why, or anything to note: asked of every entry, and needed for a correction. */
export function whyQuestion(correcting: boolean): Question {
  return {
    id: 'why',
    kind: 'longtext',
    optional: !correcting,
    maxLength: WHY_MAX,
    prompt: correcting ? 'What was wrong with the entry? (no names, please)' : 'Why, or anything to note? (no names, please)',
    parse: (r) => freeText(r, WHY_MAX),
  };
}

/** The entry the answers describe, for a kind (corrections add `corrects`). */
export function factFrom(kind: Recordable, a: Answers): NewFact {
  const on = a.on as string;
  const why = (a.why as string | null | undefined) ?? '';
  const common = { on, why };
  switch (kind) {
    case 'care':
      return { ...common, fact: 'care', care: a.care as 'looked-after' | 'previously-looked-after' | 'neither' };
    case 'social-worker':
      return { ...common, fact: 'social-worker', has: a.hasSocialWorker === true };
    case 'send':
      return { ...common, fact: 'send', send: a.send as 'none' | 'sen-support' | 'ehcp' };
    case 'ehc-assessment':
      return { ...common, fact: 'ehc-assessment', status: a.ehc as 'requested' | 'not-going-ahead' };
    case 'part-time-timetable':
      if (a.ptt === 'ended') return { ...common, fact: 'part-time-timetable-ended' };
      return { ...common, fact: 'part-time-timetable', plannedEndDate: a.plannedEnd as string, hoursPerWeek: a.hours as number, ...(a.laNotifiedOn ? { laNotifiedOn: a.laNotifiedOn as string } : {}), ...(a.reviewBy ? { reviewDate: a.reviewBy as string } : {}) };
    case 'suspension-return': {
      const s = a.suspension as { id: string; days: number };
      return { ...common, fact: 'suspension-return', exclusionId: s.id, days: s.days };
    }
    case 'risk-of-permanent-exclusion':
      return { ...common, fact: 'risk-of-permanent-exclusion', atRisk: a.atRisk === true };
    case 'provision-started':
      return { ...common, fact: 'provision-started', exclusionId: a.permanent as string };
    case 'pep-meeting':
      return { ...common, fact: 'pep-meeting', ledBy: a.ledBy as PepLead, ...(a.nextOn ? { nextOn: a.nextOn as string } : {}) };
  }
}

/**
 * What an entry said, as the answers to its questions: a correction starts from these, so only what
 * was wrong is typed again (blank keeps the rest). The suspension or permanent exclusion an entry is
 * about comes too, since keeping its day does not read it again.
 */
export function entryAnswers(e: FactEntry): Answers {
  const on = { on: e.on };
  switch (e.fact) {
    case 'care':
      return { ...on, care: e.care };
    case 'social-worker':
      return { ...on, hasSocialWorker: e.has };
    case 'send':
      return { ...on, send: e.send };
    case 'ehc-assessment':
      return { ...on, ehc: e.status };
    case 'part-time-timetable':
      return { ...on, ptt: 'starts', plannedEnd: e.plannedEndDate, hours: e.hoursPerWeek, ...(e.laNotifiedOn ? { laNotifiedOn: e.laNotifiedOn } : {}), ...(e.reviewDate ? { reviewBy: e.reviewDate } : {}) };
    case 'part-time-timetable-ended':
      return { ...on, ptt: 'ended' };
    case 'suspension-return':
      return { ...on, suspension: { id: e.exclusionId, days: e.days } };
    case 'risk-of-permanent-exclusion':
      return { ...on, atRisk: e.atRisk };
    case 'provision-started':
      return { ...on, permanent: e.exclusionId };
    case 'pep-meeting':
      return { ...on, ledBy: e.ledBy, ...(e.nextOn ? { nextOn: e.nextOn } : {}) };
    case 'withdrawn':
      return on;
    case 'reinstated':
      return { ...on, permanent: e.exclusionId };
  }
}

/**
 * The part-time timetable on record, as the answers to its questions, when an update says its
 * details change ("the LA has now been told"): its start, planned end, hours, the day the LA was
 * told and its review date each stay as recorded unless typed again. Empty for any other update,
 * and when the timetable ends (its end day is a new date, today unless typed).
 */
export function recordedAnswers(kind: Recordable, now: PupilFacts, a: Answers): Answers {
  const t = now.partTimeTimetable;
  if (kind !== 'part-time-timetable' || a.ptt !== 'starts' || !t) return {};
  return {
    on: t.startDate,
    plannedEnd: t.endDate,
    ...(t.hoursPerWeek !== undefined ? { hours: t.hoursPerWeek } : {}),
    ...(t.laNotifiedOn ? { laNotifiedOn: t.laNotifiedOn } : {}),
    ...(t.reviewDate ? { reviewBy: t.reviewDate } : {}),
  };
}

/**
 * A question of a correction, starting from what the entry said (`was`): its input holds that on a
 * card or modal, and a blank answer keeps it ("blank = Mon 2 Nov 2026 (as recorded)") rather than
 * taking today or nothing. Unchanged when the entry said nothing for it.
 */
export function keeping(q: Question, was: Answers): Question {
  const v = was[q.id];
  if (v === undefined || v === null) return q;
  const shown = q.kind === 'yesno' ? (v ? 'yes' : 'no') : String(v);
  const words = q.kind === 'date' ? ukDate(String(v)) : q.kind === 'yesno' ? shown : q.kind === 'choice' ? (q.choices?.find((c) => c.value === v)?.label ?? shown) : shown;
  // An optional value can be taken away too: blank keeps it, "none" clears it (read-answer.ts).
  return { ...q, initial: shown, fallback: { value: v, label: `${words} (as recorded)${q.optional ? '; "none" clears it' : ''}` } };
}

/**
 * Shown before asking about a social worker for a looked-after pupil, in `update` and `new pupil`
 * alike: a looked-after child normally has one, and the Virtual School leads the termly PEP (002).
 */
export function lookedAfterReadFirst(ctx: DialogContext): ReadFirst[] {
  const pep = ctx.pack.rules?.lookedAfter.pep;
  return [
    { type: 'text', text: 'A looked-after child normally has a social worker, and the record has none.' },
    ...(pep ? [{ type: 'recommendation' as const, rec: fromAdvice(ctx.pack, 'looked-after-pep', 'info', pep, 'the Virtual School supports every looked-after child, with the school and the social worker') }] : []),
  ];
}

/** Said once a looked-after pupil is saved with no social worker (002: the Virtual School and the social worker must be involved). */
export const NO_SOCIAL_WORKER_YET = 'No social worker is recorded: add one with "update" when you know. The Virtual School supports every looked-after child, with a PEP each term.';

/**
 * Asked when a pupil is recorded as looked after and the record has no social worker: a looked-after
 * child normally has one, and always has the Virtual School, which leads the termly PEP with the
 * school (002 Hertfordshire, "Statutory Personal Education Plans (ePEP)"). Optional: the social
 * worker may not be known yet, and "no" or blank records nothing more.
 */
export function socialWorkerTooQuestion(ctx: DialogContext): Question {
  const before = lookedAfterReadFirst(ctx);
  return {
    id: 'socialWorkerToo',
    kind: 'yesno',
    optional: true,
    prompt: 'Does the pupil have a social worker? Answer yes to record that too, from the same day.',
    help: 'Leave it blank or answer no if you do not know yet; record the social worker later with "update". The Virtual School is there either way.',
    before,
    parse: yesNo,
  };
}
