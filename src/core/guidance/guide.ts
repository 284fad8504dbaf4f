import type { KnowledgePack } from '../../knowledge/schema/pack.js';
import { AppError } from '../errors.js';
import { notesConcerns, overlays } from './overlays.js';
import { decidePathway } from './pathway-decision.js';
import { fromAction } from './recommendation.js';
import type { Guidance, LadderRung, PupilSituation, Recommendation } from './types.js';

/**
 * "What next for this pupil?": the pathway decision, then the rule overlays, each naming who
 * leads it and the seed section it comes from. Pure and synchronous: no I/O, no clock.
 */
export function guide(pack: KnowledgePack, s: PupilSituation, today: string): Guidance {
  const { pathway, rules } = pack;
  if (!pathway || !rules) throw new AppError(`The ${pack.localAuthority} pack has no pathway or rules, so it cannot give step-by-step guidance.`, 'knowledge-pack');

  const decision = s.permanentlyExcluded ? afterPermanentExclusion(s.currentStep, rules.permanentExclusion.provisionFromDay) : decidePathway(s);
  const byId = new Map(pathway.actions.map((a) => [a.id, a]));
  const actions = decision.actionIds.flatMap((id) => {
    const a = byId.get(id);
    if (!a) return [];
    const outcome = decision.reviewed?.actionId === id ? decision.reviewed.outcome : undefined;
    const r = fromAction(pack, a, outcome);
    return [s.pspOnly ? aboutThePsp(r, rules.psp.reviewIntervalDays) : r];
  });

  const ladder: LadderRung[] = pathway.steps.map((st) => ({
    step: st.number,
    title: st.title,
    tier: st.tier,
    state:
      st.number === decision.recommendedStep && decision.movement !== 'stay'
        ? 'recommended'
        : st.number === s.currentStep
          ? 'current'
          : st.number < s.currentStep
            ? 'past'
            : 'ahead',
  }));

  const { safeguarding, unlawfulReason } = notesConcerns(pack, s.notes, s.exclusionReasons);
  return {
    currentStep: s.currentStep,
    recommendedStep: decision.recommendedStep,
    movement: decision.movement,
    headline: decision.headline,
    ...(decision.more ? { more: decision.more } : {}),
    ladder,
    ...(safeguarding ? { safeguarding } : {}),
    actions,
    warnings: overlays(pack, rules, s, today, unlawfulReason),
  };
}

/**
 * A pathway action written about "the PCP" (000 Step 4, action 13), for a pupil whose only plan is a
 * PSP: said of the PSP and its reviews every 3–4 weeks (003, PSP; the pack's interval in calendar
 * days, shown in weeks), so the SENDCo is not sent to review a plan the pupil does not have.
 */
function aboutThePsp(r: Recommendation, interval: { min: number; max: number }): Recommendation {
  if (!/\bthe PCP\b/.test(r.title) && !/\bthe PCP\b/.test(r.detail)) return r;
  const weeks = interval.min === interval.max ? `${interval.min / 7}` : `${interval.min / 7}–${interval.max / 7}`;
  return {
    ...r,
    title: `${r.title.replace(/\bthe PCP\b/g, 'the PSP')} (its reviews every ${weeks} weeks)`,
    detail: r.detail.replace(/\bthe PCP\b/g, 'the PSP'),
  };
}

/**
 * After a permanent exclusion the pupil is off the school's graduated response: no PCP, PSP or
 * step-by-step action is offered as a next step. The LA arranges full-time education from the sixth
 * school day (000 Step 6; 001, day-6 provision), which the overlays give with their source.
 */
function afterPermanentExclusion(currentStep: number, fromDay: number): ReturnType<typeof decidePathway> {
  return {
    recommendedStep: currentStep,
    movement: 'stay',
    actionIds: [],
    headline: `Permanently excluded: the school’s plans (PCP, PSP) are no longer the next step. The LA arranges full-time education from day ${fromDay}; work with the LA on the pupil’s provision and share the record it needs.`,
    more: 'If the governing board or an independent review panel reinstates the pupil, the school’s graduated response picks up again.',
  };
}
