import { addDays } from '../../../src/core/dates.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { PupilCase } from '../../../src/core/cases/pupil-case.js';
import { guide } from '../../../src/core/guidance/guide.js';
import { pathwayFor, stepAfterNoChange } from '../../../src/core/guidance/pathway-decision.js';
import { situationFromCase } from '../../../src/core/guidance/situation.js';
import { addPastoralSupportPlan, addPersonCentredPlan, addReferral, moveAfterReview, recordPcpReview, recordPspReview, setStep, type ChangeContext } from '../../../src/core/plans/plan-changes.js';
import type { KnowledgePack } from '../../../src/knowledge/schema/pack.js';
import { makeCase } from '../../helpers/make-case.js';
import { worcestershire } from '../../helpers/pack.js';

/**
 * The transitions of 000 (Graduated Response to Preventing Exclusions: Steps 1–6, actions 1–17b,
 * each step's YES/NO branch and stepping down) as a table: a starting record, one event recorded
 * through the same change functions the dialogs use, and the step and next actions (by number)
 * that the pure function `pathwayFor(record)` gives. Every row names the part of 000 it follows.
 */

let pack: KnowledgePack;
beforeAll(async () => {
  pack = await worcestershire();
});

const TODAY = '2026-11-20';
const ctx: ChangeContext = { by: 'sendco-1', now: new Date('2026-11-20T10:00:00Z') };

/** Something recorded about the pupil, as the dialogs record it. */
type Event = { name: string; apply: (c: PupilCase) => PupilCase };

const reviewsOf = (plans: readonly { id: string; reviews: readonly unknown[] }[], id: string) => plans.find((p) => p.id === id)!.reviews.length;
const activePcp = (c: PupilCase) => c.pcps.find((p) => p.status === 'active')!.id;
const pcp: Event = { name: 'a PCP is written', apply: (c) => addPersonCentredPlan(c, { fields: {}, reviewDate: '2026-12-18' }, ctx) };
const review = (positive: boolean): Event => ({
  name: positive ? 'a review: positive change (YES)' : 'a review: no positive change (NO)',
  // One review of a plan a day is kept, so each earlier one is a day before (the order recorded decides, not the date).
  apply: (c) => recordPcpReview(c, activePcp(c), { date: addDays(TODAY, -reviewsOf(c.pcps, activePcp(c))), positiveChange: positive, notes: '' }, ctx),
});
const YES = review(true);
const NO = review(false);
/** "Record that move now? yes" after a review without positive change. */
const moveUp: Event = { name: 'the move up is recorded after the review', apply: (c) => moveAfterReview(c, stepAfterNoChange(c.currentStep)!, ctx) };
const referral: Event = {
  name: 'a referral to external agencies',
  apply: (c) => addReferral(c, { date: TODAY, serviceId: 'education-engagement-inclusion-team', toLocalAuthority: true, reasons: 'Persistent disruption', parentalPermission: true, fields: {} }, ctx),
};
const sendcoSets = (to: number): Event => ({ name: `the SENDCo sets Step ${to}`, apply: (c) => setStep(c, { to, reason: 'Agreed at the review meeting', agreedWith: 'class teacher' }, ctx) });
const nothing: Event = { name: 'what next?', apply: (c) => c };
const psp: Event = {
  name: 'a PSP is started',
  apply: (c) => addPastoralSupportPlan(c, { overseeingLeaderId: 'sendco-1', startDate: '2026-11-02', targets: ['Attend every lesson'], fields: {}, reviewIntervalDays: 21 }, ctx),
};
/** A PSP review recorded now but dated a week earlier: the order recorded decides, not the date (issue 11). */
const pspReview = (positive: boolean): Event => ({
  name: positive ? 'a PSP review dated earlier: positive change' : 'a PSP review dated earlier: no positive change, targets amended',
  apply: (c) => recordPspReview(c, c.psps.find((p) => p.status === 'active')!.id, { date: addDays('2026-11-14', -reviewsOf(c.psps, c.psps.find((p) => p.status === 'active')!.id)), positiveChange: positive, notes: '', ...(positive ? {} : { targets: ['Attend every lesson', 'Use the time-out card'] }) }, ctx),
});

/** A pupil just added at `step`, then the events in `given`. */
function recordAt(step: number, given: Event[] = []): PupilCase {
  const added = makeCase({ currentStep: step, timeline: [{ at: '2026-09-07T09:00:00.000Z', by: 'sendco-1', what: 'case.created' }] });
  return given.reduce((c, e) => e.apply(c), added);
}

