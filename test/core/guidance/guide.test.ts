import { beforeAll, describe, expect, it } from 'vitest';
import { guide } from '../../../src/core/guidance/guide.js';
import { blankSituation, situationFromCase } from '../../../src/core/guidance/situation.js';
import type { PupilSituation } from '../../../src/core/guidance/types.js';
import type { KnowledgePack } from '../../../src/knowledge/schema/pack.js';
import { makeCase } from '../../helpers/make-case.js';
import { worcestershire } from '../../helpers/pack.js';

let pack: KnowledgePack;
beforeAll(async () => {
  pack = await worcestershire();
});

const TODAY = '2026-11-20';
const run = (s: Partial<PupilSituation>) => guide(pack, { ...blankSituation(), ...s }, TODAY);
const actionRefs = (g: ReturnType<typeof run>) => g.actions.map((a) => a.actionRef);
const warningIds = (g: ReturnType<typeof run>) => g.warnings.map((w) => w.id);

describe('the pathway, step by step', () => {
  it('a concern at Step 1 starts Step 2 with assess, plan and do, led by the class teacher', () => {
    const g = run({ currentStep: 1, planStatus: 'none' });
    expect(g.recommendedStep).toBe(2);
    expect(actionRefs(g)).toEqual(['1', '2', '3', '4', '5', '6']);
    expect(g.actions[0]!.ledBy).toEqual(['class-teacher']);
  });

  it('a Step 2 PCP reviewed without positive change moves to Step 3: SENDCo and teacher review jointly', () => {
    const g = run({ currentStep: 2, planStatus: 'reviewed-no-change' });
    expect(g.movement).toBe('step-up');
    expect(g.recommendedStep).toBe(3);
    expect(actionRefs(g)).toEqual(['8', '9', '10', '11', '12']);
    expect(g.actions[0]!.ledBy).toContain('sendco-and-teacher');
    expect(g.ladder.find((r) => r.step === 3)!.state).toBe('recommended');
    expect(g.ladder.find((r) => r.step === 2)!.state).toBe('current');
  });

  it('a Step 3 plan without change moves to Step 4 led by the SENDCo, which begins by intensifying the plan (13)', () => {
    const g = run({ currentStep: 3, planStatus: 'reviewed-no-change' });
    expect(g.recommendedStep).toBe(4);
    // 000 Step 4: the formal meeting and referral (14, 15) are the NO branch of action 13, not yet.
    expect(actionRefs(g)).toEqual(['13']);
    expect(g.actions.every((a) => a.ledBy.includes('sendco'))).toBe(true);
  });

  it('Step 4 without change leads to the formal meeting and the referral, which is the move to Step 5', () => {
    const g = run({ currentStep: 4, planStatus: 'reviewed-no-change' });
    expect(g.recommendedStep).toBe(4);
    expect(actionRefs(g)).toEqual(['14', '15']);
    expect(g.more).toMatch(/referral moves the pupil to Step 5/);
  });

  it('Step 5 without change points to the EHC criteria and outreach (17a, 17b)', () => {
    expect(actionRefs(run({ currentStep: 5, planStatus: 'reviewed-no-change' }))).toEqual(['17a', '17b']);
  });

  it('positive change keeps going at the same step', () => {
    const g = run({ currentStep: 3, planStatus: 'reviewed-positive', positiveReviewsInARow: 1 });
    expect(g.movement).toBe('stay');
    expect(g.recommendedStep).toBe(3);
  });

  it('sustained positive change suggests stepping down: the pathway runs both ways', () => {
    const g = run({ currentStep: 3, planStatus: 'reviewed-positive', positiveReviewsInARow: 2 });
    expect(g.movement).toBe('step-down');
    expect(g.recommendedStep).toBe(2);
  });

  it('every recommendation names who leads it and cites its seed section', () => {
    const g = run({ currentStep: 4, planStatus: 'reviewed-no-change', suspensionsThisYear: 2, lookedAfter: true, onPartTimeTimetable: true, notes: 'sent home because we cannot meet his needs' });
    for (const r of [...g.actions, ...g.warnings]) {
      expect(r.ledByLabel.length).toBeGreaterThan(3);
      expect(r.source.seed).toMatch(/^\d{3}$/);
      expect(r.source.section.length).toBeGreaterThan(3);
    }
  });
});

