import { randomUUID } from 'node:crypto';
import { canBeSharedWith, canBeUnshared, canCreateAt, canEdit, canSetStep, canShare, caseAccess, redactForLocalAuthority } from '../access/policy.js';
import { AppError } from '../errors.js';
import type { NewFact } from '../facts/fact-entry.js';
import { recordFact } from '../facts/record-fact.js';
import { correctReview, setStep, type ChangeContext, type ReviewCorrection } from '../plans/plan-changes.js';
import type { AuditLog, CaseRepository } from '../store/case-repository.js';
import type { StaffMember } from '../staff.js';
import { ACKNOWLEDGED } from '../record/chronology.js';
import { PupilCase, type PupilFlags } from './pupil-case.js';
import { withdrawExclusion } from '../exclusions/withdrawn.js';
import { reinstate, type NewReinstatement } from '../exclusions/reinstated.js';

export interface NewCase {
  pupilRef: string;
  initials: string;
  yearGroup: number;
  flags: PupilFlags;
  currentStep: number;
  riskOfPermanentExclusion: boolean;
}

/** A change that was saved: who did what, and the case before and after. */
export interface CaseChange {
  user: StaffMember;
  action: string;
  before: PupilCase;
  after: PupilCase;
}

/**
 * The only way channels and dialogs reach pupil cases. Every read and change is checked
 * against the access policy and written to the audit log (ids only).
 */
export class CaseService {
  readonly #listeners: ((change: CaseChange) => void)[] = [];

  constructor(
    private readonly repo: CaseRepository,
    private readonly audit: AuditLog,
    private readonly now: () => Date = () => new Date(),
  ) {}

  private async note(user: StaffMember, action: string, outcome: 'allowed' | 'denied' | 'done', c?: { schoolId: string; id: string }, subjectId?: string) {
    await this.audit.record({ at: this.now().toISOString(), actorId: user.id, action, outcome, ...(c ? { schoolId: c.schoolId, caseId: c.id } : {}), ...(subjectId ? { subjectId } : {}) });
  }

  /** A pupil at the user's school by reference, if the user may see them. */
  async findByRef(user: StaffMember, pupilRef: string): Promise<PupilCase | undefined> {
    if (!user.schoolId) return undefined;
    const c = await this.repo.findByPupilRef(user.schoolId, pupilRef);
    if (!c) return undefined;
    return this.view(user, c);
  }

  async get(user: StaffMember, schoolId: string, caseId: string): Promise<PupilCase | undefined> {
    const c = await this.repo.get(schoolId, caseId);
    return c ? this.view(user, c) : undefined;
  }

  private async view(user: StaffMember, c: PupilCase): Promise<PupilCase | undefined> {
    const access = caseAccess(user, c);
    await this.note(user, 'case.read', access === 'none' ? 'denied' : 'allowed', c);
    if (access === 'none') return undefined;
    return access === 'referral-only' ? redactForLocalAuthority(c) : c;
  }

  /** Every case the user may see. */
  async visibleCases(user: StaffMember): Promise<PupilCase[]> {
    const schools = user.role === 'la-officer' ? await this.repo.listSchools() : user.schoolId ? [user.schoolId] : [];
    const out: PupilCase[] = [];
    for (const school of schools) {
      for (const c of await this.repo.listBySchool(school)) {
        const access = caseAccess(user, c);
        if (access === 'full') out.push(c);
        else if (access === 'referral-only') out.push(redactForLocalAuthority(c));
      }
    }
    await this.note(user, 'case.list', 'allowed');
    return out;
  }

