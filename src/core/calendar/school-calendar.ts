import { createHash } from 'node:crypto';
import { addDays, isRealDate } from '../dates.js';
import type { BankHoliday } from './bank-holiday-rules.js';
import { inQuietHours, parseCalendarSettings, type CalendarSettingsInput } from './calendar-settings.js';
import shipped from './england-bank-holidays.json' with { type: 'json' };
import { londonInstant, londonParts, weekdayOf } from './london-time.js';

/** The shipped England and Wales bank holidays (see generate-bank-holidays.ts for the years covered). */
export const ENGLAND_BANK_HOLIDAYS: readonly BankHoliday[] = shipped.dates;

/** Why a date is not a school day; bank holidays carry their title when one is known. */
export type NotSchoolDayReason = 'weekend' | 'bank holiday' | `bank holiday: ${string}` | 'school holiday' | 'closure';

/**
 * A date that is not a school day, and what that means for something due on it: it can first be
 * held on `firstSchoolDay` (undefined when the term dates run out first). `why` is the widest
 * reason across the days up to then: the holidays over a bank holiday inside them (Christmas Day
 * in the Christmas holidays is "school holiday"), then a closure, a bank holiday, a weekend.
 */
export interface OffDay {
  why: NotSchoolDayReason;
  firstSchoolDay?: string;
}

/**
 * When something due on a date can first be held. Nothing is overdue before that day has passed
 * (isOverdue), so a review due in the holidays is not overdue on the first day back.
 */
export interface DueDay {
  /** The due date on a school day, else the first school day after it (the due date itself when the term dates run out first). */
  firstDay: string;
  /** Set when the due date is not a school day: why, and the first school day it can be held. */
  offDay?: OffDay;
}

/** Overdue once the first day it could be held has passed, not the due date in the holidays. */
export function isOverdue(due: DueDay, today: string): boolean {
  return due.firstDay < today;
}

const WIDTH = (why: NotSchoolDayReason): number => (why === 'school holiday' ? 3 : why === 'closure' ? 2 : why === 'weekend' ? 0 : 1);

/** Far enough to cross any summer holiday; further means the term dates have run out. */
const SEARCH_LIMIT_DAYS = 400;

interface Range {
  start: string;
  end: string;
}

/** A term from the school's settings: London dates, `start` and `end` inclusive, and its name when the file gives one. */
export interface Term extends Range {
  name?: string;
}

const within = (date: string, ranges: readonly Range[]): boolean => ranges.some((r) => date >= r.start && date <= r.end);

/**
 * Which days are school days, and when a reminder may go out, for one school. Dates are
 * ISO `YYYY-MM-DD` days in England; instants are `Date`s, with all wall-clock times in
 * Europe/London whatever the server's zone.
 */
export class SchoolCalendar {
  /** False when no term dates are configured: then every non-bank-holiday weekday counts (see DEFAULT_TERMS_NOTE). */
  readonly hasTerms: boolean;
  /** London hour reminders go out at. */
  readonly morningHour: number;
  /** A digest of the settings and bank holidays (16 hex digits): dates worked out under another basis may differ. */
  readonly basis: string;
  private readonly terms: readonly Term[];
  /** From the first term's start to the last term's end; undefined with no terms. */
  private readonly termSpan: Range | undefined;
  private readonly closures: readonly Range[];
  private readonly bankHolidays: ReadonlyMap<string, string | undefined>;
  private readonly quietHours: { start: string; end: string };
  /** offDay's answers: a date's walk to the next school day can cross a summer holiday, and plans share due dates. */
  private readonly offDays = new Map<string, OffDay | undefined>();

  /** The first term's start and the last term's end (London dates), or undefined with no term dates. */
  get termDates(): Readonly<Range> | undefined {
    return this.termSpan;
  }

