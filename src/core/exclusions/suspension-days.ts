import type { SchoolCalendar, Term } from '../calendar/school-calendar.js';
import { schoolYearStart } from '../dates.js';
import type { Exclusion } from '../cases/pupil-case.js';
import { addDays } from '../dates.js';

/**
 * Which school days a suspension covers, and how many fall in a school year or a term. Every
 * date is a London `YYYY-MM-DD` day; every count is of school days, never calendar days.
 */

/** A suspension as the rules read it: its first day and its length in school days. */
export interface SuspensionSpan {
  startDate: string;
  /** School days, not calendar days. */
  days: number;
}

/**
 * A school year: it begins with the first term to start after July (Education Act 1996 s.579),
 * so every school day from 1 August to 31 July belongs to one year, whatever the term dates.
 */
export interface SchoolYear {
  /** "2026/27". */
  label: string;
  /** 1 August. */
  start: string;
  /** 31 July. */
  end: string;
}

export function schoolYearOf(date: string): SchoolYear {
  const first = Number(schoolYearStart(date).slice(0, 4));
  return { label: `${first}/${String((first + 1) % 100).padStart(2, '0')}`, start: `${first}-08-01`, end: `${first + 1}-07-31` };
}

/**
 * Whether a suspension day can fall on `date`. A day out of term counts as a school day only
 * where the term dates have run out (or none are set): then weekdays that are not bank
 * holidays or closures count, as SchoolCalendar does with no terms, rather than every day being
 * a holiday.
 */
export function isSuspensionDay(cal: SchoolCalendar, date: string): boolean {
  const why = cal.whyNotSchoolDay(date);
  return why === undefined || (why === 'school holiday' && !cal.termDatesCover(date));
}

/** Far enough for 45 school days across a summer holiday. */
const SEARCH_LIMIT_DAYS = 400;

/**
 * The school days a suspension covers: its first day (the next school day when `startDate` is
 * not one, as for existing records) and the school days after it, `days` in all, in order.
 */
export function suspensionDays(cal: SchoolCalendar, s: SuspensionSpan): string[] {
  const out: string[] = [];
  let day = s.startDate;
  for (let i = 0; out.length < s.days && i < SEARCH_LIMIT_DAYS; i++, day = addDays(day, 1)) if (isSuspensionDay(cal, day)) out.push(day);
  return out;
}

/** A suspension already on the pupil's record, with the school days it covers. */
export interface RecordedSuspension {
  exclusion: Exclusion;
  days: string[];
}

/** The pupil's recorded suspensions (not permanent exclusions), each with its school days. */
export function recordedSuspensions(cal: SchoolCalendar, exclusions: readonly Exclusion[]): RecordedSuspension[] {
  return exclusions.filter((e) => e.kind === 'suspension').map((exclusion) => ({ exclusion, days: suspensionDays(cal, exclusion) }));
}

/** School days of suspension in the school year and the term that `date` falls in. */
export interface SuspensionTally {
  year: SchoolYear;
  /** School days of suspension in that school year. */
  yearDays: number;
  /** The term `date` is in; undefined when the term dates do not say (none set, or they have run out). */
  term?: Term;
  /** School days of suspension in that term; undefined when the term is not known. */
  termDays?: number;
}

/** Counts the school days in `days` that fall in `date`'s school year and term. */
export function tallyFor(cal: SchoolCalendar, days: readonly string[], date: string): SuspensionTally {
  const year = schoolYearOf(date);
  const term = cal.hasTerms ? termAround(cal, date) : undefined;
  const yearDays = days.filter((d) => d >= year.start && d <= year.end).length;
  if (!term) return { year, yearDays };
  return { year, yearDays, term, termDays: days.filter((d) => d >= term.start && d <= term.end).length };
}

/** The term `date` is in, or (for a day in the holidays) the next term, when the term dates say. */
function termAround(cal: SchoolCalendar, date: string): Term | undefined {
  const now = cal.termOf(date);
  if (now || !cal.termDatesCover(date)) return now;
  for (let i = 1, day = addDays(date, 1); i < SEARCH_LIMIT_DAYS; i++, day = addDays(day, 1)) {
    const next = cal.termOf(day);
    if (next) return next;
  }
  return undefined;
}
