import type { SchoolCalendar } from '../calendar/school-calendar.js';
import type { PastoralSupportPlan, PupilCase } from '../cases/pupil-case.js';
import { effectiveEntries, provisionStarted } from '../facts/pupil-facts.js';
import { planBegan, stepChangeOn } from '../plans/plan-began.js';
import { day6ProvisionDay, day6Timing, needsDay6 } from '../reminders/due-items.js';
import { londonDayOf } from '../text/uk-date.js';
import { reinstatedOn, standingExclusions, withdrawnExclusionIds } from '../exclusions/withdrawn.js';

/**
 * What one pupil's record says for the LA's figures, read the way the rest of the bot reads it: the
 * chronology of facts as it stands after corrections (core/facts), the step from the pathway
 * (core/guidance/pathway-state) and the day-6 date as the reminders count it. Pure.
 */

/**
 * The step the pupil was on at the end of London day `day`: the step the pathway gives now
 * (pathwayState, where the stored step has the last word, so it is `currentStep`), unless a move
 * took effect after that day: then the step the first such move started from. A move takes effect
 * on the day of the review, referral or plan that led to it, else on the London day it was recorded
 * (plans/plan-began.ts stepChangeOn), never the UTC day: a move recorded at 00:30 BST on 1 October
 * is not on 30 September's figures. `dayOf` turns a moment into its London day.
 */
export function stepOn(c: PupilCase, day: string, dayOf: (at: string) => string = londonDayOf): number {
  let firstLater: { on: string; at: string; from: number } | undefined;
  for (const x of c.stepChanges) {
    const on = x.ref ? stepChangeOn(c, x) : dayOf(x.at);
    if (on > day && (!firstLater || on < firstLater.on || (on === firstLater.on && x.at < firstLater.at))) firstLater = { on, at: x.at, from: x.from };
  }
  return firstLater?.from ?? c.currentStep;
}

/**
 * Whether the pupil stood permanently excluded at the end of London day `day`: a permanent
 * exclusion begun by then, not withdrawn (recorded by mistake, it never stood), and not overturned
 * by a reinstatement decided on or before that day. Such a pupil is off the school's graduated
 * response (the LA arranges full-time education from the sixth school day: 000 Step 6, 001 day-6
 * provision), as the pupil's page and evidence pack say, so the step figures do not count them at a step.
 */
export function permanentlyExcludedOn(c: Pick<PupilCase, 'exclusions' | 'facts'>, day: string): boolean {
  const withdrawn = withdrawnExclusionIds(c);
  const back = reinstatedOn(c);
  return c.exclusions.some((x) => x.kind === 'permanent' && x.startDate <= day && !withdrawn.has(x.id) && !((back.get(x.id) ?? '9999-12-31') <= day));
}

/**
 * The London day a pupil's record starts to count for the step figures: the day it was created,
 * or an earlier day it records a step move taking effect, a plan beginning, a referral or an
 * exclusion (records are often typed in after the events they tell, and then the pupil was on the
 * pathway from that day, not from the day of typing).
 */
export function recordBegan(c: PupilCase, dayOf: (at: string) => string = londonDayOf): string {
  let first = dayOf(c.createdAt);
  const earlier = (d: string | undefined) => {
    if (d && d < first) first = d;
  };
  for (const x of c.stepChanges) earlier(x.ref ? stepChangeOn(c, x) : dayOf(x.at));
  for (const p of c.pcps) earlier(planBegan('pcp', p));
  for (const p of c.psps) earlier(p.startDate);
  for (const r of c.referrals) earlier(r.date);
  for (const x of c.exclusions) earlier(x.startDate);
  return first;
}

/** The day a PSP stopped running: its closure, or for one closed before closures were kept, its last review (or start). */
export function pspEnd(p: PastoralSupportPlan): string | undefined {
  if (p.closure) return p.closure.on;
  if (p.status !== 'closed') return undefined;
  return p.reviews.reduce((last, r) => (r.date > last ? r.date : last), p.startDate);
}

