import type { LaReport } from './la-report.js';
import { cellWords } from './suppression.js';

/**
 * The report as CSV, one number a line (figure, row, column, value), so it opens in a spreadsheet
 * and can be filtered and pivoted. Withheld numbers read "fewer than 5" or "withheld", as on screen;
 * their values never leave the core.
 */
export function reportCsv(r: LaReport): string {
  const lines: string[][] = [['figure', 'row', 'column', 'value']];
  lines.push(['Report', 'Period', 'From', r.period.from], ['Report', 'Period', 'To', r.period.to], ['Report', 'Made on', 'Date', r.today]);
  lines.push(['Report', 'Pupils referred to the LA in the period', 'Pupils', cellWords(r.pupils)], ['Report', 'Schools that referred them', 'Schools', cellWords(r.schools)]);
  const a = r.acknowledgement;
  const ack = 'Time from referral to acknowledgement (calendar days)';
  lines.push([ack, 'Acknowledged referrals', 'Referrals', cellWords(a.acknowledged)]);
  lines.push([ack, 'Median', 'Days', a.medianDays === undefined ? 'fewer than 5 acknowledged' : String(a.medianDays)]);
  lines.push([ack, '90th percentile', 'Days', a.p90Days === undefined ? 'fewer than 5 acknowledged' : String(a.p90Days)]);
  for (const t of r.tables) {
    const many = t.columns.length > 1;
    for (const row of [...t.rows, ...(t.totals ? [t.totals] : [])]) {
      row.cells.forEach((c, i) => lines.push([t.title, row.label, t.columns[i]!, cellWords(c)]));
      if (many && row.total) lines.push([t.title, row.label, 'Total', cellWords(row.total)]);
    }
  }
  return `${lines.map((l) => l.map(field).join(',')).join('\r\n')}\r\n`;
}

/** One CSV field: quoted when it must be, and never read as a formula by a spreadsheet. */
function field(v: string): string {
  const safe = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The file name for a period's CSV. */
export const reportCsvName = (r: Pick<LaReport, 'period'>): string => `la-report-${r.period.from}-to-${r.period.to}.csv`;
