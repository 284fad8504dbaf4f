/**
 * Dates as staff in England read them: "Mon 23 Nov 2026". Written out here rather than by Intl,
 * whose en-GB month names change between ICU versions ("Sep" or "Sept"), so every Node version and
 * every channel shows the same words.
 */

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

/** A London `YYYY-MM-DD` day as "Mon 23 Nov 2026"; anything else comes back unchanged. */
export function ukDate(isoDate: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!m) return isoDate;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  if (Number.isNaN(d.getTime())) return isoDate;
  return `${WEEKDAYS[d.getUTCDay()]} ${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
}

// Built once: constructing a DateTimeFormat costs far more than formatting with it.
const LONDON_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' });

/** The London day an instant (ISO date-time) falls on, `YYYY-MM-DD`; what a record's "recorded at" means to staff. */
export function londonDayOf(isoDateTime: string): string {
  const d = new Date(isoDateTime);
  return Number.isNaN(d.getTime()) ? isoDateTime.slice(0, 10) : LONDON_DAY.format(d);
}
