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

/** A period to report on, or why these dates cannot be one (in words for the person who typed them). */
export function checkPeriod(from: string, to: string): { ok: true; period: Period } | { ok: false; message: string } {
  for (const d of [from, to]) if (!isRealDate(d)) return { ok: false, message: `"${d}" is not a date. Use YYYY-MM-DD, e.g. 2026-09-01.` };
  if (from > to) return { ok: false, message: `The period must start before it ends: ${from} is after ${to}.` };
  if (monthsOf({ from, to }).length > MAX_MONTHS) return { ok: false, message: `A report covers at most ${MAX_MONTHS} months; ask for a shorter period.` };
  return { ok: true, period: { from, to } };
}
