import type { KnowledgePack } from '../../knowledge/schema/pack.js';
import type { Rules } from '../../knowledge/schema/rules.js';
import { addDays } from '../dates.js';
import { exclusionWarning, safeguardingNotice } from '../safeguarding/concern-notice.js';
import { concernsIn } from '../safeguarding/for-pack.js';
import { fromAdvice } from './recommendation.js';
import type { PupilSituation, Recommendation } from './types.js';
import { count } from '../text/plural.js';
import { ukDate } from '../text/uk-date.js';

/**
 * What the notes raise, read once: the safeguarding notice (any sign a child may be at risk of
 * harm) and the unlawful-exclusion warning (a reason for which excluding would be unlawful, or an
 * exclusion that would be informal), from concerns.json. `exclusionReasons`, the reasons already
 * recorded, are read for the unlawful-exclusion warning only (see PupilSituation.exclusionReasons).
 */
export function notesConcerns(pack: KnowledgePack, notes: string, exclusionReasons = ''): { safeguarding?: Recommendation; unlawfulReason?: Recommendation } {
  const found = concernsIn(pack, [notes]);
  const safeguarding = safeguardingNotice(pack, found);
  const unlawfulReason = exclusionWarning(pack, exclusionReasons ? [...found, ...concernsIn(pack, [exclusionReasons], { asReason: true })] : found);
  return { ...(safeguarding ? { safeguarding } : {}), ...(unlawfulReason ? { unlawfulReason } : {}) };
}

function pspTriggers(rules: Rules, s: PupilSituation): string[] {
  const t = rules.psp.triggers;
  const why: string[] = [];
  if (s.suspensionsThisYear >= t.suspensionsThisYear) why.push(`${count(s.suspensionsThisYear, 'suspension')} this school year`);
  if (s.longestSuspensionDays >= t.singleSuspensionDays) why.push(`a suspension of ${count(s.longestSuspensionDays, 'day')}`);
  if (s.riskOfPermanentExclusion) why.push('at risk of permanent exclusion');
  if (s.rapidlyDeteriorating && (s.planStatus === 'reviewed-no-change' || s.planNotWorking)) why.push('behaviour deteriorating fast after planning that has not worked');
  if (s.returningFromSuspensionDays >= rules.psp.beforeReturnFromDays)
    why.push(`returning from a ${s.returningFromSuspensionDays}-day suspension: put the PSP in place before the return`);
  return why;
}

/**
 * Suspension days against the term and year figures: this term's school days against the
 * governing board's 15 (or, when the term is not known, the year's, saying so), and the year's against
 * the 45-day limit once it is within 15 of it (seed 000 Appendix 4; 003 "Fixed-Term Exclusion").
 */
function suspensionDays(pack: KnowledgePack, rules: Rules, s: PupilSituation): Recommendation | undefined {
  const { maxDaysPerYear: max, governorsMustMeetAfterDaysInTerm: term } = rules.suspensions;
  const year = s.suspensionDaysThisYear;
  const left = Math.max(0, max - year);
  const limit = left === 0 ? `the ${max}-day limit is reached: no further suspension this school year` : `${left} left before the ${max}-day limit`;
  const inTerm = s.suspensionDaysThisTerm;
  const why =
    inTerm !== undefined && inTerm >= term
      ? `${inTerm} school days of suspension this term (${term === inTerm ? `one more and` : `more than ${term}:`} the governing board must consider reinstatement); ${year} this school year, ${limit}`
      : inTerm === undefined && year >= term
        ? `${year} suspension days this school year, ${limit}; how many fall in this term is not known (more than ${term} in a term and the governing board must consider reinstatement)`
        : year >= max - term
          ? `${year} suspension days this school year, ${limit}`
          : undefined;
  if (!why) return undefined;
  const short = `${inTerm !== undefined ? `${inTerm} school days this term, ${year} this year` : `${year} school days this school year`}: ${left ? `${left} left` : 'none left'}`;
  return { ...fromAdvice(pack, 'suspension-days', 'warning', rules.suspensions.advice, why), briefBecause: short };
}

/**
 * A managed move, or why not: the Fair Access Protocol does not cover looked-after or previously
 * looked-after children (seed 000, "Step 5 – Fair Access Protocol"), and the managed-move procedure
 * is not for pupils with an EHC plan, whose school contacts the SEN team (003, "Managed Move").
 */
function managedMove(pack: KnowledgePack, rules: Rules, s: PupilSituation): Recommendation[] {
  const not = rules.managedMoveNotFor;
  const out: Recommendation[] = [];
  if (s.lookedAfter || s.previouslyLookedAfter) out.push(fromAdvice(pack, 'managed-move-not-looked-after', 'info', not.lookedAfter, 'at risk of permanent exclusion, and looked after or previously looked after'));
  if (s.ehcp) out.push(fromAdvice(pack, 'managed-move-not-ehcp', 'info', not.ehcp, 'at risk of permanent exclusion, with an EHC plan'));
  return out.length ? out : [fromAdvice(pack, 'managed-move', 'info', rules.managedMove, 'at risk of permanent exclusion')];
}

/**
 * Every rule-based warning that applies, in the order a busy reader needs them. `unlawfulReason`
 * is what notesConcerns found in the notes.
 */
