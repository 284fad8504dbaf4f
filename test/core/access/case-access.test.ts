import { describe, expect, it } from 'vitest';
import { pupilFacts } from '../../../src/core/facts/pupil-facts.js';
import type { StaffMember } from '../../../src/core/staff.js';
import { SENDCO, testWorld } from '../../helpers/dialog-context.js';

const TEACHER: StaffMember = { id: 'teacher-1', role: 'teacher', schoolId: 'oak-primary' };
const OTHER_TEACHER: StaffMember = { id: 'teacher-2', role: 'teacher', schoolId: 'oak-primary' };
const OTHER_SENDCO: StaffMember = { id: 'sendco-9', role: 'sendco', schoolId: 'elm-high' };
const LA: StaffMember = { id: 'la-1', role: 'la-officer' };
const ADMIN: StaffMember = { id: 'admin-1', role: 'admin' };

const flags = { senSupport: false, ehcp: false, lookedAfter: false, previouslyLookedAfter: false, socialWorker: false };

async function world() {
  const w = await testWorld();
  const mine = await w.cases.create(TEACHER, { pupilRef: 'T1', initials: 'AB', yearGroup: 4, flags, currentStep: 2, riskOfPermanentExclusion: false });
  const other = await w.cases.create(SENDCO, { pupilRef: 'S1', initials: 'CD', yearGroup: 5, flags, currentStep: 3, riskOfPermanentExclusion: false });
  return { ...w, mine, other };
}

