import { SchoolCalendar } from '../calendar/school-calendar.js';
import type { Exclusion, PastoralSupportPlan, PlanReview, PupilCase } from '../cases/pupil-case.js';
import { addDays } from '../dates.js';
import { provisionStarted, pupilFacts, type PupilFacts } from '../facts/pupil-facts.js';
import { citation } from '../guidance/recommendation.js';
import { pspReviewWindow, type ReviewWindow } from '../plans/review-dates.js';
import { latestPspReview, pcpReviewDates, pspNextReview } from '../plans/reviews-due.js';
import type { KnowledgePack } from '../../knowledge/schema/pack.js';
import { flat } from './flat-string.js';
import type { DueItem, DueKind } from './types.js';
import { londonDayOf, ukDate } from '../text/uk-date.js';
import { standingExclusions } from '../exclusions/withdrawn.js';

export interface DueItemsContext {
  pack: KnowledgePack;
  calendar: SchoolCalendar;
  /** London date, YYYY-MM-DD. */
  today: string;
  /**
   * Leave out items due after this date. The scheduler passes `planHorizon(now)` (everything a
   * reminder or this week's digest can need), which spares building items for reviews weeks away.
   */
  dueBy?: string;
  /** Leave out the termly PEP (its date follows today's term; stored-due-items.ts keeps it apart). */
  withoutPep?: boolean;
}

/** Statutory figures used when a pack has no rules (they are national, not local). */
export const DEFAULT_PROVISION_FROM_DAY = 6;
const DEFAULT_DECISION_WEEKS = 6;
const DEFAULT_COMPLETION_WEEKS = 20;
/** EHC dates are reminded until this many days after they pass, then dropped. */
export const EHC_GRACE_DAYS = 28;
/**
 * A day-6 reminder is due this many school days before provision must start: the bot's own lead
 * time, so there is time to arrange a place. No seed sets it; the duty itself is the sixth school
 * day (001, "Day 6 provision").
 */
export const DAY6_LEAD_SCHOOL_DAYS = 3;
/** …and dropped once provision should have started more than this many school days ago. */
const DAY6_GRACE_SCHOOL_DAYS = 5;
/** A term that started up to this many days ago still counts as the current term for its PEP. */
const PEP_TERM_GRACE_DAYS = 28;

/** Used only when the school's term dates run out before a day-6 date: counting holidays as school days errs early. */
let noTerms: SchoolCalendar | undefined;

const who = (c: PupilCase): string => `${c.initials} (ref ${c.pupilRef})`;

/**
 * Everything with a date a school must act on, worked out from the cases alone: PCP and PSP
 * reviews, a part-time timetable's review date, the LA's EHC needs-assessment deadlines, day-6 provision after a permanent exclusion or a
 * suspension of more than five school days, and the termly PEP of a looked-after child (all of them, or those due by `ctx.dueBy`). Items
 * come back in due-date order (so overdue ones first); items due the same day keep the order of
 * `cases`. Pure: `today` is passed in.
 */