export function overlays(pack: KnowledgePack, rules: Rules, s: PupilSituation, today: string, unlawfulReason?: Recommendation): Recommendation[] {
  const out: Recommendation[] = [];
  const add = (r: Recommendation | undefined) => r && out.push(r);

  if (s.permanentlyExcluded)
    add(fromAdvice(pack, 'day-six-provision', 'warning', rules.permanentExclusion.advice, `permanent exclusion: full-time provision from day ${rules.permanentExclusion.provisionFromDay}`));

  if (s.lookedAfter || s.previouslyLookedAfter) {
    const because = s.considerSuspension || s.suspensionsThisYear > 0 ? 'a suspension is being considered or has happened' : 'looked-after or previously looked-after child';
    // Its brief names the child and the suspension already: no why on the first screen.
    // A previously looked-after child is not in care: the pack's own advice for them, where it has one.
    const advice = s.lookedAfter ? rules.lookedAfter.beforeSuspension : (rules.lookedAfter.previouslyBeforeSuspension ?? rules.lookedAfter.beforeSuspension);
    add({ ...fromAdvice(pack, 'virtual-school-before-suspension', 'warning', advice, because), briefBecause: '' });
  }
  add(unlawfulReason);
  if (s.ehcp && (s.considerSuspension || s.suspensionsThisYear > 0 || s.permanentlyExcluded || s.riskOfPermanentExclusion))
    add({ ...fromAdvice(pack, 'ehcp-exclusion', 'warning', rules.beforeExclusion.ehcp, 'a pupil with an EHC plan facing suspension or exclusion'), briefBecause: '' });
  // SEN support: whether needs are met, the SENDCo, an EHC needs assessment and alternatives come
  // before anything about the suspension itself (003 "Fixed-Term Exclusion"; 000 "Legislation and Policy Requirements").
  else if (s.senSupport && rules.beforeExclusion.senSupport && (s.considerSuspension || s.riskOfPermanentExclusion))
    add({ ...fromAdvice(pack, 'sen-support-exclusion', 'warning', rules.beforeExclusion.senSupport, 'a pupil on SEN support facing suspension or exclusion'), briefBecause: '' });

  if (s.activePsp && s.pspReviewsWithoutImpactInARow >= rules.psp.escalateAfterReviewsWithoutImpact)
    add(fromAdvice(pack, 'psp-escalation', 'warning', rules.psp.escalation, `${s.pspReviewsWithoutImpactInARow} PSP reviews in a row without positive change`));
  else if (!s.activePsp && !s.permanentlyExcluded) {
    const why = pspTriggers(rules, s);
    if (why.length) add(fromAdvice(pack, 'psp-recommended', 'warning', rules.psp.advice, why.join('; ')));
  }

  add(suspensionDays(pack, rules, s));

  if (s.onPartTimeTimetable) add(fromAdvice(pack, 'part-time-timetable', 'warning', rules.partTimeTimetable, partTimeBecause(s)));

  if (s.socialWorker) add(fromAdvice(pack, 'social-worker', 'info', rules.socialWorker, 'the pupil has a social worker'));
  if (s.lookedAfter) add(fromAdvice(pack, 'termly-pep', 'info', rules.lookedAfter.pep, `${rules.lookedAfter.pepsPerYear} PEP reviews a year`));

  if (s.ehcRequestedOn) {
    const e = rules.ehcAssessment;
    const decide = addDays(s.ehcRequestedOn, e.decisionWeeks * 7);
    const finish = addDays(s.ehcRequestedOn, e.completionWeeks * 7);
    const late = decide < today ? ' (the decision date has passed: chase the LA)' : '';
    add(fromAdvice(pack, 'ehc-timescales', 'info', e.advice, `requested ${ukDate(s.ehcRequestedOn)}: LA decision due by ${ukDate(decide)}${late}, plan finalised by ${ukDate(finish)}`));
  } else if (s.currentStep >= 5 && !s.ehcp && s.senSupport)
    // Only where the record gives grounds (000 Step 6, 17a: an EHC needs assessment is for a pupil's
    // SEN): a pupil with no SEN recorded was told to consider one (issue 13 §1.4).
    add(fromAdvice(pack, 'ehc-criteria', 'info', rules.ehcAssessment.advice, 'specialist support at SEN support, without an EHCP'));

  if (s.riskOfPermanentExclusion) out.push(...managedMove(pack, rules, s));
  if (s.currentStep <= 2 && s.planStatus === 'none' && !s.permanentlyExcluded) add(fromAdvice(pack, 'early-help', 'info', rules.earlyHelp, 'a need is emerging'));
  return out;
}

/**
 * Why the part-time timetable warning is shown, with what to do (000, 003 Hackney: temporary, agreed
 * with parents, the LA told): until when it runs, by which it is reviewed, and to tell the LA if the
 * record says it has not been told.
 */
function partTimeBecause(s: PupilSituation): string {
  const told = s.partTimeTimetableNotified ? 'on a part-time timetable' : 'on a part-time timetable that the LA has not been told about: tell the LA now';
  if (!s.partTimeTimetableEnds) return told;
  // A timetable longer than the pack's limit has its own review date (set when it was recorded): that one, not the end.
  const review = s.partTimeTimetableReviewBy ? `review it by ${ukDate(s.partTimeTimetableReviewBy)}` : 'review it by then';
  return `${told}. It is planned to end on ${ukDate(s.partTimeTimetableEnds)}: ${review}`;
}
