import { AppError } from '../core/errors.js';
import { schoolYearStart } from '../core/dates.js';
import { laReport, type LaReport } from '../core/la-report/la-report.js';
import { checkPeriod, monthEnd, WIDENED_WORDS } from '../core/la-report/period.js';
import { reportCsv, reportCsvName } from '../core/la-report/report-csv.js';
import { DEFAULT_PROVISION_FROM_DAY } from '../core/reminders/due-items.js';
import { ukDate } from '../core/text/uk-date.js';
import { text, type View } from '../core/views/view.js';
import { parseDate } from './parse.js';
import type { DialogContext } from './dialog.js';
import { laReportViews } from './views/la-report-view.js';
import { schoolCalled } from './views/record-words.js';

/** "la report", "la report 1/9/2026 30/11/2026", "la report csv …": what was asked for, the dates as typed. */
export interface LaReportRequest {
  from?: string;
  to?: string;
  csv: boolean;
}

/** A date as staff type one (14/03/2027 or 2027-03-14), read by parseDate when the report runs, or a month (2026-09, 9/2026, sep, September 2026). */
const FULL_MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const MONTH_NAMES = FULL_MONTHS.map((m) => m.slice(0, 3));
const NAMED_MONTH = `(?:${MONTH_NAMES.join('|')})[a-z]*(?: \\d{4})?`;
const DATE = `(\\d[\\d/.-]{4,9}|${NAMED_MONTH})`;
const SEP = '(?: ?(?:to|until|-|–|—) ?| )';
const LA_REPORT = new RegExp(`^la[ -](?:report|figures)(?: (csv))?(?: (?:from )?${DATE})?(?:${SEP}${DATE})?(?: (csv))?$`, 'i');

/** The request in the words, or undefined when they are not "la report …". */
export function recogniseLaReport(raw: string): LaReportRequest | undefined {
  const m = raw.trim().replace(/\s+/g, ' ').match(LA_REPORT);
  if (!m) return undefined;
  return { ...(m[2] ? { from: m[2] } : {}), ...(m[3] ? { to: m[3] } : {}), csv: !!(m[1] || m[4]) };
}

/**
 * A month as typed ("2026-09", "9/2026", "sep", "September 2026") as "YYYY-MM", or undefined when it
 * is not a month. A month name without a year is the one in this school year (August to July, London).
 */
export function typedMonth(raw: string, today: string): string | undefined {
  const t = raw.trim().toLowerCase();
  const numeric = t.match(/^(\d{4})-(\d{1,2})$/);
  const slashed = t.match(/^(\d{1,2})\/(\d{4})$/);
  const ym = numeric ? [Number(numeric[1]), Number(numeric[2])] : slashed ? [Number(slashed[2]), Number(slashed[1])] : undefined;
  if (ym) return ym[1]! >= 1 && ym[1]! <= 12 ? `${ym[0]}-${String(ym[1]).padStart(2, '0')}` : undefined;
  const named = t.match(/^([a-z]{3,})(?: (\d{4}))?$/);
  const index = named ? FULL_MONTHS.findIndex((n) => n.startsWith(named[1]!) || (named[1] === 'sept' && n === 'september')) : -1;
  if (!named || index < 0) return undefined;
  const month = index + 1;
  const start = Number(schoolYearStart(today).slice(0, 4));
  const year = named[2] ? Number(named[2]) : month >= 8 ? start : start + 1;
  return `${year}-${String(month).padStart(2, '0')}`;
}

/** The report for the LA officer asking, read through the access rules (CaseService.forLaReport, audited). */
export async function makeLaReport(ctx: DialogContext, from: string, to: string, audit: string): Promise<LaReport> {
  const cases = await ctx.cases.forLaReport(ctx.user, `${audit}:${from}:${to}`);
  const pack = ctx.pack;
  const progress = await ctx.referralProgress?.();
  return laReport({
    cases,
    period: { from, to },
    today: ctx.today(),
    calendar: ctx.calendar,
    progress: (id) => progress?.get(id),
    serviceName: (id) => pack.services.find((s) => s.id === id)?.name,
    provisionFromDay: pack.rules?.permanentExclusion.provisionFromDay ?? DEFAULT_PROVISION_FROM_DAY,
    schoolName: (id) => schoolCalled(ctx, id),
  });
}

/**
 * `la report [from] [to]`: the LA's figures for a period (by default this school year so far), or
 * with "csv" the same figures as a file, offered with the reply (View.file) for the channel to give
 * its way. Only LA officers; anyone else is
 * told so (and the refusal is audited).
 */
export async function runLaReport(ctx: DialogContext, req: LaReportRequest): Promise<View[]> {
  const today = ctx.today();
  const example = text('Type, for example, "la report sep to nov", "la report 2026-09 - 2026-11" or "la report 1/9/2026 30/11/2026" for September to November 2026.', 'muted');
  // Each end as a day: a month typed as its first day (from) or last day (to); a date through parseDate.
  const read = (raw: string | undefined, end: 'from' | 'to') => {
    if (raw === undefined) return undefined;
    const month = typedMonth(raw, today);
    if (month) return { ok: true as const, date: end === 'from' ? `${month}-01` : monthEnd(month), month: true };
    const d = parseDate(raw, today);
    return d.ok ? { ...d, month: false } : d;
  };
  const typed = [read(req.from, 'from'), read(req.to, 'to')];
  const wrong = typed.find((d) => d && !d.ok);
  if (wrong && !wrong.ok) return [{ blocks: [text(wrong.message, 'warning'), example] }];
  const [given, until] = typed.map((d) => (d?.ok ? d : undefined));
  const from = given?.date ?? schoolYearStart(today);
  // One month alone is that month; one date alone runs to today (or is that day, when after it).
  const to = until?.date ?? (given?.month ? monthEnd(given.date.slice(0, 7)) : given && given.date > today ? given.date : today);
  const checked = checkPeriod(from, to);
  if (!checked.ok) return [{ blocks: [text(checked.message, 'warning'), example] }];
  // Widening is worth saying only of dates the officer typed: the default runs to the end of this month.
  const { from: start, to: end } = checked.period;
  const widened = (!!given && !given.month && given.date !== start) || (!!until && !until.month && until.date !== end);
  const period = `${asTyped(start)} ${asTyped(end)}`;
  try {
    const report = await makeLaReport(ctx, start, end, req.csv ? 'la-report.csv' : 'la-report');
    const saying = widened ? [{ blocks: [text(WIDENED_WORDS, 'muted')] }] : [];
    if (!req.csv) return [...saying, ...laReportViews(report, `la report csv ${period}`)];
    // The file goes the channel's way (Teams: consent in the personal chat; Slack: the DM; terminal: the data folder).
    const file = { fileName: reportCsvName(report), title: `LA figures, ${ukDate(start)} to ${ukDate(end)}`, csv: reportCsv(report), command: `la report csv ${period}` };
    return [
      ...saying,
      {
        blocks: [
          text('The same figures as a CSV file, with "withheld" where they are, as on screen.', 'success'),
          // A card channel replaces the report with this answer, so the figures are a button away.
          { type: 'actions', actions: [{ label: 'Show the figures again', command: `la report ${period}` }] },
        ],
        file,
      },
    ];
  } catch (err) {
    if (err instanceof AppError && err.code === 'forbidden') return [{ blocks: [text(err.message, 'warning')] }];
    throw err;
  }
}

/** A date as the bot writes it in a command for staff to type or press: 1/9/2026, never 2026-09-01. */
const asTyped = (iso: string): string => {
  const [y, m, d] = iso.split('-').map(Number);
  return `${d}/${m}/${y}`;
};