  /**
   * The records an LA officer's figures read: every pupil a school has referred to the LA, whole,
   * for counting only (the figures are suppressed before anyone sees them; no record leaves).
   * Anyone else is refused. Audited by ids only: one line per school whose records were read, with
   * the report's name and period as the action ("la-report:2026-09-01:2026-11-30"), or one refusal.
   */
  async forLaReport(user: StaffMember, report: string): Promise<PupilCase[]> {
    if (user.role !== 'la-officer') {
      await this.note(user, report, 'denied');
      throw new AppError('Only LA officers can see the LA’s figures.', 'forbidden');
    }
    const out: PupilCase[] = [];
    const schools = new Set<string>();
    for (const c of await this.repo.scanAll()) {
      if (caseAccess(user, c) === 'none') continue;
      out.push(c as PupilCase);
      schools.add(c.schoolId);
    }
    await Promise.all(schools.size ? [...schools].map((schoolId) => this.audit.record({ at: this.now().toISOString(), actorId: user.id, action: report, schoolId, outcome: 'allowed' })) : [this.note(user, report, 'allowed')]);
    return out;
  }

  /**
   * Records that these cases were shown to the user on a list (a page of "my pupils", say): one
   * audit line each, ids only, as a list discloses something of every pupil on it. The cases were
   * read through `visibleCases`, so the access rules have already been applied.
   */
  async disclosed(user: StaffMember, shown: readonly { schoolId: string; id: string }[]): Promise<void> {
    // Together, so the audit log writes them as one batch (one flush) rather than one after another.
    await Promise.all(shown.map((c) => this.note(user, 'case.listed', 'allowed', c)));
  }

  /**
   * Records that a document was made from a case the user has just read (`evidence-pack.produced`,
   * ids only). The read itself went through `get` or `findByRef`, which checked and audited it;
   * this says the record also left the bot as a file.
   */
  async produced(user: StaffMember, c: { schoolId: string; id: string }, what: 'evidence-pack'): Promise<void> {
    await this.note(user, `${what}.produced`, 'done', c);
  }

  /**
   * Whether a pupil reference is already used at the person's school, for someone who may add
   * pupils there, so "new pupil" can say so at the reference rather than after every answer.
   * Says no more than `create` would (the reference is taken, not whose pupil it is), and whether
   * the person can already see that pupil: `'free'`, `'seen'` (they can open it) or `'not-shared'`
   * (recorded at their school, not shared with them, so the SENDCo can share it).
   */
  async referenceInUse(user: StaffMember, pupilRef: string): Promise<'free' | 'seen' | 'not-shared'> {
    if (!user.schoolId || !canCreateAt(user, user.schoolId)) return 'free';
    const c = await this.repo.findByPupilRef(user.schoolId, pupilRef);
    if (!c) return 'free';
    return caseAccess(user, c) === 'none' ? 'not-shared' : 'seen';
  }

  async create(user: StaffMember, input: NewCase): Promise<PupilCase> {
    const schoolId = user.schoolId;
    if (!schoolId || !canCreateAt(user, schoolId)) {
      await this.note(user, 'case.create', 'denied');
      throw new AppError('Only teachers and SENDCos can add pupils, and only at their own school.', 'forbidden');
    }
    if (await this.repo.findByPupilRef(schoolId, input.pupilRef))
      throw new AppError(`Pupil reference ${input.pupilRef} is already recorded at your school. Use a different reference, or open that pupil.`, 'conflict');
    const at = this.now().toISOString();
    const draft = {
      id: randomUUID(),
      schoolId,
      ...input,
      staffIds: [user.id],
      exclusions: [],
      pcps: [],
      psps: [],
      referrals: [],
      stepChanges: [],
      facts: [],
      timeline: [{ at, by: user.id, what: 'case.created' }],
      revision: 0,
      createdAt: at,
      updatedAt: at,
    };
    const saved = await this.repo.save(PupilCase.parse(draft), undefined);
    await this.note(user, 'case.create', 'done', saved);
    return saved;
  }