interface Row {
  /** The part of 000 the row follows. */
  source: string;
  start: number;
  given?: Event[];
  when: Event;
  then: {
    /** The step the pupil is on after the event. */
    step: number;
    recommended: number;
    movement: 'stay' | 'step-up' | 'step-down';
    actions: string[];
    /** The step change the event recorded, if it moved the pupil. */
    moved?: { from: number; to: number; cause: 'review' | 'referral' | 'plan' | 'set' };
  };
}

const ROWS: Row[] = [
  // Step 1 (Universal): a concern beyond the whole-school offer starts Step 2.
  { source: 'Universal – Step 1; Step 2 actions 1–6', start: 1, when: nothing, then: { step: 1, recommended: 2, movement: 'step-up', actions: ['1', '2', '3', '4', '5', '6'] } },
  { source: 'Step 2 action 5 (formulate a PCP) from Step 1', start: 1, when: pcp, then: { step: 2, recommended: 2, movement: 'stay', actions: ['6', '7'], moved: { from: 1, to: 2, cause: 'plan' } } },

  // Step 2: actions 1–7.
  { source: 'Step 2 actions 1–6 (assess, plan, do)', start: 2, when: nothing, then: { step: 2, recommended: 2, movement: 'stay', actions: ['1', '2', '3', '4', '5', '6'] } },
  { source: 'Step 2 actions 6–7 (do, review)', start: 2, when: pcp, then: { step: 2, recommended: 2, movement: 'stay', actions: ['6', '7'] } },
  { source: 'Step 2 action 7 YES: staff member continues to support pupil', start: 2, given: [pcp], when: YES, then: { step: 2, recommended: 2, movement: 'stay', actions: ['7'] } },
  { source: 'Step 2 action 7 NO: staff member seeks support from SENDCo (Step 3)', start: 2, given: [pcp], when: NO, then: { step: 2, recommended: 3, movement: 'step-up', actions: ['8', '9', '10', '11', '12'] } },
  { source: 'Step 2 action 7 NO, the move recorded: Step 3 begins at action 8', start: 2, given: [pcp, NO], when: moveUp, then: { step: 3, recommended: 3, movement: 'stay', actions: ['8', '9', '10', '11', '12'], moved: { from: 2, to: 3, cause: 'review' } } },
  { source: 'Step 2 action 7: only the latest review counts (NO then YES)', start: 2, given: [pcp, NO], when: YES, then: { step: 2, recommended: 2, movement: 'stay', actions: ['7'] } },

  // Step 3: actions 8–12.
  { source: 'Step 3 action 10 (jointly update PCP), then 11–12', start: 2, given: [pcp, NO, moveUp], when: pcp, then: { step: 3, recommended: 3, movement: 'stay', actions: ['11', '12'] } },
  { source: 'Step 3 action 12 YES: staff member continues to support pupil with SENDCo', start: 2, given: [pcp, NO, moveUp, pcp], when: YES, then: { step: 3, recommended: 3, movement: 'stay', actions: ['12'] } },
  { source: 'Step 3 action 12 NO: SENDCo leads support (Step 4)', start: 2, given: [pcp, NO, moveUp, pcp], when: NO, then: { step: 3, recommended: 4, movement: 'step-up', actions: ['13'] } },
  { source: 'Step 3 action 12 NO, the move recorded: Step 4 begins at action 13', start: 2, given: [pcp, NO, moveUp, pcp, NO], when: moveUp, then: { step: 4, recommended: 4, movement: 'stay', actions: ['13'], moved: { from: 3, to: 4, cause: 'review' } } },
  { source: 'Step 3 action 12 NO on the plan carried up from Step 2 (reviewed jointly, action 8)', start: 2, given: [pcp, NO, moveUp], when: NO, then: { step: 3, recommended: 4, movement: 'step-up', actions: ['13'] } },
  { source: 'Step 3: a plan rewritten after a review starts its cycle again (10, then 11–12)', start: 3, given: [pcp, NO], when: pcp, then: { step: 3, recommended: 3, movement: 'stay', actions: ['11', '12'] } },

  // Step 4: actions 13–15.
  { source: 'Step 4 action 13 (monitor and review PCP, intensifying provision)', start: 4, when: pcp, then: { step: 4, recommended: 4, movement: 'stay', actions: ['13'] } },
  { source: 'Step 4 action 13 YES: school continues with successful strategies', start: 4, given: [pcp], when: YES, then: { step: 4, recommended: 4, movement: 'stay', actions: ['13'] } },
  { source: 'Step 4 action 13 NO: move to 14 (formal meeting) and 15 (referral to external agencies)', start: 4, given: [pcp], when: NO, then: { step: 4, recommended: 4, movement: 'stay', actions: ['14', '15'] } },
  { source: 'Step 4 action 15 referral: the pupil is at Step 5, action 16', start: 4, given: [pcp, NO], when: referral, then: { step: 5, recommended: 5, movement: 'stay', actions: ['16'], moved: { from: 4, to: 5, cause: 'referral' } } },
  { source: 'Step 4 action 15 set by the SENDCo instead of a referral: Step 5, action 16', start: 4, given: [pcp, NO], when: sendcoSets(5), then: { step: 5, recommended: 5, movement: 'stay', actions: ['16'], moved: { from: 4, to: 5, cause: 'set' } } },

  // Step 5: action 16.
  { source: 'Step 5 action 16', start: 5, when: pcp, then: { step: 5, recommended: 5, movement: 'stay', actions: ['16'] } },
  { source: 'Step 5 with positive change: specialist support continues (16)', start: 5, given: [pcp], when: YES, then: { step: 5, recommended: 5, movement: 'stay', actions: ['16'] } },
  { source: 'Step 6 action 17a: needs that have not responded to school and specialist support', start: 5, given: [pcp], when: NO, then: { step: 5, recommended: 6, movement: 'step-up', actions: ['17a', '17b'] } },
  { source: 'Step 6 actions 17a–17b, the move recorded', start: 5, given: [pcp, NO], when: moveUp, then: { step: 6, recommended: 6, movement: 'stay', actions: ['17a', '17b'], moved: { from: 5, to: 6, cause: 'review' } } },

  // Step 6: actions 17a–17b, the last step.
  { source: 'Step 6 actions 17a (EHC assessment criteria), 17b (outreach)', start: 6, when: nothing, then: { step: 6, recommended: 6, movement: 'stay', actions: ['17a', '17b'] } },
  { source: 'Step 6 NO: the EHC process and outreach stay under review', start: 6, given: [pcp], when: NO, then: { step: 6, recommended: 6, movement: 'stay', actions: ['17a', '17b'] } },
  { source: 'Step 6 YES: outreach continues', start: 6, given: [pcp], when: YES, then: { step: 6, recommended: 6, movement: 'stay', actions: ['17b'] } },
  { source: 'Step 6: a referral at Step 6 moves nothing, and the Step 6 review still counts', start: 6, given: [pcp, NO], when: referral, then: { step: 6, recommended: 6, movement: 'stay', actions: ['17a', '17b'] } },

  // A referral to external agencies is Step 4's action 15 (led by the SENDCo): from a lower step it
  // is the move to Step 4, not to the specialist Step 5, and earlier reviews stay behind.
  { source: 'Step 4 action 15 referral made from Step 2: Step 4, action 13; the Step 2 review is not read at Step 4', start: 2, given: [pcp, NO], when: referral, then: { step: 4, recommended: 4, movement: 'stay', actions: ['13'], moved: { from: 2, to: 4, cause: 'referral' } } },
  { source: 'Step 4 action 15 referral made from Step 3: Step 4, action 13', start: 3, given: [pcp], when: referral, then: { step: 4, recommended: 4, movement: 'stay', actions: ['13'], moved: { from: 3, to: 4, cause: 'referral' } } },
  { source: 'Step 5: a referral at Step 5 moves nothing', start: 5, given: [pcp], when: referral, then: { step: 5, recommended: 5, movement: 'stay', actions: ['16'] } },

  // Stepping down (Guiding Principles: "Intervention can be stepped down, when appropriate").
  { source: 'Step down from Step 2 to the universal offer (Step 1)', start: 2, given: [pcp, YES], when: YES, then: { step: 2, recommended: 1, movement: 'step-down', actions: [] } },
  { source: 'Step down from Step 3 to Step 2: its actions 6–7', start: 3, given: [pcp, YES], when: YES, then: { step: 3, recommended: 2, movement: 'step-down', actions: ['6', '7'] } },
  { source: 'Step down from Step 4 to Step 3: its actions 11–12', start: 4, given: [pcp, YES], when: YES, then: { step: 4, recommended: 3, movement: 'step-down', actions: ['11', '12'] } },
  { source: 'Step down from Step 5 to Step 4: action 13', start: 5, given: [pcp, YES], when: YES, then: { step: 5, recommended: 4, movement: 'step-down', actions: ['13'] } },
  { source: 'Step down from Step 6 to Step 5: action 16', start: 6, given: [pcp, YES], when: YES, then: { step: 6, recommended: 5, movement: 'step-down', actions: ['16'] } },
  { source: 'Step down recorded by the SENDCo: the plan carries down, Step 2 actions 6–7', start: 3, given: [pcp, YES, YES], when: sendcoSets(2), then: { step: 2, recommended: 2, movement: 'stay', actions: ['6', '7'], moved: { from: 3, to: 2, cause: 'set' } } },
  { source: 'Step down recorded to Step 1: the whole-school offer, no numbered actions', start: 2, given: [pcp, YES, YES], when: sendcoSets(1), then: { step: 1, recommended: 1, movement: 'stay', actions: [], moved: { from: 2, to: 1, cause: 'set' } } },
  { source: 'After a step down, Step 3’s positive reviews do not count at Step 2 (one YES is not two)', start: 3, given: [pcp, YES, YES, sendcoSets(2)], when: YES, then: { step: 2, recommended: 2, movement: 'stay', actions: ['7'] } },
  { source: 'Step 3 YES twice, then a PSP review without positive change: not sustained, so no step down (12)', start: 3, given: [pcp, YES, YES, psp], when: pspReview(false), then: { step: 3, recommended: 3, movement: 'stay', actions: ['12'] } },
  { source: 'Step 3 after a PSP review without positive change: one YES is not two (12)', start: 3, given: [pcp, YES, YES, psp, pspReview(false)], when: YES, then: { step: 3, recommended: 3, movement: 'stay', actions: ['12'] } },
  { source: 'Step 3 YES twice, then a PSP review with positive change: step down still suggested', start: 3, given: [pcp, YES, YES, psp], when: pspReview(true), then: { step: 3, recommended: 2, movement: 'step-down', actions: ['6', '7'] } },
  { source: 'Step 3 YES then NO: the latest review at the step decides (12 NO)', start: 3, given: [pcp, YES], when: NO, then: { step: 3, recommended: 4, movement: 'step-up', actions: ['13'] } },

  // A SENDCo sets the step up.
  { source: 'Step 4 set by the SENDCo from Step 2: action 13 with the plan from Step 2', start: 2, given: [pcp], when: sendcoSets(4), then: { step: 4, recommended: 4, movement: 'stay', actions: ['13'], moved: { from: 2, to: 4, cause: 'set' } } },
  { source: 'Step 2 set by the SENDCo before any plan: actions 1–6', start: 1, when: sendcoSets(2), then: { step: 2, recommended: 2, movement: 'stay', actions: ['1', '2', '3', '4', '5', '6'], moved: { from: 1, to: 2, cause: 'set' } } },
];