/**
 * Whether a PSP ran on any day from `span.from` to `span.to` (London days, both included): started
 * on or before the span's last day and not ended before its first. False for an empty span (`to`
 * before `from`, as for a month after today).
 */
export const pspRanDuring = (p: PastoralSupportPlan, span: { from: string; to: string }): boolean =>
  span.from <= span.to && p.startDate <= span.to && (pspEnd(p) ?? '9999-12-31') >= span.from;

/** One part-time timetable from start to end, as the chronology tells it. */
export interface Timetable {
  start: string;
  /** The day it ended early, or else its planned end. */
  end: string;
  laNotifiedOn?: string;
}

/**
 * The pupil's part-time timetables. An entry recorded while one is running (its dates or hours
 * changed, or the LA was told) updates that one; one recorded after the last has run its course
 * starts another; "back to full time" ends it. A record kept before the chronology had its
 * timetable stored on it: that one comes first.
 */
export function timetables(c: PupilCase): Timetable[] {
  const out: Timetable[] = [];
  let current: Timetable | undefined;
  if (c.partTimeTimetable) {
    current = { start: c.partTimeTimetable.startDate, end: c.partTimeTimetable.endDate, ...(c.partTimeTimetable.laNotifiedOn ? { laNotifiedOn: c.partTimeTimetable.laNotifiedOn } : {}) };
    out.push(current);
  }
  for (const e of effectiveEntries(c.facts)) {
    if (e.fact === 'part-time-timetable-ended') {
      if (current && e.on < current.end) current.end = e.on;
      current = undefined;
    } else if (e.fact === 'part-time-timetable') {
      if (current && current.end >= e.on) {
        current.end = e.plannedEndDate;
        current.laNotifiedOn = e.laNotifiedOn ?? current.laNotifiedOn;
        if (!current.laNotifiedOn) delete current.laNotifiedOn;
      } else {
        current = { start: e.on, end: e.plannedEndDate, ...(e.laNotifiedOn ? { laNotifiedOn: e.laNotifiedOn } : {}) };
        out.push(current);
      }
    }
  }
  return out;
}

/** Where day-6 provision after one permanent exclusion, or one suspension of more than 5 school days, stands. */
export type Day6Status = 'met' | 'late' | 'not-recorded' | 'not-yet-due';

export interface Day6Deadline {
  exclusionId: string;
  /** The day full-time provision had to start. */
  dueOn: string;
  startedOn?: string;
  status: Day6Status;
}

/**
 * The day-6 deadline of each standing exclusion that brings one (reminders/due-items.ts needsDay6:
 * a permanent exclusion, or a suspension of more than 5 school days, whose pupil must have
 * full-time education from the sixth school day; seeds 000 and 001), with the day provision started
 * as the chronology has it ("update": full-time provision started). Met or late by the reminders'
 * own rule (due-items.ts day6Timing: school days late, by the school's calendar, London dates), so
 * the figures and the pupil's page cannot disagree: provision starting on a Saturday after a Friday
 * deadline missed no school day. With no start recorded, not yet due until that day has passed,
 * then not recorded.
 */
export function day6Deadlines(c: PupilCase, calendar: SchoolCalendar, fromDay: number, today: string): Day6Deadline[] {
  const started = provisionStarted(c);
  return standingExclusions(c)
    .filter((x) => needsDay6(x, fromDay))
    .map((x) => {
      const startedOn = started.get(x.id);
      if (startedOn) {
        const { provisionOn, lateBy } = day6Timing(x.startDate, startedOn, fromDay, calendar);
        return { exclusionId: x.id, dueOn: provisionOn, startedOn, status: lateBy > 0 ? 'late' : 'met' };
      }
      const dueOn = day6ProvisionDay(x.startDate, fromDay, calendar);
      return { exclusionId: x.id, dueOn, status: dueOn >= today ? 'not-yet-due' : 'not-recorded' };
    });
}
