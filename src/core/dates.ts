/** Calendar-date arithmetic on ISO dates (YYYY-MM-DD), done in UTC so clock changes cannot shift a day. */

export function addDays(isoDate: string, days: number): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** True for a real calendar date: rejects 2025-02-30 and the like. */
export function isRealDate(isoDate: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(isoDate)) return false;
  const d = new Date(`${isoDate}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === isoDate;
}

/**
 * The first day of the school year `today` is in: 1 August, as the Education Act 1996 s.579 defines
 * a school year (the period beginning with the first term to start after 31 July). The 45-day
 * suspension limit and every "this school year" figure count from it, so they all agree.
 */
export function schoolYearStart(today: string): string {
  const [y, m] = today.split('-').map(Number) as [number, number];
  return `${m >= 8 ? y : y - 1}-08-01`;
}

// Built once: constructing a DateTimeFormat costs far more than formatting with it.
const LONDON_DATE = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' });

/** Today's date in England, whatever the server's time zone. */
export function londonToday(now: Date): string {
  return LONDON_DATE.format(now);
}
