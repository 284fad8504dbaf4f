import type { FigureRow, FigureTable, LaReport } from '../../core/la-report/la-report.js';
import { cellWords, shownValue, SUPPRESS_BELOW, WITHHELD_EXPLAINED, type Cell } from '../../core/la-report/suppression.js';
import { ukDate } from '../../core/text/uk-date.js';
import { heading, text, type Block, type ChartView, type TableView, type View } from '../../core/views/view.js';

/** Rows a table shows in a message; the CSV has them all. */
export const MAX_TABLE_ROWS = 15;

const words = (r: FigureRow): string[] => [r.label, ...r.cells.map(cellWords), ...(r.total ? [cellWords(r.total)] : [])];

/** The numbers that may be drawn, one series per column; a withheld number is left out of the chart. */
function chartOf(t: FigureTable): ChartView | undefined {
  if (!t.chart) return undefined;
  const series = t.columns.map((name, i) => ({ name, points: t.rows.flatMap((r) => (shownValue(r.cells[i]!) === undefined ? [] : [{ x: r.label, y: r.cells[i]!.value }])) }));
  if (!series.some((s) => s.points.some((p) => p.y > 0))) return undefined;
  return { kind: t.chart, xTitle: t.rowHeading, yTitle: t.columns.length === 1 ? t.columns[0]! : 'Number', series };
}

/** One figure as a table block, the longest cut to {@link MAX_TABLE_ROWS} rows with a note of the rest. */
export function tableBlock(t: FigureTable): Block {
  const shown = t.rows.slice(0, MAX_TABLE_ROWS);
  const more = t.rows.length - shown.length;
  const notes = [t.note, more > 0 ? `${more} more ${more === 1 ? 'row is' : 'rows are'} in the CSV.` : undefined].filter(Boolean).join(' ');
  const chart = chartOf(t);
  const table: TableView = {
    title: t.title,
    headings: [t.rowHeading, ...t.columns, ...(t.columns.length > 1 ? ['Total'] : [])],
    rows: shown.map(words),
    ...(t.totals ? { totals: words(t.totals) } : {}),
    ...(notes ? { note: notes } : {}),
    ...(chart ? { chart } : {}),
  };
  return { type: 'table', table };
}

/**
 * A count inside a sentence: "11 pupils", or "fewer than 5 pupils" when it is 1–4, since the
 * table word "withheld" reads as if the pupils were ("the records of withheld pupils"); withheld to
 * protect another number, "a withheld number of pupils" (it may be 5 or more).
 */
const countInSentence = (c: Cell, noun: string): string =>
  c.withheld === 'secondary' ? `a withheld number of ${noun}s` : `${c.withheld ? `fewer than ${SUPPRESS_BELOW}` : c.value} ${noun}${c.value === 1 && !c.withheld ? '' : 's'}`;

const days = (n: number) => `${Number.isInteger(n) ? n : n.toFixed(1)} calendar day${n === 1 ? '' : 's'}`;

/**
 * The report as views: what it covers and how small numbers are treated, the time to
 * acknowledgement, then each figure; and a button for the CSV. `csvCommand` is the command that
 * sends it (so cards and the terminal alike can ask for it).
 */
export function laReportViews(r: LaReport, csvCommand: string): View[] {
  const a = r.acknowledgement;
  const ack = a.medianDays === undefined || a.p90Days === undefined
    ? 'Fewer than 5 referrals were acknowledged in the period, so the time to acknowledgement is not shown.'
    : `Median ${days(a.medianDays)}; 90% within ${days(a.p90Days)} (from the referral’s date to the day it was acknowledged, over ${countInSentence(a.acknowledged, 'acknowledged referral')}).`;
  const title = heading(`LA figures, ${ukDate(r.period.from)} to ${ukDate(r.period.to)}`);
  // A period not yet begun has nothing to count: say so rather than show tables of zeros.
  if (r.period.from > r.today) return [{ blocks: [title, text(`No figures yet: this period starts after today (${ukDate(r.today)}). Ask again once it has begun.`)] }];
  const intro: View = {
    blocks: [
      title,
      // Says what the count counts: an LA officer read it as the period's caseload (tester, issue 13 §3).
      text(`Pupils referred to the LA in this period (a referral dated in it): ${countInSentence(r.pupils, 'pupil')}, from ${countInSentence(r.schools, 'school')}. The figures below read the records of every pupil schools have referred to the LA, for what happened in the period. Made ${ukDate(r.today)}.`),
      text(`${WITHHELD_EXPLAINED} No pupil is named or counted on their own.`, 'muted'),
      { type: 'facts', facts: [{ label: 'Time from referral to acknowledgement', value: ack }] },
    ],
  };
  return [
    intro,
    ...r.tables.map((t) => ({ blocks: [tableBlock(t)] })),
    { blocks: [{ type: 'actions', actions: [{ label: 'Download CSV', command: csvCommand }] }] },
  ];
}
