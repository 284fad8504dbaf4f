import { addDays, isRealDate } from '../dates.js';

/** A report's period: two London dates, both included. */
export interface Period {
  from: string;
  to: string;
}

/** The longest period one report covers: two school years of months, so a card stays readable. */
export const MAX_MONTHS = 24;

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "2026-09" → "Sep 2026". */
export function monthLabel(month: string): string {
  const [y, m] = month.split('-');
  return `${MONTHS[Number(m) - 1]} ${y}`;
}

/** The months the period touches, as "YYYY-MM", in order. */
export function monthsOf(p: Period): string[] {
  const out: string[] = [];
  let [y, m] = p.from.slice(0, 7).split('-').map(Number) as [number, number];
  const last = p.to.slice(0, 7);
  for (;;) {
    const month = `${y}-${String(m).padStart(2, '0')}`;
    out.push(month);
    if (month >= last) return out;
    m += 1;
    if (m > 12) [y, m] = [y + 1, 1];
  }
}

/** The last day of a month ("2026-02" → "2026-02-28"). */
export function monthEnd(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const next = m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
  return addDays(next, -1);
}

/** Whether a day falls in the period. */
export const within = (p: Period, day: string | undefined): boolean => day !== undefined && day >= p.from && day <= p.to;

/** The first day of the month a day is in ("2026-09-14" → "2026-09-01"). */
export const monthStart = (day: string): string => `${day.slice(0, 7)}-01`;

/**
 * A period to report on, widened to whole calendar months, or why these dates cannot be one (in
 * words for the person who typed them). Whole months only, so that two reports on overlapping
 * windows (1–30 November and 3–30 November) cannot be subtracted to isolate a few days' pupils.
 * `widened` says the dates asked for were not whole months (the reply must say so).
 */
export function checkPeriod(from: string, to: string): { ok: true; period: Period; widened: boolean } | { ok: false; message: string } {
  for (const d of [from, to]) if (!isRealDate(d)) return { ok: false, message: `"${d}" is not a date. Use YYYY-MM-DD, e.g. 2026-09-01.` };
  if (from > to) return { ok: false, message: `The period must start before it ends: ${from} is after ${to}.` };
  if (monthsOf({ from, to }).length > MAX_MONTHS) return { ok: false, message: `A report covers at most ${MAX_MONTHS} months; ask for a shorter period.` };
  const period = { from: monthStart(from), to: monthEnd(to.slice(0, 7)) };
  return { ok: true, period, widened: period.from !== from || period.to !== to };
}

/** Said when a period was widened to whole months. */
export const WIDENED_WORDS = 'Figures are for whole calendar months only, so the dates asked for were widened to the months they fall in: reports for overlapping parts of a month could otherwise be subtracted to single out a few pupils.';