describe('who may see which pupils', () => {
  it('a teacher sees only the pupils they work with', async () => {
    const w = await world();
    expect((await w.cases.visibleCases(TEACHER)).map((c) => c.pupilRef)).toEqual(['T1']);
    expect(await w.cases.findByRef(TEACHER, 'S1')).toBeUndefined();
    expect(await w.cases.findByRef(OTHER_TEACHER, 'T1')).toBeUndefined();
  });

  it('a SENDCo sees every pupil at their school and none at another', async () => {
    const w = await world();
    expect((await w.cases.visibleCases(SENDCO)).map((c) => c.pupilRef).sort()).toEqual(['S1', 'T1']);
    expect(await w.cases.visibleCases(OTHER_SENDCO)).toEqual([]);
  });

  it('a headteacher sees every pupil at their school and none at another, and no headteacher without a school sees any (issue 13 §1.1)', async () => {
    const w = await world();
    const head: StaffMember = { id: 'head-1', role: 'headteacher', schoolId: 'oak-primary' };
    expect((await w.cases.visibleCases(head)).map((c) => c.pupilRef).sort()).toEqual(['S1', 'T1']);
    expect(await w.cases.visibleCases({ ...head, schoolId: 'elm-high' })).toEqual([]);
    expect(await w.cases.get({ id: 'head-3', role: 'headteacher' }, 'oak-primary', w.mine.id)).toBeUndefined();
  });

  it('an LA officer sees only pupils referred to the LA, without the school’s plans or exclusion reasons', async () => {
    const w = await world();
    expect(await w.cases.visibleCases(LA)).toEqual([]);
    await w.cases.change(SENDCO, w.other, 'referral.create', (c, ctx) => ({
      ...c,
      exclusions: [{ id: 'e', kind: 'suspension', startDate: '2026-11-02', days: 2, reason: 'private detail', recordedBy: ctx.by, recordedAt: ctx.now.toISOString() }],
      referrals: [{ id: 'r', date: '2026-11-20', serviceId: 'education-engagement-inclusion-team', toLocalAuthority: true, reasons: 'x', parentalPermission: true, fields: {}, by: ctx.by }],
    }));
    const seen = await w.cases.visibleCases(LA);
    expect(seen.map((c) => c.pupilRef)).toEqual(['S1']);
    expect(seen[0]!.exclusions[0]!.reason).toBe('');
    expect(seen[0]!.timeline).toEqual([]);
    expect(seen[0]!.staffIds).toEqual([]);
  });

  it('an admin manages settings and sees no pupil data', async () => {
    const w = await world();
    expect(await w.cases.visibleCases(ADMIN)).toEqual([]);
    expect(await w.cases.get(ADMIN, 'oak-primary', w.mine.id)).toBeUndefined();
  });

  it('only staff who may see a pupil may change their record', async () => {
    const w = await world();
    await expect(w.cases.change(OTHER_TEACHER, w.mine, 'pcp.create', (c) => c)).rejects.toThrow(/cannot change this pupil’s record/);
    await expect(w.cases.change(LA, w.mine, 'pcp.create', (c) => c)).rejects.toThrow(/cannot change/);
  });

  it('only a SENDCo at the pupil’s school may set their step outside a review; every refusal is audited', async () => {
    const w = await world();
    const move = { to: 3, reason: 'Agreed at the review meeting' };
    await expect(w.cases.setStep(TEACHER, w.mine, move)).rejects.toThrow(/Only a SENDCo can move a pupil/);
    await expect(w.cases.setStep(OTHER_SENDCO, w.mine, move)).rejects.toThrow(/cannot change this pupil’s record/);
    await expect(w.cases.setStep(LA, w.mine, move)).rejects.toThrow(/cannot change/);
    await expect(w.cases.setStep(ADMIN, w.mine, move)).rejects.toThrow(/cannot change/);
    expect((await w.audit.list({ caseId: w.mine.id })).filter((e) => e.action === 'step.set').map((e) => [e.actorId, e.outcome])).toEqual([
      ['teacher-1', 'denied'],
      ['sendco-9', 'denied'],
      ['la-1', 'denied'],
      ['admin-1', 'denied'],
    ]);
    const moved = await w.cases.setStep(SENDCO, w.mine, move);
    expect(moved.stepChanges).toEqual([expect.objectContaining({ from: 2, to: 3, cause: 'set', agreedBy: SENDCO.id, reason: move.reason })]);
  });

  it('an LA officer sees the step but not why it changed', async () => {
    const w = await world();
    await w.cases.setStep(SENDCO, w.other, { to: 4, reason: 'private detail' });
    await w.cases.change(SENDCO, w.other, 'referral.create', (c) => ({
      ...c,
      referrals: [{ id: 'r', date: '2026-11-20', serviceId: 'education-engagement-inclusion-team', toLocalAuthority: true, reasons: 'x', parentalPermission: true, fields: {}, by: SENDCO.id }],
    }));
    const [seen] = await w.cases.visibleCases(LA);
    expect(seen).toMatchObject({ currentStep: 4, stepChanges: [] });
  });

  it('an LA officer sees the facts as they stand, but not their chronology (who recorded what, and why)', async () => {
    const w = await world();
    await w.cases.recordFact(SENDCO, w.other, { fact: 'care', care: 'looked-after', on: '2026-11-02', why: 'private detail' });
    await w.cases.change(SENDCO, w.other, 'referral.create', (c) => ({
      ...c,
      referrals: [{ id: 'r', date: '2026-11-20', serviceId: 'education-engagement-inclusion-team', toLocalAuthority: true, reasons: 'x', parentalPermission: true, fields: {}, by: SENDCO.id }],
    }));
    const [seen] = await w.cases.visibleCases(LA);
    expect(seen).toMatchObject({ flags: { lookedAfter: true }, facts: [] });
    expect(pupilFacts(seen!).flags.lookedAfter).toBe(true);
    expect(JSON.stringify(seen)).not.toContain('private detail');
  });

  it('an LA officer cannot add pupils', async () => {
    const w = await world();
    await expect(w.cases.create(LA, { pupilRef: 'X', initials: 'X', yearGroup: 1, flags, currentStep: 1, riskOfPermanentExclusion: false })).rejects.toThrow(/Only teachers and SENDCos/);
  });
});

describe('the audit trail', () => {
  it('records reads, refusals and changes by ids only', async () => {
    const w = await world();
    await w.cases.findByRef(OTHER_TEACHER, 'T1');
    await w.cases.findByRef(TEACHER, 'T1');
    const events = await w.audit.list({ caseId: w.mine.id });
    expect(events.map((e) => [e.actorId, e.action, e.outcome])).toEqual([
      ['teacher-1', 'case.create', 'done'],
      ['teacher-2', 'case.read', 'denied'],
      ['teacher-1', 'case.read', 'allowed'],
    ]);
    const values = events.flatMap((e) => Object.values(e));
    expect(values).not.toContain('AB');
    expect(values).not.toContain('T1');
  });
});
