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

/**
 * Every `YYYY-MM-DD` in a sentence the bot wrote, as "Mon 23 Nov 2026": for words generated and
 * stored before dates were written this way (a step change's reason). Never for staff's own words.
 */
export function ukDatesIn(sentence: string): string {
  return sentence.replace(/\b\d{4}-\d{2}-\d{2}\b/g, (d) => ukDate(d));
}

/** An instant (ISO date-time) as a London reader's day and time: "Mon 23 Nov 2026 at 10:15". */
export function ukDateTime(isoDateTime: string): string {
  const d = new Date(isoDateTime);
  if (Number.isNaN(d.getTime())) return isoDateTime;
  const p: Partial<Record<Intl.DateTimeFormatPartTypes, string>> = {};
  for (const part of LONDON_TIME.formatToParts(d)) p[part.type] = part.value;
  return `${ukDate(londonDayOf(isoDateTime))} at ${p.hour}:${p.minute}`;
}

// Built once: constructing a DateTimeFormat costs far more than formatting with it.
const LONDON_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' });
const LONDON_TIME = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', hourCycle: 'h23', hour: '2-digit', minute: '2-digit' });

/** The London day an instant (ISO date-time) falls on, `YYYY-MM-DD`; what a record's "recorded at" means to staff. */
export function londonDayOf(isoDateTime: string): string {
  const d = new Date(isoDateTime);
  return Number.isNaN(d.getTime()) ? isoDateTime.slice(0, 10) : LONDON_DAY.format(d);
}
