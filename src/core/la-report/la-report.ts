import { sharedWithLocalAuthority } from '../access/policy.js';
import type { SchoolCalendar } from '../calendar/school-calendar.js';
import type { PupilCase } from '../cases/pupil-case.js';
import { daysBetween } from '../dates.js';
import { londonDayOf } from '../text/uk-date.js';
import { schoolName } from '../text/school-name.js';
import { ukDate } from '../text/uk-date.js';
import { monthEnd, monthLabel, monthsOf, within, type Period } from './period.js';
import { day6Deadlines, permanentlyExcludedOn, pspRanDuring, recordBegan, stepOn, timetables, type Day6Status } from './record-figures.js';
import { countCell, isSmall, suppressGrid, SUPPRESS_BELOW, type Cell, type ForcedMargins } from './suppression.js';
import { standingExclusions } from '../exclusions/withdrawn.js';

/**
 * The LA's picture: figures over a period from the records schools have referred to the LA, every
 * count of 1–4 withheld and every table protected against working one back from its totals
 * (suppression.ts). Pure: the caller chooses the records (CaseService.forLaReport, which applies
 * the access rules and audits) and says where each referral to the LA stands.
 */

/** Where a referral to the LA stands in the LA team's hands (the referral notices' ledger). */
export interface ReferralProgress {
  acknowledgedAt?: string;
  assignedAt?: string;
}

export interface LaReportInput {
  cases: readonly PupilCase[];
  period: Period;
  /** London date the report is made on: nothing after it has happened yet. */
  today: string;
  calendar: SchoolCalendar;
  /** A referral's progress by its id; undefined while nobody in the LA team has acted on it. */
  progress: (referralId: string) => ReferralProgress | undefined;
  /** Service names by id (the knowledge pack); an unknown id is shown as it is. */
  serviceName: (serviceId: string) => string | undefined;
  /** School day on which day-6 provision must start (the pack's rules; 6 by default). */
  provisionFromDay: number;
  /** A school's name as people say it (the staff directory's, the one source for it); by default the id's words. */
  schoolName?: (schoolId: string) => string;
}

/** How a table is best drawn where a channel can draw: the numbers are always in the table too. */
export type ChartKind = 'bar' | 'stacked-bar' | 'line' | 'pie';

/** One row of a table: its label, its counts and (with more than one column) its total. */
export interface FigureRow {
  label: string;
  cells: Cell[];
  total?: Cell;
}

/** A table of counts, suppressed. Every figure of the report is one. */
export interface FigureTable {
  id: string;
  title: string;
  /** What the rows are: "Month", "School", "Step". */
  rowHeading: string;
  /** The counts' headings; a table with more than one has a Total column after them. */
  columns: string[];
  rows: FigureRow[];
  /** The column totals and grand total; absent for a series of counts that do not add up (pupils on a PSP each month). */
  totals?: FigureRow;
  chart?: ChartKind;
  /** What the figures count, in a line. */
  note?: string;
}

/** Time from referral to acknowledgement, in calendar days (the day of the referral to the day it was acknowledged, London time). */
export interface AcknowledgementFigures {
  /**
   * How many acknowledged referrals the times are read from (the status table's Acknowledged and
   * Assigned rows together): shown only when the status table gives it anyway, else withheld.
   */
  acknowledged: Cell;
  /** Undefined when fewer than 5 referrals were acknowledged: a middle value of so few would be someone's. */
  medianDays?: number;
  p90Days?: number;
}

export interface LaReport {
  period: Period;
  today: string;
  /**
   * Pupils with a referral to the LA dated in the period (not every pupil ever referred, whose
   * records the other figures read): withheld when 1–4, or when the referrals' total is.
   */
  pupils: Cell;
  /** Schools that made those referrals: the rows of the referrals-by-school table. */
  schools: Cell;
  acknowledgement: AcknowledgementFigures;
  tables: FigureTable[];
}

const STATUS = [
  ['waiting', 'Not yet acknowledged'],
  ['acknowledged', 'Acknowledged'],
  ['assigned', 'Assigned to an officer'],
] as const;
const OUTCOMES = [
  ['successful', 'Successful'],
  ['not-successful', 'Not successful'],
  ['replaced', 'Replaced by a new PSP'],
] as const;
const DAY6: readonly [Day6Status, string][] = [
  ['met', 'Met'],
  ['late', 'Missed: started late'],
  ['not-recorded', 'Missed: no start recorded'],
  ['not-yet-due', 'Not yet due'],
];

export const yearGroupLabel = (y: number): string => (y === 0 ? 'Reception' : `Year ${y}`);

