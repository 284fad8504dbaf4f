import type { PupilCase } from '../cases/pupil-case.js';
import { addDays } from '../dates.js';
import { pupilFacts } from '../facts/pupil-facts.js';
import { latestPspReview } from '../plans/reviews-due.js';
import { pspReviewWindow } from '../plans/review-dates.js';
import type { KnowledgePack } from '../../knowledge/schema/pack.js';
import { DEFAULT_PROVISION_FROM_DAY, needsDay6 } from './due-items.js';
import { standingExclusions } from '../exclusions/withdrawn.js';

/**
 * When a case can have anything due (London dates, YYYY-MM-DD): no item of the case is due before
 * `from`, and none is still reminded after `until` (absent: it may be, however long from now; an
 * overdue PCP review is reminded until it is recorded). A bound, not the dates: `dueItems` still
 * works out each item. Undefined when the case has nothing that could ever be due (no active plan,
 * no EHC request, no exclusion needing day-6 provision, not looked after).
 */
export interface DueWindow {
  from: string;
  until?: string;
}

/** The longest a day-6 reminder can stay live after the exclusion starts, in calendar days: 5 + 6 school days across the longest holiday. */
const DAY6_UNTIL_DAYS = 120;
/** EHC dates are dropped this many calendar days after they pass (due-items.ts). */
const EHC_GRACE_DAYS = 28;

/** What a window is worked out from in the pack: a window worked out under another basis may be wrong and is worked out again. */
export function dueWindowBasis(pack: KnowledgePack): string {
  const r = pack.rules;
  return JSON.stringify({ v: 2, psp: pspReviewWindow(pack).earliestDays, decision: r?.ehcAssessment.decisionWeeks ?? 6, completion: r?.ehcAssessment.completionWeeks ?? 20, day6: r?.permanentExclusion.provisionFromDay ?? DEFAULT_PROVISION_FROM_DAY });
}

/**
 * The case's {@link DueWindow}, from the same sources as dueItems and never narrower than they allow:
 * a PCP from its review date, a PSP from its start or latest review plus the pack's earliest review
 * day (seed 003's 21 days; a holiday only moves it later), EHC dates from the request (seed 001
 * statutory weeks) to 28 days after the completion date, day-6 provision from the exclusion's start,
 * and a looked-after pupil's termly PEP always (it follows the term dates). For the query that
 * finds due cases among many (pupil_case.due_from and due_until).
 */
export function caseDueWindow(c: PupilCase, pack: KnowledgePack): DueWindow | undefined {
  const r = pack.rules;
  const starts: string[] = [];
  let open = false;
  const ends: string[] = [];
  for (const p of c.pcps)
    if (p.status === 'active') {
      starts.push(p.reviewDate);
      open = true;
    }
  const pspEarliest = pspReviewWindow(pack).earliestDays;
  for (const p of c.psps)
    if (p.status === 'active') {
      starts.push(addDays(latestPspReview(p) ?? p.startDate, pspEarliest));
      open = true;
    }
  const facts = pupilFacts(c);
  if (facts.ehcRequestedOn) {
    const weeks = [r?.ehcAssessment.decisionWeeks ?? 6, r?.ehcAssessment.completionWeeks ?? 20];
    starts.push(addDays(facts.ehcRequestedOn, Math.min(...weeks) * 7));
    ends.push(addDays(facts.ehcRequestedOn, Math.max(...weeks) * 7 + EHC_GRACE_DAYS));
  }
  // A part-time timetable's review stays due (overdue) until it ends or a new date is recorded.
  if (facts.partTimeTimetable?.reviewDate) {
    starts.push(facts.partTimeTimetable.reviewDate);
    open = true;
  }
  const fromDay = r?.permanentExclusion.provisionFromDay ?? DEFAULT_PROVISION_FROM_DAY;
  for (const x of standingExclusions(c))
    if (needsDay6(x, fromDay)) {
      starts.push(x.startDate);
      ends.push(addDays(x.startDate, DAY6_UNTIL_DAYS));
    }
  if (facts.flags.lookedAfter) {
    starts.push('1970-01-01');
    open = true;
  }
  if (starts.length === 0) return undefined;
  const from = starts.reduce((a, b) => (a < b ? a : b));
  return open ? { from } : { from, until: ends.reduce((a, b) => (a > b ? a : b)) };
}
