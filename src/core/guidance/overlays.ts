import type { KnowledgePack } from '../../knowledge/schema/pack.js';
import type { Rules } from '../../knowledge/schema/rules.js';
import { addDays } from '../dates.js';
import { exclusionWarning, safeguardingNotice } from '../safeguarding/concern-notice.js';
import { concernsIn } from '../safeguarding/for-pack.js';
import { fromAdvice } from './recommendation.js';
import type { PupilSituation, Recommendation } from './types.js';

/**
 * What the notes raise, read once: the safeguarding notice (any sign a child may be at risk of
 * harm) and the unlawful-exclusion warning (a reason for which excluding would be unlawful, or an
 * exclusion that would be informal), from concerns.json.
 */
export function notesConcerns(pack: KnowledgePack, notes: string): { safeguarding?: Recommendation; unlawfulReason?: Recommendation } {
  const found = concernsIn(pack, [notes]);
  const safeguarding = safeguardingNotice(pack, found);
  const unlawfulReason = exclusionWarning(pack, found);
  return { ...(safeguarding ? { safeguarding } : {}), ...(unlawfulReason ? { unlawfulReason } : {}) };
}

function pspTriggers(rules: Rules, s: PupilSituation): string[] {
  const t = rules.psp.triggers;
  const why: string[] = [];
  if (s.suspensionsThisYear >= t.suspensionsThisYear) why.push(`${s.suspensionsThisYear} suspensions this school year`);
  if (s.longestSuspensionDays >= t.singleSuspensionDays) why.push(`a suspension of ${s.longestSuspensionDays} days`);
  if (s.riskOfPermanentExclusion) why.push('at risk of permanent exclusion');
  if (s.rapidlyDeteriorating && (s.planStatus === 'reviewed-no-change' || s.planNotWorking)) why.push('behaviour deteriorating fast after planning that has not worked');
  if (s.returningFromSuspensionDays >= rules.psp.beforeReturnFromDays)
    why.push(`returning from a ${s.returningFromSuspensionDays}-day suspension: put the PSP in place before the return`);
  return why;
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
    add(fromAdvice(pack, 'virtual-school-before-suspension', 'warning', rules.lookedAfter.beforeSuspension, because));
  }
  add(unlawfulReason);

  if (s.activePsp && s.pspReviewsWithoutImpactInARow >= rules.psp.escalateAfterReviewsWithoutImpact)
    add(fromAdvice(pack, 'psp-escalation', 'warning', rules.psp.escalation, `${s.pspReviewsWithoutImpactInARow} PSP reviews in a row without positive change`));
  else if (!s.activePsp) {
    const why = pspTriggers(rules, s);
    if (why.length) add(fromAdvice(pack, 'psp-recommended', 'warning', rules.psp.advice, why.join('; ')));
  }

  if (s.suspensionDaysThisYear >= rules.suspensions.governorsMustMeetAfterDaysInTerm) {
    const left = Math.max(0, rules.suspensions.maxDaysPerYear - s.suspensionDaysThisYear);
    add(fromAdvice(pack, 'suspension-days', 'warning', rules.suspensions.advice, `${s.suspensionDaysThisYear} suspension days this school year; ${left} left before the ${rules.suspensions.maxDaysPerYear}-day limit`));
  }

  if (s.onPartTimeTimetable)
    add(fromAdvice(pack, 'part-time-timetable', 'warning', rules.partTimeTimetable, s.partTimeTimetableNotified ? 'on a part-time timetable' : 'on a part-time timetable that the LA has not been told about'));

  if (s.socialWorker) add(fromAdvice(pack, 'social-worker', 'info', rules.socialWorker, 'the pupil has a social worker'));
  if (s.lookedAfter) add(fromAdvice(pack, 'termly-pep', 'info', rules.lookedAfter.pep, `${rules.lookedAfter.pepsPerYear} PEP reviews a year`));

  if (s.ehcRequestedOn) {
    const e = rules.ehcAssessment;
    const decide = addDays(s.ehcRequestedOn, e.decisionWeeks * 7);
    const finish = addDays(s.ehcRequestedOn, e.completionWeeks * 7);
    const late = decide < today ? ' (the decision date has passed: chase the LA)' : '';
    add(fromAdvice(pack, 'ehc-timescales', 'info', e.advice, `requested ${s.ehcRequestedOn}: LA decision due by ${decide}${late}, plan finalised by ${finish}`));
  } else if (s.currentStep >= 5 && !s.ehcp) add(fromAdvice(pack, 'ehc-criteria', 'info', rules.ehcAssessment.advice, 'specialist support without an EHCP'));

  if (s.riskOfPermanentExclusion) add(fromAdvice(pack, 'managed-move', 'info', rules.managedMove, 'at risk of permanent exclusion'));
  if (s.currentStep <= 2 && s.planStatus === 'none') add(fromAdvice(pack, 'early-help', 'info', rules.earlyHelp, 'a need is emerging'));
  return out;
}