export function dueItems(cases: readonly PupilCase[], ctx: DueItemsContext): DueItem[] {
  const { pack, calendar, today } = ctx;
  const dueBy = ctx.dueBy ?? '9999-12-31';
  const rules = pack.rules;
  const pspDue = pspDueMemo(calendar, pspReviewWindow(pack));

  const escalateAfter = rules?.psp.escalateAfterReviewsWithoutImpact;
  // One object shared by every escalated item, so frozen.
  const escalation = rules && Object.freeze({ title: rules.psp.escalation.title, detail: rules.psp.escalation.detail, citation: citation(pack, rules.psp.escalation.source) });
  const decisionWeeks = rules?.ehcAssessment.decisionWeeks ?? DEFAULT_DECISION_WEEKS;
  const completionWeeks = rules?.ehcAssessment.completionWeeks ?? DEFAULT_COMPLETION_WEEKS;
  const provisionFromDay = rules?.permanentExclusion.provisionFromDay ?? DEFAULT_PROVISION_FROM_DAY;
  const ehcKeepFrom = addDays(today, -EHC_GRACE_DAYS);
  let pepDue: string | null | undefined; // worked out on first use: undefined = not yet, null = none

  // Bucketed by due date and the buckets sorted: one sort of a few hundred dates, not of every item.
  const byDate = new Map<string, DueItem[]>();
  const add = (item: DueItem): void => {
    if (item.dueDate > dueBy) return;
    const bucket = byDate.get(item.dueDate);
    if (bucket) bucket.push(item);
    else byDate.set(item.dueDate, [item]);
  };

  for (const c of cases) {
    let review: string | undefined; // "review for <ref>", shared by the case's plans
    for (const p of c.pcps) {
      const next = pcpReviewDates(p).next;
      if (next === undefined || next > dueBy) continue;
      add({
        itemKey: flat(`pcp-review:${c.schoolId}:${c.id}:${p.id}`),
        kind: 'pcp-review',
        schoolId: c.schoolId,
        caseId: c.id,
        pupilRef: c.pupilRef,
        initials: c.initials,
        planId: p.id,
        dueDate: next,
        ownerIds: [p.ownerId],
        title: flat(`PCP review for ${c.initials} (ref ${c.pupilRef})`),
        command: (review ??= flat(`review for ${c.pupilRef}`)),
      });
    }

    for (const p of c.psps) {
      if (p.status !== 'active') continue;
      const dueDate = pspDue(p);
      if (dueDate > dueBy) continue;
      const item: DueItem = {
        itemKey: flat(`psp-review:${c.schoolId}:${c.id}:${p.id}`),
        kind: 'psp-review',
        schoolId: c.schoolId,
        caseId: c.id,
        pupilRef: c.pupilRef,
        initials: c.initials,
        planId: p.id,
        dueDate,
        ownerIds: p.overseeingLeaderId === p.ownerId ? [p.ownerId] : [p.overseeingLeaderId, p.ownerId],
        title: flat(`PSP review for ${c.initials} (ref ${c.pupilRef})`),
        command: (review ??= flat(`review for ${c.pupilRef}`)),
      };
      if (escalation && escalateAfter !== undefined && withoutImpact(p.reviews, escalateAfter)) item.escalation = escalation;
      add(item);
    }

    // The EHC request and care as they stand now, from the chronology (an EHCP issued settles the request).
    const facts = pupilFacts(c);
    // A part-time timetable set to be reviewed by a date (one planned longer than the pack's limit; 003:
    // not a long-term solution): reminded like a plan's review, until it ends or a new date is recorded.
    const ptt = facts.partTimeTimetable;
    if (ptt?.reviewDate) add(pttReviewItem(c, ptt.reviewDate));
    const requestedOn = facts.ehcRequestedOn;
    if (requestedOn) {
      const decision = addDays(requestedOn, decisionWeeks * 7);
      if (decision >= ehcKeepFrom) add(other(c, `ehc-decision:${c.schoolId}:${c.id}`, 'ehc-decision', decision, `EHC needs assessment: the LA's ${decisionWeeks}-week decision is due for ${who(c)}`));
      const completion = addDays(requestedOn, completionWeeks * 7);
      if (completion >= ehcKeepFrom) add(other(c, `ehc-completion:${c.schoolId}:${c.id}`, 'ehc-completion', completion, `EHC needs assessment: the LA's ${completionWeeks}-week deadline to finish is due for ${who(c)}`));
    }

    for (const duty of day6Duties(c, provisionFromDay, calendar)) {
      if (today > duty.lastLiveDay) continue;
      const of = duty.exclusion.kind === 'suspension' ? ' of the suspension' : '';
      add(other(c, duty.itemKey, 'day6-provision', duty.remindOn, `Full-time provision from day ${provisionFromDay}${of} (${ukDate(duty.provisionOn)}) for ${who(c)}`));
    }

    if (facts.flags.lookedAfter && !ctx.withoutPep) {
      if (pepDue === undefined) pepDue = pepDueOn(calendar, today) ?? null;
      const first = firstPep(calendar, facts, careBeganOn(c, facts));
      // The term they became looked after in has its PEP too (002: a PEP each term), live until the
      // next term begins; only the next PEP due is listed, so next term's waits until it is held or lapses.
      if (first && today <= first.until) add(firstPepItem(c, first.dueDate));
      else {
        const last = facts.lastPep ?? (first ? { on: first.dueDate } : undefined);
        const due = last ? pepDueAfter(calendar, pepDue ?? undefined, last) : (pepDue ?? undefined);
        if (due !== undefined) add(pepItem(c, due));
      }
    }
  }

  const out: DueItem[] = [];
  for (const date of [...byDate.keys()].sort()) for (const item of byDate.get(date)!) out.push(item);
  return out;
}

/** A part-time timetable's review, due on `dueDate`; recorded with "update" (its new end or review date, or its end). */
export function pttReviewItem(c: PupilCase, dueDate: string): DueItem {
  return { ...other(c, `ptt-review:${c.schoolId}:${c.id}`, 'ptt-review', dueDate, `Part-time timetable review for ${who(c)}`), command: `update ${c.pupilRef}` };
}