  /**
   * Applies a change to the freshest copy of a case. A conflicting concurrent save surfaces
   * as AppError('conflict') rather than silently losing someone's work. `alsoAudit` are further
   * audit actions recorded with it once it is saved, such as `exclusion.warned:virtual-school`
   * for each warning shown before an exclusion was saved (names and ids only).
   */
  async change(user: StaffMember, ref: { schoolId: string; id: string }, action: string, apply: (c: PupilCase, ctx: ChangeContext) => PupilCase, alsoAudit: readonly string[] = []): Promise<PupilCase> {
    const current = await this.repo.get(ref.schoolId, ref.id);
    if (!current || !canEdit(user, current)) {
      await this.note(user, action, 'denied', ref);
      throw new AppError('You cannot change this pupil’s record. Ask your SENDCo if you should have access.', 'forbidden');
    }
    const next = PupilCase.parse(apply(current, { by: user.id, now: this.now() }));
    const saved = await this.repo.save(next, current.revision);
    await Promise.all([action, ...alsoAudit].map((a) => this.note(user, a, 'done', saved)));
    for (const listener of this.#listeners) listener({ user, action, before: current, after: saved });
    return saved;
  }

  /**
   * Tells `listener` about every saved change (after it is on disk), e.g. so a referral to the LA
   * reaches the LA team's channel. Listeners must not throw or block: they run in the user's turn.
   */
  onChange(listener: (change: CaseChange) => void): void {
    this.#listeners.push(listener);
  }

  /**
   * A SENDCo moves a pupil up or down the pathway outside a review, saying why and who else agreed.
   * Only a SENDCo at the pupil's school may (policy: canSetStep); a refusal is audited like any other.
   */
  async setStep(user: StaffMember, ref: { schoolId: string; id: string }, input: { to: number; reason: string; agreedWith?: string }): Promise<PupilCase> {
    const current = await this.repo.get(ref.schoolId, ref.id);
    if (current && !canSetStep(user, current) && canEdit(user, current)) {
      await this.note(user, 'step.set', 'denied', ref);
      throw new AppError('Only a SENDCo can move a pupil to another step outside a review. Ask your SENDCo, or record a review with "review".', 'forbidden');
    }
    return this.change(user, ref, 'step.set', (c, cc) => setStep(c, input, cc));
  }

  /**
   * An LA officer acknowledged a referral to the LA (the LA team's notice): the case's chronology
   * records it, once, dated by when it happened and by whom, so the pupil's record and evidence pack
   * show it. Only an LA officer, and only for a referral made to the LA; audited either way (ids only).
   * Returns false when there was nothing to record (already acknowledged on the record).
   */
  async referralAcknowledged(user: StaffMember, ref: { schoolId: string; id: string }, referralId: string): Promise<boolean> {
    const current = await this.repo.get(ref.schoolId, ref.id);
    const referral = current?.referrals.find((r) => r.id === referralId && r.toLocalAuthority);
    if (!current || !referral || user.role !== 'la-officer' || caseAccess(user, current) === 'none') {
      await this.note(user, 'referral.acknowledged', 'denied', ref);
      throw new AppError('Only the LA inclusion team can acknowledge a referral to the LA.', 'forbidden');
    }
    if (current.timeline.some((t) => t.what === ACKNOWLEDGED && t.ref === referralId)) return false;
    const at = this.now().toISOString();
    const next = PupilCase.parse({ ...current, timeline: [...current.timeline, { at, by: user.id, what: ACKNOWLEDGED, ref: referralId }], updatedAt: at });
    await this.repo.save(next, current.revision);
    await this.note(user, 'referral.acknowledged', 'done', current);
    return true;
  }

  /**
   * Withdraws a suspension or permanent exclusion recorded by mistake, by a new chronology entry
   * saying who, when and why (core/exclusions/withdrawn.ts): it stays on record and stops counting.
   * Whoever may change the record may; audited as `exclusion.withdrawn`. `today` is a London date.
   * @throws AppError 'forbidden', 'not-found' or 'invalid-input' (already withdrawn, no reason).
   */
  async withdrawExclusion(user: StaffMember, ref: { schoolId: string; id: string }, exclusionId: string, why: string, today: string): Promise<PupilCase> {
    return this.change(user, ref, 'exclusion.withdrawn', (c, cc) => withdrawExclusion(c, exclusionId, why, cc, today));
  }

  /**
   * Corrects a PCP or PSP review's outcome by a new review that says so (plans/plan-changes.ts
   * correctReview); the original stays on the plan. Whoever may change the record may; audited as `review.corrected`.
   * @throws AppError 'forbidden', 'not-found' or 'invalid-input' (no reason, nothing changed).
   */
  async correctReview(user: StaffMember, ref: { schoolId: string; id: string }, reviewId: string, input: ReviewCorrection): Promise<PupilCase> {
    return this.change(user, ref, 'review.corrected', (c, cc) => correctReview(c, reviewId, input, cc));
  }

  /**
   * Records that the pupil is reinstated after a permanent exclusion, as the governors or a review
   * panel decided (core/exclusions/reinstated.ts): the exclusion stays on record and stops standing.
   * Whoever may change the record may; audited as `exclusion.reinstated`.
   * @throws AppError 'forbidden', 'not-found' or 'invalid-input' (not permanent, withdrawn, already reinstated, dated before it).
   */
  async reinstate(user: StaffMember, ref: { schoolId: string; id: string }, input: NewReinstatement): Promise<PupilCase> {
    return this.change(user, ref, 'exclusion.reinstated', (c, cc) => reinstate(c, input, cc));
  }

  /**
   * Adds a fact to the pupil's chronology (care, social worker, SEN, an EHC request, a part-time
   * timetable, a return from suspension, risk of permanent exclusion) or corrects an earlier one.
   * Whoever may change the record may; audited as `fact.<kind>` or `fact.correction`.
   */
  async recordFact(user: StaffMember, ref: { schoolId: string; id: string }, input: NewFact): Promise<PupilCase> {
    return this.change(user, ref, input.corrects ? 'fact.correction' : `fact.${input.fact}`, (c, cc) => recordFact(c, input, cc));
  }

  /**
   * The staff named on a pupil at the person's school, by the pupil's reference, for someone who
   * may share it (policy: canShare); nothing else of the record. Refusals are audited.
   */
  async sharing(user: StaffMember, pupilRef: string): Promise<{ schoolId: string; caseId: string; pupilRef: string; staffIds: string[] } | undefined> {
    if (!user.schoolId) return undefined;
    const c = await this.repo.findByPupilRef(user.schoolId, pupilRef);
    if (!c) return undefined;
    const allowed = canShare(user, c);
    await this.note(user, 'case.sharing', allowed ? 'allowed' : 'denied', c);
    return allowed ? { schoolId: c.schoolId, caseId: c.id, pupilRef: c.pupilRef, staffIds: [...c.staffIds] } : undefined;
  }

  /**
   * A SENDCo (or an admin of the school) names a teacher as working with a pupil, so the teacher
   * sees them; `target` is who the staff directory says `staffId` is. Only a teacher at the pupil's
   * school can be named. Audited as `case.share` with the teacher as subject, refusals too.
   */
  async share(user: StaffMember, ref: { schoolId: string; id: string }, staffId: string, target: StaffMember | undefined): Promise<PupilCase> {
    const c = await this.sharable(user, ref, 'case.share', staffId);
    if (!canBeSharedWith(target, c)) {
      await this.note(user, 'case.share', 'denied', ref, staffId);
      throw new AppError(notATeacherHere(staffId, target, c.schoolId), 'invalid-input');
    }
    if (c.staffIds.includes(staffId)) throw new AppError(`${staffId} already works with pupil ${c.pupilRef} and can see them.`, 'invalid-input');
    return this.saveSharing(user, c, 'case.share', staffId, [...c.staffIds, staffId]);
  }

  /** Takes a member of staff off a pupil, so a teacher no longer sees them. Audited as `case.unshare`. */
  async unshare(user: StaffMember, ref: { schoolId: string; id: string }, staffId: string, target?: StaffMember): Promise<PupilCase> {
    const c = await this.sharable(user, ref, 'case.unshare', staffId);
    if (!c.staffIds.includes(staffId)) throw new AppError(`${staffId} is not named on pupil ${c.pupilRef}, so there is nothing to take away.`, 'invalid-input');
    if (!canBeUnshared(target, staffId, user)) throw new AppError(notRemovable(staffId, target, user), 'invalid-input');
    return this.saveSharing(user, c, 'case.unshare', staffId, c.staffIds.filter((s) => s !== staffId));
  }

  /**
   * Adds a member of staff to the people who work with a pupil, for setting records up (tests, imports):
   * the same permission as `share`, without the staff directory's say on who they are.
   */
  async addStaff(user: StaffMember, ref: { schoolId: string; id: string }, staffId: string): Promise<PupilCase> {
    const c = await this.sharable(user, ref, 'case.staff-added', staffId);
    return c.staffIds.includes(staffId) ? c : this.saveSharing(user, c, 'case.staff-added', staffId, [...c.staffIds, staffId]);
  }

  /** The case as stored, when this person may say who works with it; a refusal is audited. */
  private async sharable(user: StaffMember, ref: { schoolId: string; id: string }, action: string, staffId: string): Promise<PupilCase> {
    const c = await this.repo.get(ref.schoolId, ref.id);
    if (!c || !canShare(user, c)) {
      await this.note(user, action, 'denied', ref, staffId);
      throw new AppError('Only a SENDCo (or an admin of the school) can say which teachers work with a pupil. Ask your SENDCo.', 'forbidden');
    }
    return c;
  }

  /** Saves who works with the pupil, with a timeline entry naming the member of staff (ids only). */
  private async saveSharing(user: StaffMember, current: PupilCase, action: string, staffId: string, staffIds: string[]): Promise<PupilCase> {
    const at = this.now().toISOString();
    const next = PupilCase.parse({ ...current, staffIds, timeline: [...current.timeline, { at, by: user.id, what: action, ref: staffId }] });
    const saved = await this.repo.save(next, current.revision);
    await this.note(user, action, 'done', saved, staffId);
    for (const listener of this.#listeners) listener({ user, action, before: current, after: saved });
    return saved;
  }
}

/** Why `staffId` cannot be named on a pupil at `schoolId`, saying what would work. */
/** Why `staffId` is not taken off a pupil (canBeUnshared), saying what they see anyway. */
export function notRemovable(staffId: string, target: StaffMember | undefined, by: StaffMember): string {
  const self = staffId === by.id;
  const role = self ? by.role : target?.role;
  const who = self ? 'That is you' : `${staffId} is ${role === 'sendco' ? 'a SENDCo' : role === 'headteacher' ? 'a headteacher' : role === 'admin' ? 'an admin' : 'an LA officer'}`;
  const sees = role === 'la-officer' ? 'what was referred to the LA' : role === 'admin' ? 'no pupil records' : 'every pupil at the school';
  return `${who}: ${self ? 'you see' : 'they see'} ${sees} whether named on a pupil or not, so there is nothing to take away. Only teachers are taken off a pupil.`;
}

export function notATeacherHere(staffId: string, target: StaffMember | undefined, schoolId: string): string {
  if (!target) return `${staffId} has no role in this bot yet. Ask your admin to make them a teacher at this school first (grant ${staffId} teacher ${schoolId}); they can type "whoami" to see their id.`;
  if ((target.role === 'sendco' || target.role === 'headteacher') && target.schoolId === schoolId) return `${staffId} is a ${target.role === 'sendco' ? 'SENDCo' : 'headteacher'} at this school and already sees every pupil here.`;
  if (target.role === 'teacher') return `${staffId} is a teacher at another school, so this pupil cannot be shared with them.`;
  return `${staffId} is not a teacher at this school: only teachers are named on a pupil.`;
}