/** Counts by key, for a one-column table in a given order of keys. */
function tally<K extends string | number>(keys: readonly K[]): { add: (k: K) => void; counts: () => number[] } {
  const m = new Map<K, number>(keys.map((k) => [k, 0]));
  return { add: (k) => m.set(k, (m.get(k) ?? 0) + 1), counts: () => keys.map((k) => m.get(k) ?? 0) };
}

/** A suppressed table from rows of counts (one or more columns); `forced` margins start withheld (another table withholds the same number). */
export function figureTable(spec: Omit<FigureTable, 'rows' | 'totals'>, labels: readonly string[], counts: readonly (readonly number[])[], forced?: ForcedMargins): FigureTable {
  const g = suppressGrid(counts, forced, spec.columns.length);
  const many = spec.columns.length > 1;
  return {
    ...spec,
    rows: labels.map((label, r) => ({ label, cells: g.cells[r]!, ...(many ? { total: g.rowTotals[r]! } : {}) })),
    totals: { label: 'Total', cells: g.columnTotals, ...(many ? { total: g.total } : {}) },
  };
}

type TableArgs = [spec: Omit<FigureTable, 'rows' | 'totals'>, labels: readonly string[], counts: readonly (readonly number[])[]];

/**
 * Tables of the same report that share their totals (the referrals by month, status, service and
 * school all add up to the same referrals; suspensions by month and by year group to the same
 * suspensions): a total withheld in one must be withheld in all, or the other table gives it back.
 * Suppresses each, then again with the totals any of them withheld forced in every one, until they agree.
 */
function linkedTables(specs: readonly TableArgs[]): FigureTable[] {
  let forced: ForcedMargins = {};
  for (;;) {
    const tables = specs.map(([spec, labels, counts]) => figureTable(spec, labels, counts, forced));
    const cols = specs[0]![0].columns.length;
    const many = cols > 1;
    const total = tables.some((t) => (many ? t.totals?.total : t.totals?.cells[0])?.withheld);
    const columnTotals = Array.from({ length: cols }, (_, c) => tables.some((t) => t.totals?.cells[c]?.withheld));
    const agree = tables.every((t) => (many ? !!t.totals?.total?.withheld === total : true) && columnTotals.every((w, c) => !!t.totals?.cells[c]?.withheld === w));
    if (agree) return tables;
    forced = { total, columnTotals };
  }
}

/** The median (the mean of the middle two for an even count) and the 90th percentile (nearest rank). */
export function medianAndP90(values: readonly number[]): { median: number; p90: number } | undefined {
  if (!values.length) return undefined;
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length / 2;
  const median = s.length % 2 ? s[Math.floor(mid)]! : (s[mid - 1]! + s[mid]!) / 2;
  return { median, p90: s[Math.ceil(0.9 * s.length) - 1]! };
}