describe('000 pathway transitions, as a table', () => {
  it.each(ROWS.map((r) => [`${r.source}: Step ${r.start}${(r.given ?? []).map((e) => `, ${e.name}`).join('')}; then ${r.when.name}`, r] as const))('%s', (_, row) => {
    const before = recordAt(row.start, row.given);
    const after = PupilCase.parse(row.when.apply(before));
    const p = pathwayFor(after);
    expect({ step: p.step, recommended: p.recommendedStep, movement: p.movement, actions: p.actionIds }).toEqual({
      step: row.then.step,
      recommended: row.then.recommended,
      movement: row.then.movement,
      actions: row.then.actions,
    });
    expect(after.currentStep).toBe(row.then.step);
    // The guidance shows the same decision, with every action the pack has under that step.
    const g = guide(pack, situationFromCase(after, TODAY), TODAY);
    expect(g.actions.map((a) => a.actionRef)).toEqual(row.then.actions);
    expect(g.recommendedStep).toBe(row.then.recommended);
    const actionSteps = new Set(g.actions.map((a) => pack.pathway!.actions.find((x) => x.id === a.actionRef)!.step));
    expect([...actionSteps].every((s) => s === row.then.recommended)).toBe(true);
    // A move is recorded with why and who agreed it; anything else records none.
    const moves = after.stepChanges.slice(before.stepChanges.length);
    if (row.then.moved) {
      expect(moves).toHaveLength(1);
      expect(moves[0]).toMatchObject({ ...row.then.moved, agreedBy: 'sendco-1' });
      expect(moves[0]!.reason.length).toBeGreaterThan(5);
      expect(after.timeline.find((t) => t.ref === moves[0]!.id)).toMatchObject({ what: row.then.moved.to > row.then.moved.from ? 'step.up' : 'step.down' });
    } else expect(moves).toEqual([]);
  });

  it('covers every numbered action of 000 and both branches of every review', () => {
    const shown = new Set(ROWS.flatMap((r) => r.then.actions));
    expect([...shown].sort()).toEqual(pack.pathway!.actions.map((a) => a.id).sort());
    for (const step of [2, 3, 4, 5, 6]) {
      const at = (e: Event) => ROWS.some((r) => r.when === e && r.then.step === step && r.then.movement !== 'step-down');
      expect([step, at(YES), at(NO)]).toEqual([step, true, true]);
    }
    for (const from of [2, 3, 4, 5, 6]) expect(ROWS.some((r) => r.then.movement === 'step-down' && r.then.step === from)).toBe(true);
  });
});