  /**
   * @param settings a school's calendar settings (validated here, so code-built ones get the same
   *   checks as files); by default no terms, 08:00 sends and 18:00–07:30 quiet hours.
   * @param bankHolidays the base list, by default the shipped England and Wales one.
   * @throws AppError naming the field when the settings are not valid.
   */
  constructor(settings: CalendarSettingsInput = { terms: [] }, bankHolidays: readonly BankHoliday[] = ENGLAND_BANK_HOLIDAYS) {
    const s = parseCalendarSettings(settings);
    this.terms = s.terms;
    this.hasTerms = s.terms.length > 0;
    const starts = s.terms.map((t) => t.start).sort();
    const ends = s.terms.map((t) => t.end).sort();
    this.termSpan = this.hasTerms ? { start: starts[0]!, end: ends.at(-1)! } : undefined;
    this.closures = s.closures.map((c) => (typeof c === 'string' ? { start: c, end: c } : c));
    this.morningHour = s.morningHour;
    this.quietHours = s.quietHours;
    const holidays = new Map<string, string | undefined>();
    if (!s.bankHolidays?.replace) for (const h of bankHolidays) holidays.set(h.date, h.title);
    for (const h of s.bankHolidays?.dates ?? []) {
      if (typeof h === 'string') holidays.set(h, holidays.get(h));
      else holidays.set(h.date, h.title);
    }
    this.bankHolidays = holidays;
    this.basis = createHash('sha256').update(JSON.stringify([s, [...holidays]])).digest('hex').slice(0, 16);
  }

  /** True when pupils and staff are in: a weekday, not a bank holiday or closure, and in term if terms are set. */
  isSchoolDay(date: string): boolean {
    return this.whyNotSchoolDay(date) === undefined;
  }

  /** Why `date` is not a school day, or undefined when it is one. The most specific reason wins. */
  whyNotSchoolDay(date: string): NotSchoolDayReason | undefined {
    assertDate(date);
    const weekday = weekdayOf(date);
    if (weekday === 0 || weekday === 6) return 'weekend';
    if (this.bankHolidays.has(date)) {
      const title = this.bankHolidays.get(date);
      return title === undefined ? 'bank holiday' : `bank holiday: ${title}`;
    }
    if (within(date, this.closures)) return 'closure';
    if (this.hasTerms && !within(date, this.terms)) return 'school holiday';
    return undefined;
  }

  /**
   * The term `date` falls in, holidays inside it (a half term given as a closure) included;
   * undefined outside every term, or when no term dates are set.
   */
  termOf(date: string): Term | undefined {
    assertDate(date);
    return this.terms.find((t) => date >= t.start && date <= t.end);
  }

  /**
   * Whether the term dates speak for `date`: it lies between the first term's start and the last
   * term's end. Outside that span (or with no term dates) a day out of term is not known to be a
   * holiday: the term dates have simply run out.
   */
  termDatesCover(date: string): boolean {
    assertDate(date);
    return this.termSpan !== undefined && date >= this.termSpan.start && date <= this.termSpan.end;
  }

  /**
   * `date` itself when it is a school day, else the first one after it.
   * @throws Error when there is none within 400 days, which means the term dates have run out.
   */
  nextSchoolDay(date: string): string {
    return this.step(date, 1, true);
  }

  /**
   * The `n`th school day after `date` (before it when `n` is negative); `date` need not be a
   * school day. `n = 0` gives `nextSchoolDay(date)`.
   */
  addSchoolDays(date: string, n: number): string {
    if (!Number.isInteger(n)) throw new RangeError(`addSchoolDays: ${n} is not a whole number of days`);
    if (n === 0) return this.nextSchoolDay(date);
    let day = date;
    for (let i = 0; i < Math.abs(n); i++) day = this.step(day, Math.sign(n), false);
    return day;
  }

  /**
   * Undefined when `date` is a school day; otherwise why it is not, and the first school day after
   * it (see OffDay). Never throws for want of term dates: then `firstSchoolDay` is left out.
   * Remembered per date (the calendar never changes), so the answer is shared and frozen.
   */
  offDay(date: string): OffDay | undefined {
    if (this.offDays.has(date)) return this.offDays.get(date);
    const found = this.findOffDay(date);
    this.offDays.set(date, found && Object.freeze(found));
    return found;
  }