/**
 * School days after care begins by which the first PEP is due, capped at the term's last day. Seed
 * 002 (Hertfordshire, "Statutory Personal Education Plans (ePEP)") says only that a PEP is reviewed
 * termly, at least 3 a year, and gives no timescale for the first; 20 school days follows the DfE's
 * statutory guidance for looked-after children (a PEP within 20 school days of entering care).
 */
export const FIRST_PEP_SCHOOL_DAYS = 20;

/**
 * The day (London date) a looked-after pupil's care began, as far as the record says: the day an
 * entry says so, or, for a pupil added as looked after, the day they were added (the first the
 * school's record knows of it). Undefined for a pupil not looked after.
 */
export function careBeganOn(c: Pick<PupilCase, 'createdAt'>, facts: Pick<PupilFacts, 'flags' | 'lookedAfterSince'>): string | undefined {
  if (!facts.flags.lookedAfter) return undefined;
  return facts.lookedAfterSince ?? (c.createdAt ? londonDayOf(c.createdAt) : undefined);
}

/**
 * The PEP of the term a pupil became looked after in (002: a PEP each term), when no meeting has been
 * recorded since care began (`since`, London date, from {@link careBeganOn}): due
 * {@link FIRST_PEP_SCHOOL_DAYS} school days after, or on the term's last day if sooner (so never
 * overdue the day care began), and live until the day before the next term begins. Care that began
 * in a holiday counts in the term after. Undefined when the term dates do not cover `since`, or once
 * a meeting is held.
 */
export function firstPep(calendar: SchoolCalendar, facts: Pick<PupilFacts, 'lastPep'>, since: string | undefined): { dueDate: string; until: string } | undefined {
  // Before or after the term dates the term care began in is not known (nor is a PEP held then).
  if (!since || !calendar.termDatesCover(since) || (facts.lastPep && facts.lastPep.on >= since)) return undefined;
  const term = calendar.termOf(since) ?? calendar.termOf(nextTermAfter(calendar, since) ?? since);
  if (!term) return undefined;
  const inDays = calendar.addSchoolDays(since, FIRST_PEP_SCHOOL_DAYS);
  const dueDate = inDays < term.end ? inDays : term.end;
  const next = nextTermAfter(calendar, term.end);
  return next === undefined ? undefined : { dueDate, until: addDays(next, -1) };
}

/** The first PEP after a pupil became looked after ({@link firstPep}), kept apart from the termly one. */
export function firstPepItem(c: PupilCase, dueDate: string): DueItem {
  return other(c, `pep-first:${c.schoolId}:${c.id}`, 'pep', dueDate, `PEP for ${who(c)}, newly looked after: one this term`);
}

/** A looked-after pupil's termly PEP, due on `dueDate` (the first school day of the current or next term). */
export function pepItem(c: PupilCase, dueDate: string): DueItem {
  return other(c, `pep:${c.schoolId}:${c.id}`, 'pep', dueDate, `Termly PEP for ${who(c)}`);
}

/**
 * When this term's PEP falls due at `today` (London date): the first day of the term that started
 * up to 28 days ago, or of the next; undefined without term dates or once they run out.
 */
export function pepDueOn(calendar: SchoolCalendar, today: string): string | undefined {
  return calendar.hasTerms ? firstTermStartFrom(calendar, addDays(today, -PEP_TERM_GRACE_DAYS)) : undefined;
}

/**
 * A looked-after pupil's next PEP after the latest meeting recorded (London dates): the date set for
 * the next one when it was; otherwise this term's PEP (`termDue`, from {@link pepDueOn}) unless the
 * meeting already met it, when the next is due on the first day of the term after the meeting (002:
 * a PEP each term). Undefined when neither can be worked out (no term dates and no next date set).
 */
export function pepDueAfter(calendar: SchoolCalendar, termDue: string | undefined, last: { on: string; nextOn?: string }): string | undefined {
  if (last.nextOn) return last.nextOn;
  const next = nextTermAfter(calendar, last.on);
  if (termDue === undefined) return next;
  return next !== undefined && next > termDue ? next : termDue;
}

/** The first day of the term after the one `day` falls in (or of the next term, for a holiday); undefined without term dates. */
export function nextTermAfter(calendar: SchoolCalendar, day: string): string | undefined {
  return calendar.hasTerms ? firstTermStartFrom(calendar, addDays(day, 1)) : undefined;
}

