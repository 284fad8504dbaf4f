import { AppError } from '../core/errors.js';
import { schoolYearStart } from '../core/dates.js';
import { laReport, type LaReport } from '../core/la-report/la-report.js';
import { checkPeriod } from '../core/la-report/period.js';
import { reportCsv, reportCsvName } from '../core/la-report/report-csv.js';
import { DEFAULT_PROVISION_FROM_DAY } from '../core/reminders/due-items.js';
import { ukDate } from '../core/text/uk-date.js';
import { text, type View } from '../core/views/view.js';
import { parseDate } from './parse.js';
import type { DialogContext } from './dialog.js';
import { laReportViews } from './views/la-report-view.js';

/** "la report", "la report 1/9/2026 30/11/2026", "la report csv …": what was asked for, the dates as typed. */
export interface LaReportRequest {
  from?: string;
  to?: string;
  csv: boolean;
}

/** A date as staff type one (14/03/2027 or 2027-03-14), read by parseDate when the report runs. */
const DATE = '(\\d[\\d/.-]{5,9})';
const LA_REPORT = new RegExp(`^la[ -](?:report|figures)(?: (csv))?(?: (?:from )?${DATE})?(?: (?:to )?${DATE})?(?: (csv))?$`, 'i');

/** The request in the words, or undefined when they are not "la report …". */
export function recogniseLaReport(raw: string): LaReportRequest | undefined {
  const m = raw.trim().replace(/\s+/g, ' ').match(LA_REPORT);
  if (!m) return undefined;
  return { ...(m[2] ? { from: m[2] } : {}), ...(m[3] ? { to: m[3] } : {}), csv: !!(m[1] || m[4]) };
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
  const example = text('Type, for example, "la report 1/9/2026 30/11/2026" for September to November 2026.', 'muted');
  const typed = [req.from, req.to].map((d) => (d === undefined ? undefined : parseDate(d, today)));
  const wrong = typed.find((d) => d && !d.ok);
  if (wrong && !wrong.ok) return [{ blocks: [text(wrong.message, 'warning'), example] }];
  const [given, until] = typed.map((d) => (d?.ok ? d.date : undefined));
  const from = given ?? schoolYearStart(today);
  const to = until ?? (given && given > today ? given : today);
  const checked = checkPeriod(from, to);
  if (!checked.ok) return [{ blocks: [text(checked.message, 'warning'), example] }];
  const period = `${asTyped(from)} ${asTyped(to)}`;
  try {
    const report = await makeLaReport(ctx, from, to, req.csv ? 'la-report.csv' : 'la-report');
    if (!req.csv) return laReportViews(report, `la report csv ${period}`);
    // The file goes the channel's way (Teams: consent in the personal chat; Slack: the DM; terminal: the data folder).
    const file = { fileName: reportCsvName(report), title: `LA figures, ${ukDate(from)} to ${ukDate(to)}`, csv: reportCsv(report), command: `la report csv ${period}` };
    return [
      {
        blocks: [
          text('The same figures as a CSV file, with "fewer than 5" and "withheld" where they are.', 'success'),
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
