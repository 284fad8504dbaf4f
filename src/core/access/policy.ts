import type { PupilCase } from '../cases/pupil-case.js';
import type { FactEntry } from '../facts/fact-entry.js';
import { effectiveEntries, pupilFacts } from '../facts/pupil-facts.js';
import type { StaffMember } from '../staff.js';

/**
 * Who may see what, decided here and nowhere else, on every read:
 * - a teacher sees the pupils they work with (listed on the case),
 * - a SENDCo or headteacher sees every pupil at their school (the head oversees PSPs and
 *   decides on exclusions, so reads the whole record, evidence pack included),
 * - an LA officer sees only what a school referred to the LA,
 * - an admin manages settings and sees no pupil data.
 */
export type CaseAccess = 'full' | 'referral-only' | 'none';

export function caseAccess(user: StaffMember, c: PupilCase): CaseAccess {
  switch (user.role) {
    case 'teacher':
      return user.schoolId === c.schoolId && c.staffIds.includes(user.id) ? 'full' : 'none';
    case 'sendco':
    case 'headteacher':
      return !!user.schoolId && user.schoolId === c.schoolId ? 'full' : 'none';
    case 'la-officer':
      return sharedWithLocalAuthority(c) ? 'referral-only' : 'none';
    case 'admin':
      return 'none';
  }
}

/** Whether the school has brought the pupil to the LA: a referral to the LA. Only these records reach LA officers, one by one or in figures. */
export function sharedWithLocalAuthority(c: Pick<PupilCase, 'referrals'>): boolean {
  return c.referrals.some((r) => r.toLocalAuthority);
}

/**
 * Whether this person records pupils at all: teachers, SENDCos and headteachers at a school (the
 * head records the suspensions they decide on and the PSPs they oversee). Admins and LA
 * officers never do, so a form to add or change a pupil can refuse them before its first question.
 */
export function writesPupilRecords(user: StaffMember): boolean {
  return (user.role === 'teacher' || user.role === 'sendco' || user.role === 'headteacher') && !!user.schoolId;
}

export function canEdit(user: StaffMember, c: PupilCase): boolean {
  return writesPupilRecords(user) && caseAccess(user, c) === 'full';
}

/**
 * Moving a pupil to another step outside a review (up or down, with the reason) is the SENDCo's
 * decision at their school: from Step 3 on the SENDCo leads or shares the work (000, Steps 3–4).
 */
export function canSetStep(user: StaffMember, c: PupilCase): boolean {
  return user.role === 'sendco' && canEdit(user, c);
}

/**
 * Who may say which teachers work with a pupil (and so see them): a SENDCo at the pupil's school,
 * or an admin of that school. An admin does so by the pupil's reference and sees nothing more.
 */
export function canShare(user: StaffMember, c: Pick<PupilCase, 'schoolId'>): boolean {
  return (user.role === 'sendco' || user.role === 'admin') && !!user.schoolId && user.schoolId === c.schoolId;
}

/**
 * Whom a pupil may be shared with: a teacher at the pupil's school. A SENDCo there sees every pupil
 * already; anyone else would gain nothing from the access rules (caseAccess) by being named.
 */
export function canBeSharedWith(target: StaffMember | undefined, c: Pick<PupilCase, 'schoolId'>): boolean {
  return target?.role === 'teacher' && target.schoolId === c.schoolId;
}

/**
 * Whether taking `staffId` off a pupil changes what they may see, so it is worth offering: a teacher
 * (who sees only the pupils they are named on), or an id the staff directory no longer knows (a
 * leftover, `target` undefined). A SENDCo, admin or LA officer sees by their role whether named or
 * not, and nobody takes themselves off.
 */
export function canBeUnshared(target: StaffMember | undefined, staffId: string, by: Pick<StaffMember, 'id'>): boolean {
  return staffId !== by.id && (target === undefined || target.role === 'teacher');
}

export function canCreateAt(user: StaffMember, schoolId: string): boolean {
  return writesPupilRecords(user) && user.schoolId === schoolId;
}

/**
 * The part of a case an LA officer may see: who, where, which step and the LA referrals.
 * Plans, reviews, exclusion reasons, the reasons for step changes, the timeline and the chronology of
 * facts (who recorded what, and why) stay with the school; the facts as they stand now are shown.
 */
export function redactForLocalAuthority(c: PupilCase): PupilCase {
  return {
    ...c,
    staffIds: [],
    exclusions: c.exclusions.map((e) => ({ ...e, reason: '' })),
    pcps: [],
    psps: [],
    referrals: c.referrals.filter((r) => r.toLocalAuthority),
    timeline: [],
    stepChanges: [],
    partTimeTimetable: undefined,
    // The facts as they stand now, but not their chronology (who recorded what, and why).
    ...laFacts(c),
  };
}

/**
 * The flags, risk and EHC request now, as the starting state of a record with no chronology, and the
 * entries the LA's views need to read the exclusions as the school's do: a suspension or exclusion
 * withdrawn, a reinstatement, the day full-time provision started (the day-6 duty). Those keep only
 * their dates and the exclusion they name, as they stand after corrections; why, and any correction
 * history, stay with the school.
 */
function laFacts(c: PupilCase): Pick<PupilCase, 'flags' | 'riskOfPermanentExclusion' | 'ehcRequestedOn' | 'facts'> {
  const f = pupilFacts(c);
  const exclusionIds = new Set(c.exclusions.map((x) => x.id));
  const entries = c.facts ?? [];
  // A withdrawn exclusion is named by a `withdrawn` entry that corrects the exclusion's id (not an entry's).
  const withdrawnExclusions = entries.filter((e) => e.fact === 'withdrawn' && exclusionIds.has(e.corrects));
  const kept = effectiveEntries(entries).filter((e) => e.fact === 'provision-started' || e.fact === 'reinstated');
  const facts: FactEntry[] = [
    ...withdrawnExclusions.map((e) => ({ ...e, why: '' })),
    ...kept.map(({ corrects: _corrected, ...e }) => ({ ...e, why: '' }) as FactEntry),
  ];
  return { flags: f.flags, riskOfPermanentExclusion: f.riskOfPermanentExclusion, ehcRequestedOn: f.ehcRequestedOn, facts };
}

/**
 * Who fills in a school's Inclusion Self-Reflection (seed 000, Appendix 2): its SENDCo or
 * headteacher (it is led by the head and senior leadership team), or an admin of the school
 * (whoever runs the bot for it). It holds no pupil data, so an admin's
 * rule of seeing none is kept. Teachers do not; LA officers see only what schools share.
 */
export function fillsInSelfReflection(user: StaffMember): boolean {
  return (user.role === 'sendco' || user.role === 'headteacher' || user.role === 'admin') && !!user.schoolId;
}

/** Who sees the area ratings schools share (never their notes or item ratings): LA officers. */
export function seesSharedSelfReflections(user: StaffMember): boolean {
  return user.role === 'la-officer';
}