/** The rarer items (EHC, day 6, PEP), built in one place so they share a shape; the SENDCos' to chase. */
function other(c: PupilCase, itemKey: string, kind: DueKind, dueDate: string, title: string): DueItem {
  return { itemKey, kind, schoolId: c.schoolId, caseId: c.id, pupilRef: c.pupilRef, initials: c.initials, dueDate, ownerIds: [], title, command: `what next for ${c.pupilRef}` };
}

/**
 * A PSP's next review, by pspNextReview from its latest review (or its start), memoised per base date
 * and interval for one run: the calendar's answers per plan are most of the cost at 100,000 plans.
 */
function pspDueMemo(calendar: SchoolCalendar, window: ReviewWindow): (p: PastoralSupportPlan) => string {
  const memo = new Map<string, string[]>();
  return (p) => {
    // Keyed as pspNextReview counts: from the latest review (or the start), at the plan's interval.
    const from = latestPspReview(p) ?? p.startDate;
    let row = memo.get(from);
    if (row === undefined) memo.set(from, (row = []));
    return (row[p.reviewIntervalDays] ??= pspNextReview(calendar, window, p));
  };
}

/** True when the latest `n` reviews, by date, all showed no positive change. */
function withoutImpact(reviews: readonly PlanReview[], n: number): boolean {
  if (reviews.length < n) return false;
  let sorted = true;
  for (let i = 1; i < reviews.length && sorted; i++) if (reviews[i]!.date < reviews[i - 1]!.date) sorted = false;
  // A stable sort keeps reviews recorded the same day in the order they were recorded.
  const ordered = sorted ? reviews : [...reviews].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  for (let i = ordered.length - n; i < ordered.length; i++) if (ordered[i]!.positiveChange) return false;
  return true;
}

/**
 * Whether an exclusion brings a day-6 date: a permanent exclusion always (the LA arranges full-time
 * education from the sixth school day), and a suspension that lasts past the fifth school day (the
 * school arranges it from the sixth; DfE suspension and permanent exclusion guidance). The pack's
 * day is the statutory one for both.
 */
export function needsDay6(x: Pick<Exclusion, 'kind' | 'days'>, provisionFromDay: number): boolean {
  return x.kind === 'permanent' || x.days >= provisionFromDay;
}

/** One open day-6 duty of a case: an exclusion that brings a day-6 date, with no provision recorded as started. */
export interface Day6Duty {
  exclusion: Exclusion;
  /** The due item's key: `day6-provision:<school>:<case>:<exclusion>`. */
  itemKey: string;
  /** London date full-time provision must start: school day `fromDay` counted from the exclusion's start, as {@link day6ProvisionDay} counts it. */
  provisionOn: string;
  /** London date the reminder is due and the school should act by: three school days before `provisionOn`. */
  remindOn: string;
  /** Last London date it is reminded, the day before the sixth school day after `provisionOn` ({@link day6LastLiveDay}). */
  lastLiveDay: string;
}

/**
 * The case's open day-6 duties (DfE suspension and permanent exclusion guidance; seed 001): each
 * standing exclusion that brings a day-6 date ({@link needsDay6}) whose provision is not recorded as
 * started, with its dates, whatever today is. The one source of the reminders' day-6 items (live
 * while today ≤ lastLiveDay), the due_item rows' remind_until, and the pupil page's day-6 deadline
 * (overdue, for the rest of the school year, once past lastLiveDay), so they cannot disagree.
 */
export function day6Duties(c: PupilCase, fromDay: number, calendar: SchoolCalendar): Day6Duty[] {
  // Once provision is recorded as started, the duty is done (or its lateness is on record).
  const provided = c.facts?.length ? provisionStarted(c) : undefined;
  const out: Day6Duty[] = [];
  for (const x of standingExclusions(c)) {
    if (!needsDay6(x, fromDay) || provided?.has(x.id)) continue;
    // Counted by one calendar: when the term dates run out, both by weekdays.
    const { provisionOn, remindOn } = withTermsOrWeekdays(calendar, (cal) => {
      const on = provisionDay(cal, x.startDate, fromDay);
      return { provisionOn: on, remindOn: cal.addSchoolDays(on, -DAY6_LEAD_SCHOOL_DAYS) };
    });
    out.push({ exclusion: x, itemKey: `day6-provision:${c.schoolId}:${c.id}:${x.id}`, provisionOn, remindOn, lastLiveDay: day6LastLiveDay(provisionOn, calendar) });
  }
  return out;
}

