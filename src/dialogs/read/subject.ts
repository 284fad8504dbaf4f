import type { CaseAccess } from '../../core/access/policy.js';
import type { PupilCase } from '../../core/cases/pupil-case.js';
import type { ItemRef } from '../../core/record/record-items.js';
import type { StaffMember } from '../../core/staff.js';
import type { CommandButton } from '../../core/views/view.js';
import type { StaffNamer } from '../staff-words.js';
import { commandFor, type PupilAt } from './read-request.js';

/**
 * A pupil's record as one person may read it: the case already passed through the access rules
 * (an LA officer's copy has no plans, timeline or private reasons), and what that person may see.
 */
export interface Subject {
  c: PupilCase;
  access: Exclude<CaseAccess, 'none'>;
  viewer: StaffMember;
  /** Names staff by name and role for this reader (staffNamer); without it they are "a member of staff". */
  who?: StaffNamer;
}

/** How the reader's commands name this pupil: with the school when the reader works across schools (an LA officer). */
export const pupilAt = (s: Pick<Subject, 'c' | 'viewer'>): PupilAt => ({ ref: s.c.pupilRef, ...(s.viewer.schoolId ? {} : { school: s.c.schoolId }) });

/** Buttons and typed commands into a pupil's record. */
export const to = {
  pupil: (s: Pick<Subject, 'c' | 'viewer'>, label = 'Pupil summary'): CommandButton => ({ label, command: commandFor({ kind: 'pupil', ...pupilAt(s) }) }),
  timeline: (s: Pick<Subject, 'c' | 'viewer'>, page = 1, label = 'Chronology'): CommandButton => ({ label, command: commandFor({ kind: 'timeline', ...pupilAt(s), page }) }),
  item: (s: Pick<Subject, 'c' | 'viewer'>, item: ItemRef, label: string, page = 1): CommandButton => ({ label, command: commandFor({ kind: 'item', item: item.kind, n: item.n, ...pupilAt(s), page }) }),
};
