import { isRealDate } from '../dates.js';

/**
 * Wall-clock time in Europe/London, worked out by the platform's time-zone data rather than a
 * hand-coded table of clock changes, so it stays right if the rules ever change.
 */

// Built once: constructing a DateTimeFormat costs far more than formatting with it.
// h23, not hour12:false, because some ICU versions print midnight as "24" with the latter.
const LONDON_PARTS = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

const HOUR_MS = 3_600_000;

/** Day of the week of an ISO date, 0 = Sunday … 6 = Saturday. */
export function weekdayOf(isoDate: string): number {
  return new Date(`${isoDate}T00:00:00Z`).getUTCDay();
}

/** What a London clock shows at `instant`: its date, hour, minute and weekday (0 = Sunday). */
export function londonParts(instant: Date): { date: string; hour: number; minute: number; weekday: number } {
  const p = wallClock(instant);
  const date = `${p.year}-${p.month}-${p.day}`;
  return { date, hour: Number(p.hour), minute: Number(p.minute), weekday: weekdayOf(date) };
}

/**
 * The instant a London clock shows `hour:minute` on `date`, in GMT or BST as that day requires.
 * On the spring change day a time in the skipped hour (01:00–01:59) means the same time plus
 * an hour; in the repeated autumn hour the first (BST) occurrence is taken. This matches
 * Temporal's "compatible" choice, so the answer is never a surprise to anyone who knows it.
 */
export function londonInstant(date: string, hour: number, minute = 0): Date {
  if (!isRealDate(date)) throw new RangeError(`londonInstant: "${date}" is not a real date written YYYY-MM-DD`);
  if (!Number.isInteger(hour) || hour < 0 || hour > 23) throw new RangeError(`londonInstant: hour ${hour} is not a whole hour from 0 to 23`);
  if (!Number.isInteger(minute) || minute < 0 || minute > 59) throw new RangeError(`londonInstant: minute ${minute} is not a whole minute from 0 to 59`);
  const asUtc = Date.parse(`${date}T00:00:00Z`) + hour * HOUR_MS + minute * 60_000;
  // The offsets in force a day either side cover both sides of any change that day.
  const before = offsetAt(asUtc - 24 * HOUR_MS);
  const after = offsetAt(asUtc + 24 * HOUR_MS);
  const fits = [before, after].filter((o) => offsetAt(asUtc - o) === o);
  // Both fit: the repeated hour, take the earlier instant. Neither fits: the skipped hour,
  // read the time with the offset from before the change, which lands an hour later.
  const offset = fits.length > 0 ? Math.max(...fits) : before;
  return new Date(asUtc - offset);
}

/** How far London's clock is ahead of UTC at `utcMs`, in milliseconds. */
function offsetAt(utcMs: number): number {
  const p = wallClock(new Date(utcMs));
  const wall = Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute), Number(p.second));
  return wall - Math.floor(utcMs / 1000) * 1000;
}

function wallClock(instant: Date): Record<'year' | 'month' | 'day' | 'hour' | 'minute' | 'second', string> {
  const out = { year: '', month: '', day: '', hour: '', minute: '', second: '' };
  for (const part of LONDON_PARTS.formatToParts(instant)) if (part.type in out) out[part.type as keyof typeof out] = part.value;
  return out;
}

// Built once, as LONDON_PARTS above.
const LONDON_SHORT = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', hourCycle: 'h23', weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });

/** "Mon 30 Nov 17:20": the day and time a London clock shows at `instant`, as staff would write it. */
export function londonDayAndTime(instant: Date): string {
  const p: Partial<Record<Intl.DateTimeFormatPartTypes, string>> = {};
  for (const part of LONDON_SHORT.formatToParts(instant)) p[part.type] = part.value;
  return `${p.weekday} ${p.day} ${p.month} ${p.hour}:${p.minute}`;
}