/** When full-time provision started after one exclusion, against its day-6 duty (001, "Day 6 provision"). */
export interface Day6Start {
  exclusion: Exclusion;
  /** London date provision must start by ({@link day6ProvisionDay}). */
  provisionOn: string;
  /** London date it is recorded as started. */
  startedOn: string;
  /** The school day of the exclusion it started on: day 1 is the exclusion's first school day. */
  schoolDay: number;
  /** School days after `provisionOn` it started; 0 when on time or early. */
  lateBy: number;
}

/**
 * Each standing exclusion that brings a day-6 date ({@link needsDay6}) whose full-time provision is
 * recorded as started, with the school day it started on and how late, counted as the reminders
 * count (school days, by the school's calendar or, past its term dates, by weekdays). Exclusion order.
 */
export function day6Starts(c: PupilCase, fromDay: number, calendar: SchoolCalendar): Day6Start[] {
  const started = c.facts?.length ? provisionStarted(c) : undefined;
  if (!started?.size) return [];
  return standingExclusions(c).flatMap((x) => {
    const startedOn = started.get(x.id);
    return startedOn && needsDay6(x, fromDay) ? [{ exclusion: x, startedOn, ...day6Timing(x.startDate, startedOn, fromDay, calendar) }] : [];
  });
}

/**
 * For an exclusion starting `start` (London date) and provision starting `startedOn`: the day it was
 * due, the school day of the exclusion `startedOn` is (day 1 the first school day; a day off counts
 * as the school day before it), and school days late (0 when on time). Also for the LA's figures.
 */
export function day6Timing(start: string, startedOn: string, fromDay: number, schoolCalendar: SchoolCalendar): Pick<Day6Start, 'provisionOn' | 'schoolDay' | 'lateBy'> {
  return withTermsOrWeekdays(schoolCalendar, (cal) => {
    const provisionOn = provisionDay(cal, start, fromDay);
    const first = cal.nextSchoolDay(start);
    return { provisionOn, schoolDay: Math.max(1, cal.schoolDaysBetween(first, startedOn) + 1), lateBy: Math.max(0, cal.schoolDaysBetween(provisionOn, startedOn)) };
  });
}

/**
 * The last London date a day-6 reminder is still live for provision starting `provisionOn`: the day
 * before the sixth school day after it (five school days of grace).
 */
export function day6LastLiveDay(provisionOn: string, schoolCalendar: SchoolCalendar): string {
  return withTermsOrWeekdays(schoolCalendar, (calendar) => addDays(calendar.addSchoolDays(provisionOn, DAY6_GRACE_SCHOOL_DAYS + 1), -1));
}

/**
 * The day full-time provision must start after an exclusion starting `start`: day 1 is the start
 * date if it is a school day (else the next one), provision starts on school day `fromDay`. However
 * long ago: for {@link day6Duties} and for figures over a period.
 */
export function day6ProvisionDay(start: string, fromDay: number, schoolCalendar: SchoolCalendar): string {
  return withTermsOrWeekdays(schoolCalendar, (calendar) => provisionDay(calendar, start, fromDay));
}

function provisionDay(calendar: SchoolCalendar, start: string, fromDay: number): string {
  return calendar.addSchoolDays(calendar.nextSchoolDay(start), fromDay - 1);
}

function withTermsOrWeekdays<T>(schoolCalendar: SchoolCalendar, count: (calendar: SchoolCalendar) => T): T {
  try {
    return count(schoolCalendar);
  } catch {
    // The school's term dates have run out: count weekdays bar bank holidays, which can only be earlier.
    return count((noTerms ??= new SchoolCalendar()));
  }
}

/**
 * The first school day of the first term starting on or after `from`, found from the calendar's own
 * answers: a school day reached across at least one 'school holiday' day (out of term), rather than
 * across weekends, bank holidays or closures such as half term. Undefined when the terms run out.
 */
export function firstTermStartFrom(calendar: SchoolCalendar, from: string): string | undefined {
  // Start a summer holiday's length early so a term starting on `from` itself is recognised.
  let outOfTerm = false;
  let day = addDays(from, -70);
  for (let i = 0; i < 500; i++, day = addDays(day, 1)) {
    const why = calendar.whyNotSchoolDay(day);
    if (why === undefined) {
      if (outOfTerm && day >= from) return day;
      outOfTerm = false;
    } else if (why === 'school holiday') outOfTerm = true;
  }
  return undefined;
}
