import type { OffDay, SchoolCalendar } from '../calendar/school-calendar.js';

/**
 * One run's memo of the calendar questions reminders ask. The calendar's answers cost a Date or
 * an Intl call each, and 100,000 plans share a few hundred distinct dates, so each distinct
 * question is asked once per run. Build a new one per run: `today` is fixed for its lifetime.
 */
export class CalendarCache {
  readonly #next = new Map<string, string>();
  readonly #firstSend = new Map<string, number>();
  readonly #since = new Map<string, number>();
  readonly #offDay = new Map<string, OffDay | undefined>();

  constructor(
    readonly calendar: SchoolCalendar,
    /** London date of the run. */
    readonly today: string,
  ) {}

  /** `calendar.nextSchoolDay(date)`, memoised. */
  nextSchoolDay(date: string): string {
    let d = this.#next.get(date);
    if (d === undefined) {
      d = this.calendar.nextSchoolDay(date);
      this.#next.set(date, d);
    }
    return d;
  }

  /** `calendar.offDay(date)`, memoised: undefined for a school day. */
  offDay(date: string): OffDay | undefined {
    if (this.#offDay.has(date)) return this.#offDay.get(date);
    const o = this.calendar.offDay(date);
    this.#offDay.set(date, o);
    return o;
  }

  /** When the first reminder for something due on `dueDate` may go out, in epoch ms. */
  firstSendMs(dueDate: string): number {
    let ms = this.#firstSend.get(dueDate);
    if (ms === undefined) {
      ms = this.calendar.nextAllowedSend(this.calendar.sendTimeFor(dueDate)).getTime();
      this.#firstSend.set(dueDate, ms);
    }
    return ms;
  }

  /** School days after `date` up to and including today. */
  schoolDaysToToday(date: string): number {
    let n = this.#since.get(date);
    if (n === undefined) {
      n = this.calendar.schoolDaysBetween(date, this.today);
      this.#since.set(date, n);
    }
    return n;
  }
}