export function laReport(input: LaReportInput): LaReport {
  const { cases, period, today, calendar } = input;
  const months = monthsOf(period);
  const monthIndex = new Map(months.map((m, i) => [m, i]));
  // The period's end, or today when it runs on past today: where "now" figures (steps) are read.
  const asAt = period.to < today ? period.to : today;

  const referralMonths = months.map(() => 0);
  const bySchool = new Map<string, number>();
  const byService = new Map<string, number>();
  const byStatus = tally<string>(STATUS.map(([k]) => k));
  const waits: number[] = [];
  const exclusionsByMonth = months.map(() => [0, 0]);
  const exclusionsByYear = new Map<number, [number, number]>();
  const onPspInMonth = months.map(() => 0);
  let onPspInPeriod = 0;
  const outcomes = tally<string>(OUTCOMES.map(([k]) => k));
  // 0: permanently excluded, off the steps (its own row, after Step 6).
  const steps = tally<number>([1, 2, 3, 4, 5, 6, 0]);
  const notifiedByMonth = months.map(() => 0);
  const timetablesInPlace = [0, 0];
  const day6 = tally<Day6Status>(DAY6.map(([k]) => k));
  const schools = new Set<string>();
  let pupils = 0;
  // Each month as days (cut to the period and to today: nothing after today has happened yet), and
  // London days of moments, worked out once: most records share them.
  const upTo = (day: string) => (day < today ? day : today);
  const spans = months.map((m) => ({ from: m === months[0] ? period.from : `${m}-01`, to: upTo(monthEnd(m) < period.to ? monthEnd(m) : period.to) }));
  const soFar = { from: period.from, to: upTo(period.to) };
  const days = new Map<string, string>();
  const dayOf = (at: string): string => {
    let d = days.get(at);
    if (d === undefined) days.set(at, (d = londonDayOf(at)));
    return d;
  };

  for (const c of cases) {
    // Only what the school referred, whoever chose the cases.
    if (!sharedWithLocalAuthority(c)) continue;
    let referredInPeriod = false;
    for (const r of c.referrals) {
      if (!r.toLocalAuthority || !within(period, r.date)) continue;
      referredInPeriod = true;
      referralMonths[monthIndex.get(r.date.slice(0, 7))!]! += 1;
      bySchool.set(c.schoolId, (bySchool.get(c.schoolId) ?? 0) + 1);
      const service = input.serviceName(r.serviceId) ?? r.serviceId;
      byService.set(service, (byService.get(service) ?? 0) + 1);
      const p = input.progress(r.id);
      byStatus.add(p?.assignedAt ? 'assigned' : p?.acknowledgedAt ? 'acknowledged' : 'waiting');
      if (p?.acknowledgedAt) waits.push(Math.max(0, daysBetween(r.date, dayOf(p.acknowledgedAt))));
    }
    if (referredInPeriod) {
      pupils += 1;
      schools.add(c.schoolId);
    }
    for (const x of standingExclusions(c)) {
      if (!within(period, x.startDate)) continue;
      const col = x.kind === 'suspension' ? 0 : 1;
      exclusionsByMonth[monthIndex.get(x.startDate.slice(0, 7))!]![col]! += 1;
      const y = exclusionsByYear.get(c.yearGroup) ?? [0, 0];
      y[col] += 1;
      exclusionsByYear.set(c.yearGroup, y);
    }
    if (c.psps.length) spans.forEach((span, i) => {
      if (c.psps.some((p) => pspRanDuring(p, span))) onPspInMonth[i]! += 1;
    });
    if (c.psps.some((p) => pspRanDuring(p, soFar))) onPspInPeriod += 1;
    for (const p of c.psps) if (p.closure && within(period, p.closure.on)) outcomes.add(p.closure.outcome);
    // Most records were created before the day: only the others need their earliest day worked out.
    if (dayOf(c.createdAt) <= asAt || recordBegan(c, dayOf) <= asAt) steps.add(permanentlyExcludedOn(c, asAt) ? 0 : stepOn(c, asAt, dayOf));
    for (const t of timetables(c)) {
      if (within(period, t.laNotifiedOn)) notifiedByMonth[monthIndex.get(t.laNotifiedOn!.slice(0, 7))!]! += 1;
      if (t.start <= period.to && t.end >= period.from) timetablesInPlace[t.laNotifiedOn && t.laNotifiedOn <= period.to ? 0 : 1]! += 1;
    }
    for (const d of day6Deadlines(c, calendar, input.provisionFromDay, today)) if (within(period, d.dueOn)) day6.add(d.status);
  }

  const monthLabels = months.map(monthLabel);
  const schoolsRanked = [...bySchool.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const servicesRanked = [...byService.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const years = [...exclusionsByYear.keys()].sort((a, b) => a - b);
  const ack = medianAndP90(waits);
  const enough = waits.length >= SUPPRESS_BELOW;
  const [byMonthTable, byStatusTable, byServiceTable, bySchoolTable] = linkedTables([
    [{ id: 'referrals-by-month', title: 'Referrals to the LA by month', rowHeading: 'Month', columns: ['Referrals'], chart: 'bar' }, monthLabels, referralMonths.map((n) => [n])],
    [{ id: 'referrals-by-status', title: 'Referrals to the LA by status', rowHeading: 'Status', columns: ['Referrals'], chart: 'pie' }, STATUS.map(([, l]) => l), byStatus.counts().map((n) => [n])],
    [{ id: 'referrals-by-service', title: 'Referrals to the LA by service', rowHeading: 'Service', columns: ['Referrals'], chart: 'bar' }, servicesRanked.map(([s]) => s), servicesRanked.map(([, n]) => [n])],
    [{ id: 'referrals-by-school', title: 'Referrals to the LA by school', rowHeading: 'School', columns: ['Referrals'] }, schoolsRanked.map(([s]) => (input.schoolName ?? schoolName)(s)), schoolsRanked.map(([, n]) => [n])],
  ]);
  const [exclusionsByMonthTable, exclusionsByYearTable] = linkedTables([
    [
      { id: 'exclusions-by-month', title: 'Suspensions and permanent exclusions by month', rowHeading: 'Month', columns: ['Suspensions', 'Permanent exclusions'], chart: 'stacked-bar', note: 'By the day each began.' },
      monthLabels,
      exclusionsByMonth,
    ],
    [
      { id: 'exclusions-by-year-group', title: 'Suspensions and permanent exclusions by year group', rowHeading: 'Year group', columns: ['Suspensions', 'Permanent exclusions'], note: 'The pupil’s year group as recorded now.' },
      years.map(yearGroupLabel),
      years.map((y) => exclusionsByYear.get(y)!),
    ],
  ]);
  // Acknowledged referrals are the status table's Acknowledged and Assigned rows (assigning acknowledges):
  // shown only where the table gives the number anyway (both rows shown, or Not yet acknowledged and
  // the total shown, which the table keeps from being 1–4), so it gives nothing more back.
  const [waitingCell, ackCell, assignedCell] = byStatusTable!.rows.map((r) => r.cells[0]!) as [Cell, Cell, Cell];
  const statusTotal = byStatusTable!.totals!.cells[0]!;
  const derivable = (!ackCell.withheld && !assignedCell.withheld) || (!waitingCell.withheld && !statusTotal.withheld);
  const acknowledged: Cell = derivable ? { value: waits.length } : { value: waits.length, withheld: isSmall(waits.length) ? 'small' : 'secondary' };

  // Pupils referred are at most the referrals: shown beside a withheld referrals total, they would bound it.
  const pupilsCell: Cell = byMonthTable!.totals!.cells[0]!.withheld && !isSmall(pupils) && pupils > 0 ? { value: pupils, withheld: 'secondary' } : countCell(pupils);

  return {
    period,
    today,
    pupils: pupilsCell,
    schools: { value: schools.size },
    acknowledgement: { acknowledged, ...(enough && ack ? { medianDays: ack.median, p90Days: ack.p90 } : {}) },
    tables: [
      byMonthTable!,
      byStatusTable!,
      byServiceTable!,
      bySchoolTable!,
      exclusionsByMonthTable!,
      exclusionsByYearTable!,
      {
        id: 'pupils-on-a-psp',
        title: 'Pupils on a PSP in each month',
        rowHeading: 'Month',
        columns: ['Pupils'],
        rows: months.map((m, i) => ({ label: monthLabel(m), cells: [countCell(onPspInMonth[i]!)] })),
        chart: 'line',
        note: `${countCellWords(onPspInPeriod)} on a PSP at some time in the period. A pupil counts in every month their PSP ran on any day of; the month in progress counts up to today, and months after today count none.`,
      },
      figureTable({ id: 'psp-outcomes', title: 'PSPs ended in the period, by outcome', rowHeading: 'Outcome', columns: ['PSPs'], chart: 'pie' }, OUTCOMES.map(([, l]) => l), outcomes.counts().map((n) => [n])),
      figureTable(
        {
          id: 'steps',
          title: `Pupils by step on ${ukDate(asAt)}`,
          rowHeading: 'Step',
          columns: ['Pupils'],
          chart: 'bar',
          note: 'Each pupil referred to the LA, at the step their record gives for that day. A pupil permanently excluded by then is off the school’s steps (the LA arranges their full-time education) and counts in the last row; one reinstated by then counts at their step.',
        },
        [...[1, 2, 3, 4, 5, 6].map((s) => `Step ${s}`), 'Permanently excluded'],
        steps.counts().map((n) => [n]),
      ),
      figureTable(
        { id: 'part-time-notified', title: 'Part-time timetables notified to the LA, by month', rowHeading: 'Month', columns: ['Notified'], chart: 'bar', note: 'By the day the school told the LA.' },
        monthLabels,
        notifiedByMonth.map((n) => [n]),
      ),
      figureTable(
        { id: 'part-time-in-place', title: 'Part-time timetables in place during the period', rowHeading: 'The LA', columns: ['Timetables'] },
        ['Told by the period’s end', 'Not told'],
        timetablesInPlace.map((n) => [n]),
      ),
      figureTable(
        { id: 'day6', title: 'Day-6 provision after a permanent exclusion or a suspension of more than 5 school days, due in the period', rowHeading: 'Deadline', columns: ['Exclusions'], chart: 'pie', note: 'Met when full-time provision was recorded (update: full-time provision started) on or before the day it was due.' },
        DAY6.map(([, l]) => l),
        day6.counts().map((n) => [n]),
      ),
    ],
  };
}

/** "12 pupils were", or "A withheld number of pupils were" for 1–4. */
function countCellWords(n: number): string {
  const c = countCell(n);
  return c.withheld ? 'A withheld number of pupils were' : `${n} pupil${n === 1 ? ' was' : 's were'}`;
}
