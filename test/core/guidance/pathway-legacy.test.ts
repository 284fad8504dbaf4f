import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { PupilCase } from '../../../src/core/cases/pupil-case.js';
import { pathwayFor } from '../../../src/core/guidance/pathway-decision.js';
import { pathwayEvents, pathwayState, startingStep } from '../../../src/core/guidance/pathway-state.js';
import { LowdbCaseRepository } from '../../../src/core/store/lowdb-case-repository.js';
import { tempDirs } from '../store/temp-dirs.js';

/**
 * Files saved before reviews recorded their step and before moves were step changes: reviews have
 * no `step`, cases no `stepChanges`, a move is a "step.up" timeline entry whose ref is the new step,
 * and a referral moved the pupil to Step 5 without saying so. They still load, and the pathway
 * reads them by the rules in pathway-state.ts.
 */

const dirs = tempDirs();
afterAll(() => dirs.removeAll());

const AT = '2026-10-01T09:00:00.000Z';
const entry = (what: string, ref?: string) => ({ at: AT, by: 'sendco-1', what, ...(ref ? { ref } : {}) });
const oldReview = (id: string, positiveChange: boolean) => ({ id, date: '2026-10-20', positiveChange, notes: '', by: 'sendco-1' });
const oldPlan = (id: string, step: number, reviews: unknown[], status = 'active') => ({ id, step, ownerId: 'sendco-1', createdAt: AT, fields: {}, reviewDate: '2026-12-01', reviews, status });

/** A case as the previous version wrote it: no stepChanges, reviews without a step. */
function oldCase(ref: string, fields: Record<string, unknown>) {
  return {
    id: `case-${ref}`,
    schoolId: 'oak-primary',
    pupilRef: ref,
    initials: 'AB',
    yearGroup: 8,
    flags: { senSupport: true, ehcp: false, lookedAfter: false, previouslyLookedAfter: false, socialWorker: false },
    staffIds: ['sendco-1'],
    riskOfPermanentExclusion: false,
    exclusions: [],
    psps: [],
    referrals: [],
    revision: 3,
    createdAt: AT,
    updatedAt: AT,
    ...fields,
  };
}

const referral = { id: 'ref-1', date: '2026-11-02', serviceId: 'education-engagement-inclusion-team', toLocalAuthority: true, reasons: 'x', parentalPermission: true, fields: {}, by: 'sendco-1' };

const OLD_CASES = {
  /** The first case, as saved: a Step 2 review without change, then "Record that move now? yes". */
  movedUp: oldCase('1001', {
    currentStep: 3,
    pcps: [oldPlan('p1', 2, [oldReview('r1', false)])],
    timeline: [entry('case.created'), entry('pcp.created', 'p1'), entry('pcp.reviewed', 'r1'), entry('step.up', '3')],
  }),
  /** The second case, as saved: the same review, then a referral that moved the pupil silently. */
  referred: oldCase('1002', {
    currentStep: 5,
    pcps: [oldPlan('p1', 2, [oldReview('r1', false)])],
    referrals: [referral],
    timeline: [entry('case.created'), entry('pcp.created', 'p1'), entry('pcp.reviewed', 'r1'), entry('referral.made', 'ref-1')],
  }),
  /** Moved up, then the plan reviewed again at Step 3 without change. */
  reviewedAtThree: oldCase('1003', {
    currentStep: 3,
    pcps: [oldPlan('p1', 2, [oldReview('r1', false), oldReview('r2', false)])],
    timeline: [entry('case.created'), entry('pcp.created', 'p1'), entry('pcp.reviewed', 'r1'), entry('step.up', '3'), entry('pcp.reviewed', 'r2')],
  }),
  /** A hand-made record with no timeline: its review is taken as the latest thing, at the current step. */
  noTimeline: oldCase('1004', { currentStep: 2, pcps: [oldPlan('p1', 2, [oldReview('r1', false)])], timeline: [] }),
  /** Added at Step 3, plan written there, no moves: its review was at Step 3. */
  addedAtThree: oldCase('1005', {
    currentStep: 3,
    pcps: [oldPlan('p1', 3, [oldReview('r1', false)])],
    timeline: [entry('case.created'), entry('pcp.created', 'p1'), entry('pcp.reviewed', 'r1')],
  }),
};