describe('reviews record the step they were held at', () => {
  it('a review saved at Step 2 says so, and the move it leads to refers to it', () => {
    const c = recordAt(2, [pcp, NO, moveUp]);
    const r = c.pcps[0]!.reviews[0]!;
    expect(r.step).toBe(2);
    expect(c.stepChanges[0]).toMatchObject({ from: 2, to: 3, cause: 'review', ref: r.id, agreedBy: 'sendco-1' });
    expect(c.stepChanges[0]!.reason).toContain('no positive change');
  });

  it('a referral names itself in the move it caused', () => {
    const c = recordAt(3, [referral]);
    expect(c.stepChanges[0]).toMatchObject({ from: 3, to: 4, cause: 'referral', ref: c.referrals[0]!.id });
    expect(c.stepChanges[0]!.reason).toContain('Step 4, led by the SENDCo (action 15)');
    expect(c.timeline.map((t) => t.what)).toEqual(['case.created', 'referral.made', 'step.up']);
  });

  it('a review without positive change moves the pupil up where 000 says it does, and nowhere else', () => {
    expect([1, 2, 3, 4, 5, 6].map(stepAfterNoChange)).toEqual([undefined, 3, 4, undefined, 6, undefined]);
  });

  it('setting the step the pupil is already on is refused', () => {
    expect(() => sendcoSets(3).apply(recordAt(3))).toThrow(/already at Step 3/);
  });
});