describe('rules on top of the pathway', () => {
  it('recommends a PSP after two suspensions this year, saying why', () => {
    const g = run({ currentStep: 2, planStatus: 'in-place', suspensionsThisYear: 2, suspensionDaysThisYear: 3, longestSuspensionDays: 2 });
    const psp = g.warnings.find((w) => w.id === 'psp-recommended');
    expect(psp?.because).toContain('2 suspensions');
  });

  it('recommends a PSP after one suspension of ten days or more, but not after one of nine', () => {
    expect(warningIds(run({ suspensionsThisYear: 1, longestSuspensionDays: 10, suspensionDaysThisYear: 10 }))).toContain('psp-recommended');
    expect(warningIds(run({ suspensionsThisYear: 1, longestSuspensionDays: 9, suspensionDaysThisYear: 9 }))).not.toContain('psp-recommended');
  });

  it('recommends a PSP for risk of permanent exclusion and before return from a 10+ day suspension', () => {
    expect(warningIds(run({ riskOfPermanentExclusion: true }))).toContain('psp-recommended');
    const g = run({ returningFromSuspensionDays: 12, suspensionsThisYear: 1, longestSuspensionDays: 12, suspensionDaysThisYear: 12 });
    expect(g.warnings.find((w) => w.id === 'psp-recommended')!.because).toMatch(/before the return/);
  });

  it('rapid deterioration counts only after planning that has not worked', () => {
    expect(warningIds(run({ currentStep: 3, planStatus: 'reviewed-no-change', rapidlyDeteriorating: true }))).toContain('psp-recommended');
    expect(warningIds(run({ currentStep: 3, planStatus: 'in-place', rapidlyDeteriorating: true }))).not.toContain('psp-recommended');
  });

  it('after two PSP reviews without positive change, escalates instead of recommending another PSP', () => {
    const ids = warningIds(run({ activePsp: true, pspReviewsWithoutImpactInARow: 2, suspensionsThisYear: 3, suspensionDaysThisYear: 5, longestSuspensionDays: 2 }));
    expect(ids).toContain('psp-escalation');
    expect(ids).not.toContain('psp-recommended');
    const esc = run({ activePsp: true, pspReviewsWithoutImpactInARow: 2 }).warnings.find((w) => w.id === 'psp-escalation')!;
    expect(esc.services.map((s) => s.id)).toContain('educational-psychology-service');
  });

  it('tells the user to contact the Virtual School before any suspension of a looked-after child', () => {
    const w = run({ lookedAfter: true, considerSuspension: true }).warnings.find((x) => x.id === 'virtual-school-before-suspension');
    expect(w).toBeDefined();
    expect(w!.services.map((s) => s.id)).toContain('virtual-school');
    expect(warningIds(run({ lookedAfter: true }))).toContain('termly-pep');
  });

  it('warns when the reason given would make an exclusion unlawful', () => {
    expect(run({ notes: 'We can’t meet his needs here so he should go' }).warnings[0]!.id).toBe('unlawful-exclusion');
    expect(warningIds(run({ notes: 'threw a chair at a member of staff' }))).not.toContain('unlawful-exclusion');
  });

  it('reminds that a part-time timetable must be time-limited and notified to the LA', () => {
    const w = run({ onPartTimeTimetable: true, partTimeTimetableNotified: false }).warnings.find((x) => x.id === 'part-time-timetable');
    expect(w!.because).toContain('not been told');
  });

  it('after a permanent exclusion, points to provision from day 6', () => {
    const w = run({ permanentlyExcluded: true }).warnings[0]!;
    expect(w.id).toBe('day-six-provision');
    expect(w.because).toContain('day 6');
  });

  it('counts suspension days against the 45-day limit', () => {
    const w = run({ suspensionsThisYear: 4, suspensionDaysThisYear: 40, longestSuspensionDays: 15 }).warnings.find((x) => x.id === 'suspension-days');
    expect(w!.because).toContain('5 left before the 45-day limit');
  });

  it('works out EHC needs assessment dates: decision in 6 weeks, plan in 20', () => {
    const w = run({ currentStep: 6, ehcRequestedOn: '2026-09-01' }).warnings.find((x) => x.id === 'ehc-timescales')!;
    expect(w.because).toContain('decision due by Tue 13 Oct 2026');
    expect(w.because).toContain('passed');
    expect(w.because).toContain('Tue 19 Jan 2027');
  });
});

describe('safeguarding first', () => {
  it('puts the DSL and the Family Front Door before anything else when a child may be at risk', () => {
    const g = run({ currentStep: 2, planStatus: 'none', notes: 'She said she is scared to go home and has bruises on her arm' });
    expect(g.safeguarding).toBeDefined();
    expect(g.safeguarding!.ledBy).toContain('designated-safeguarding-lead');
    expect(g.safeguarding!.services.map((s) => s.id)).toContain('family-front-door');
  });

  it('does not raise safeguarding for ordinary behaviour notes', () => {
    expect(run({ notes: 'refuses to do work in maths and shouts out' }).safeguarding).toBeUndefined();
  });
});

describe('a stored case', () => {
  it('counts only this school year’s suspensions and reads the latest PCP review', () => {
    const c = makeCase({
      currentStep: 2,
      exclusions: [
        { id: 'x1', kind: 'suspension', startDate: '2026-06-10', days: 5, reason: '', recordedBy: 's', recordedAt: '2026-06-10T09:00:00Z' },
        { id: 'x2', kind: 'suspension', startDate: '2026-10-01', days: 2, reason: '', recordedBy: 's', recordedAt: '2026-10-01T09:00:00Z' },
      ],
      pcps: [{ id: 'p', step: 2, ownerId: 's', createdAt: '2026-09-10T09:00:00Z', fields: {}, reviewDate: '2026-12-01', status: 'active', reviews: [{ id: 'r', date: '2026-10-20', positiveChange: false, notes: '', by: 's' }] }],
    });
    const s = situationFromCase(c, TODAY);
    expect(s.suspensionsThisYear).toBe(1);
    expect(s.planStatus).toBe('reviewed-no-change');
    expect(guide(pack, s, TODAY).recommendedStep).toBe(3);
  });
});