  /** When something due on `date` can first be held (see DueDay). */
  dueDay(date: string): DueDay {
    const offDay = this.offDay(date);
    return offDay ? { firstDay: offDay.firstSchoolDay ?? date, offDay } : { firstDay: date };
  }

  /**
   * The first school day of the week (Monday to Sunday) that `date` is in: normally its Monday,
   * the Tuesday after a bank holiday Monday, the first day back after a holiday. Undefined for a
   * week with no school day.
   */
  firstSchoolDayOfWeek(date: string): string | undefined {
    assertDate(date);
    const monday = addDays(date, -((weekdayOf(date) + 6) % 7));
    for (let i = 0; i < 5; i++) {
      const day = addDays(monday, i);
      if (this.isSchoolDay(day)) return day;
    }
    return undefined;
  }

  /**
   * School days after `a` up to and including `b`; negative when `b` is before `a`, so
   * `addSchoolDays(a, schoolDaysBetween(a, b)) === b` whenever `b` is a school day after `a`.
   */
  schoolDaysBetween(a: string, b: string): number {
    assertDate(a);
    assertDate(b);
    if (b < a) return -this.schoolDaysBetween(b, a);
    let count = 0;
    for (let day = addDays(a, 1); day <= b; day = addDays(day, 1)) if (this.isSchoolDay(day)) count++;
    return count;
  }

  /**
   * When a reminder for something due on `dueDate` should go out: morningHour (London) on the
   * next school day from it. May be in the past; pass it through `nextAllowedSend` before sending.
   */
  sendTimeFor(dueDate: string): Date {
    return londonInstant(this.nextSchoolDay(dueDate), this.morningHour);
  }

  /**
   * `now` if a reminder may go out now (a school day, from morningHour on, outside quiet hours);
   * otherwise the earliest instant one may: today at morningHour if it is still early, the end of
   * a daytime quiet window, or the next school day at morningHour.
   */
  nextAllowedSend(now: Date): Date {
    const { date, hour, minute } = londonParts(now);
    const minuteOfDay = hour * 60 + minute;
    if (this.isSchoolDay(date)) {
      if (minuteOfDay < this.morningHour * 60) return londonInstant(date, this.morningHour);
      if (!inQuietHours(this.quietHours, minuteOfDay)) return new Date(now.getTime());
      // A window that does not cross midnight ends later today; settings keep morningHour outside it.
      const [endHour, endMinute] = this.quietHours.end.split(':').map(Number) as [number, number];
      if (this.quietHours.start < this.quietHours.end) return londonInstant(date, endHour, endMinute);
    }
    return londonInstant(this.nextSchoolDay(addDays(date, 1)), this.morningHour);
  }

  private findOffDay(date: string): OffDay | undefined {
    let why = this.whyNotSchoolDay(date);
    if (why === undefined) return undefined;
    let day = date;
    for (let i = 0; i < SEARCH_LIMIT_DAYS; i++) {
      day = addDays(day, 1);
      const next = this.whyNotSchoolDay(day);
      if (next === undefined) return { why, firstSchoolDay: day };
      if (WIDTH(next) > WIDTH(why)) why = next;
    }
    return { why };
  }

  private step(from: string, direction: number, includeFrom: boolean): string {
    assertDate(from);
    let day = includeFrom ? from : addDays(from, direction);
    for (let i = 0; i < SEARCH_LIMIT_DAYS; i++, day = addDays(day, direction)) if (this.isSchoolDay(day)) return day;
    const where = direction > 0 ? 'after' : 'before';
    throw new Error(
      `No school day within ${SEARCH_LIMIT_DAYS} days ${where} ${from}` + (this.hasTerms ? ": do the school's calendar settings include that year's term dates?" : ''),
    );
  }
}

function assertDate(date: string): void {
  if (!isRealDate(date)) throw new RangeError(`"${date}" is not a real date written YYYY-MM-DD`);
}
