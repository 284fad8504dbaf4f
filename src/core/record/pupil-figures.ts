import type { SchoolCalendar, Term } from '../calendar/school-calendar.js';
import { pupilFacts } from '../facts/pupil-facts.js';
import type { Exclusion, PupilCase } from '../cases/pupil-case.js';
import { recordedSuspensions, tallyFor, type SchoolYear } from '../exclusions/suspension-days.js';
import { standingExclusions } from '../exclusions/withdrawn.js';

/**
 * The figures a pupil's summary shows, worked out from the case and the school calendar the way the
 * rules count them (suspension-days.ts): school days, in the school year and term `today` is in.
 */

export interface SuspensionFigures {
  year: SchoolYear;
  /** Suspensions with at least one school day in this school year. */
  yearCount: number;
  yearDays: number;
  /** The term `today` is in (or the next, in the holidays); undefined without term dates. */
  term?: Term;
  termCount?: number;
  termDays?: number;
  /** The latest permanent exclusion, if there is one. */
  permanent?: Exclusion;
}

export function suspensionFigures(c: PupilCase, calendar: SchoolCalendar, today: string): SuspensionFigures {
  const recorded = recordedSuspensions(calendar, standingExclusions(c));
  const tally = tallyFor(calendar, recorded.flatMap((r) => r.days), today);
  const within = (start: string, end: string) => recorded.filter((r) => r.days.some((d) => d >= start && d <= end)).length;
  const permanent = standingExclusions(c).filter((e) => e.kind === 'permanent').at(-1);
  return {
    year: tally.year,
    yearCount: within(tally.year.start, tally.year.end),
    yearDays: tally.yearDays,
    ...(tally.term && tally.termDays !== undefined ? { term: tally.term, termCount: within(tally.term.start, tally.term.end), termDays: tally.termDays } : {}),
    ...(permanent ? { permanent } : {}),
  };
}

export interface PartTimeFigures {
  startDate: string;
  endDate: string;
  laNotifiedOn?: string;
  /** When it is to be reviewed, set for one planned to run longer than the pack's limit (London date). */
  reviewDate?: string;
  /** Before its start, between its dates, or after its end. */
  when: 'planned' | 'current' | 'ended';
}

export function partTimeFigures(c: PupilCase, today: string): PartTimeFigures | undefined {
  // As it stands now (core/facts), not the starting value stored on the record.
  const p = pupilFacts(c).partTimeTimetable;
  if (!p) return undefined;
  const when = today < p.startDate ? 'planned' : today > p.endDate ? 'ended' : 'current';
  return { startDate: p.startDate, endDate: p.endDate, ...(p.laNotifiedOn ? { laNotifiedOn: p.laNotifiedOn } : {}), ...(p.reviewDate ? { reviewDate: p.reviewDate } : {}), when };
}

/**
 * Where the pupil stands on exclusion, derived from the record: permanently excluded (the latest
 * permanent exclusion on record), else at risk of permanent exclusion as the facts say. A pupil
 * permanently excluded is no longer "at risk": the LA arranges full-time education from the sixth
 * school day (000 Step 6; 001 day-6 provision), and the school's own plans no longer apply.
 */
export interface ExclusionStanding {
  permanent?: Exclusion;
  atRisk: boolean;
}

export function exclusionStanding(c: Pick<PupilCase, 'exclusions'> & Parameters<typeof pupilFacts>[0]): ExclusionStanding {
  // A withdrawn permanent exclusion (recorded by mistake) does not stand.
  const permanent = standingExclusions(c).filter((e) => e.kind === 'permanent').at(-1);
  return permanent ? { permanent, atRisk: false } : { atRisk: pupilFacts(c).riskOfPermanentExclusion };
}