async function openOldFile(): Promise<LowdbCaseRepository> {
  const dir = await dirs.make();
  await mkdir(join(dir, 'schools'));
  await writeFile(join(dir, 'schools', 'oak-primary.json'), JSON.stringify({ schemaVersion: 1, schoolId: 'oak-primary', cases: Object.values(OLD_CASES) }));
  return LowdbCaseRepository.open(dir);
}

describe('files saved before step changes were recorded', () => {
  it('load, and the pathway reads each one from the step the pupil is on now', async () => {
    const repo = await openOldFile();
    const read = async (ref: string) => (await repo.findByPupilRef('oak-primary', ref))!;
    try {
      const movedUp = await read('1001');
      expect(movedUp.stepChanges).toEqual([]);
      expect(movedUp.pcps[0]!.reviews[0]!.step).toBeUndefined();
      const next = (c: PupilCase) => {
        const p = pathwayFor(c);
        return { step: p.step, recommended: p.recommendedStep, actions: p.actionIds };
      };
      // 000 Step 3 begins at action 8: the Step 2 review is not read again at Step 3.
      expect(next(movedUp)).toEqual({ step: 3, recommended: 3, actions: ['8', '9', '10', '11', '12'] });
      // 000 Step 5 action 16: the referral was the move, so the Step 2 review does not give Step 6 advice.
      expect(next(await read('1002'))).toEqual({ step: 5, recommended: 5, actions: ['16'] });
      // 000 Step 3 action 12 NO: a review after the move was held at Step 3.
      expect(next(await read('1003'))).toEqual({ step: 3, recommended: 4, actions: ['13'] });
      expect(next(await read('1004'))).toEqual({ step: 2, recommended: 3, actions: ['8', '9', '10', '11', '12'] });
      expect(next(await read('1005'))).toEqual({ step: 3, recommended: 4, actions: ['13'] });
    } finally {
      await repo.close();
    }
  });

  it('derive the step of each review from the timeline: after the last move before it', () => {
    const c = OLD_CASES.reviewedAtThree as unknown as PupilCase;
    const withDefaults = { ...c, stepChanges: [] } as PupilCase;
    expect(pathwayEvents(withDefaults)).toEqual([
      { kind: 'plan', step: 2 },
      { kind: 'review', positive: false },
      { kind: 'step', from: 2, to: 3 },
      { kind: 'review', positive: false },
    ]);
    expect(startingStep(pathwayEvents(withDefaults), 3)).toBe(2);
    expect(pathwayState(withDefaults)).toMatchObject({ step: 3, arrived: 'up', reviews: [false] });
  });

  it('take a referral with no step change of its own as a move to Step 5 from below it, and never down', () => {
    const referred = { ...(OLD_CASES.referred as unknown as PupilCase), stepChanges: [] } as PupilCase;
    expect(pathwayEvents(referred).at(-1)).toEqual({ kind: 'referral' });
    expect(pathwayState(referred)).toMatchObject({ step: 5, arrived: 'up', reviews: [] });
    const atSix = { ...referred, currentStep: 6, pcps: [{ ...referred.pcps[0]!, step: 6 }] } as PupilCase;
    expect(pathwayState(atSix)).toMatchObject({ step: 6, reviews: [false] });
  });

  it('trust the stored step when the timeline ends elsewhere (a record edited by hand)', () => {
    const edited = { ...(OLD_CASES.addedAtThree as unknown as PupilCase), currentStep: 4, stepChanges: [] } as PupilCase;
    expect(pathwayState(edited)).toMatchObject({ step: 4, reviews: [] });
    expect(pathwayFor(edited).actionIds).toEqual(['13']);
  });
});