describe('PSP reviews are read in the order recorded (issue 11)', () => {
  it('a PSP review without positive change, dated before one already recorded, still counts towards escalation', () => {
    const laterDated: Event = {
      name: 'a PSP review dated later: positive change',
      apply: (c) => recordPspReview(c, c.psps[0]!.id, { date: '2026-11-18', positiveChange: true, notes: '' }, ctx),
    };
    const c = recordAt(3, [pcp, psp, laterDated, pspReview(false)]);
    expect(situationFromCase(c, TODAY).pspReviewsWithoutImpactInARow).toBe(1);
  });
});

describe('Step 6 for a pupil who already has an EHC plan (issue 11.7)', () => {
  const withEhcp = (step: number, given: Event[] = []) => given.reduce((c, e) => e.apply(c), makeCase({ currentStep: step, flags: { ...makeCase().flags, ehcp: true }, timeline: [{ at: '2026-09-07T09:00:00.000Z', by: 'sendco-1', what: 'case.created' }] }));

  it('suggests an (emergency) annual review with the SEN team and outreach, not a new EHC needs assessment', () => {
    const c = withEhcp(6);
    const p = pathwayFor(c);
    expect(p.actionIds).toEqual(['17b']);
    expect(p.headline).toContain('annual review');
    expect(p.headline).toContain('SEN team');
    const g = guide(pack, situationFromCase(c, TODAY), TODAY);
    expect(g.actions.map((a) => a.actionRef)).toEqual(['17b']);
  });

  it('the move up from Step 5 says the same', () => {
    const p = pathwayFor(withEhcp(5, [pcp, NO]));
    expect(p).toMatchObject({ recommendedStep: 6, movement: 'step-up', actionIds: ['17b'] });
    expect(p.headline).toContain('annual review');
  });

  it('without an EHC plan, Step 6 still considers the criteria for an assessment (17a)', () => {
    expect(pathwayFor(recordAt(6)).actionIds).toEqual(['17a', '17b']);
  });
});
