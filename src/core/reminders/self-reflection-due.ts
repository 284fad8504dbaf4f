import type { SchoolCalendar } from '../calendar/school-calendar.js';
import { addDays } from '../dates.js';
import { latestTwo, type SchoolReflections } from '../self-reflection/reflection.js';
import { ukDate } from '../text/uk-date.js';
import { firstTermStartFrom } from './due-items.js';
import { flat } from './flat-string.js';
import type { DueItem } from './types.js';

/** A term that started up to this many days ago is still the one to revisit the self-reflection in. */
const TERM_GRACE_DAYS = 28;

export interface ReflectionDueContext {
  calendar: SchoolCalendar;
  /** London date, YYYY-MM-DD. */
  today: string;
  /** Leave out items due after this date (the scheduler's horizon). */
  dueBy?: string;
  /** Whether this person may still fill in this school's self-reflection (they may have left, or changed role). */
  fillsIn: (staffId: string, schoolId: string) => boolean;
}

/**
 * Each school's termly revisit of its Inclusion Self-Reflection (seed 000 recommends the tool as a
 * development cycle): due on the first school day of each term, from the school calendar's term
 * dates, for a school that has completed one, unless it completed one since the last term ended.
 * It goes to whoever last completed it while they still may, else to the school's SENDCos. Nothing
 * without term dates: a term cannot be told from a weekday. Pure.
 */
export function selfReflectionDueItems(schools: readonly SchoolReflections[], ctx: ReflectionDueContext): DueItem[] {
  const { calendar, today } = ctx;
  if (!calendar.hasTerms) return [];
  const termStart = firstTermStartFrom(calendar, addDays(today, -TERM_GRACE_DAYS));
  if (!termStart || termStart > (ctx.dueBy ?? '9999-12-31')) return [];
  const lastTermEnded = lastSchoolDayBefore(calendar, termStart);
  const out: DueItem[] = [];
  for (const s of schools) {
    const { latest } = latestTwo(s);
    // Done for this term: completed in the holidays before it, or since it began.
    if (!latest || latest.completedOn > lastTermEnded) continue;
    out.push({
      itemKey: flat(`self-reflection:${s.schoolId}`),
      kind: 'self-reflection',
      schoolId: s.schoolId,
      dueDate: termStart,
      ownerIds: ctx.fillsIn(latest.completedBy, s.schoolId) ? [latest.completedBy] : [],
      title: flat(`Inclusion self-reflection: time to revisit it this term (last completed ${ukDate(latest.completedOn)})`),
      command: 'self-reflection',
    });
  }
  return out;
}

/** The last school day before `day`; the day before, when the calendar holds no earlier term. */
function lastSchoolDayBefore(calendar: SchoolCalendar, day: string): string {
  try {
    return calendar.addSchoolDays(day, -1);
  } catch {
    return addDays(day, -1);
  }
}
