import { PupilCase, SchoolId } from '../cases/pupil-case.js';
import { AppError, StoreError } from '../errors.js';
import { describeFirstIssue } from './zod-issue.js';

/**
 * Rules every CaseRepository shares, so the memory and lowdb stores cannot drift apart.
 */

/** Throws unless `schoolId` is a valid school id; it may end up in a file path. */
export function assertSchoolId(schoolId: string): void {
  if (!SchoolId.safeParse(schoolId).success) {
    throw new AppError('That is not a valid school id.', 'invalid-input');
  }
}

/** Pupil references are matched case-insensitively: staff type them by hand. */
export function sameRef(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

/** Oldest first by createdAt; ties keep stored order. */
export function oldestFirst(cases: readonly PupilCase[]): PupilCase[] {
  return [...cases].sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt));
}

/** The outcome of checking a save against the cases already stored for that school. */
export interface PreparedSave {
  stored: PupilCase;
  /** The school's cases after the save, for the caller to persist. */
  cases: PupilCase[];
}

/**
 * Applies optimistic concurrency and validation without touching `current`.
 * New cases start at revision 0; each later save adds one.
 */
export function prepareSave(
  current: readonly PupilCase[],
  input: PupilCase,
  expectedRevision: number | undefined,
  now: Date,
): PreparedSave {
  const existing = current.find((c) => c.id === input.id);
  if (!existing && expectedRevision !== undefined) {
    throw new StoreError('That case no longer exists. Reload and try again.', 'not-found');
  }
  if (existing && expectedRevision === undefined) {
    throw new StoreError('A case with this id already exists at this school.', 'conflict');
  }
  if (existing && existing.revision !== expectedRevision) {
    throw new StoreError('Someone else changed this case since you opened it. Reload and try again.', 'conflict');
  }
  if (current.some((c) => c.id !== input.id && sameRef(c.pupilRef, input.pupilRef))) {
    throw new StoreError('Another case at this school already uses this pupil reference.', 'conflict');
  }
  const parsed = PupilCase.safeParse({
    ...structuredClone(input),
    revision: existing ? existing.revision + 1 : 0,
    createdAt: existing?.createdAt ?? input.createdAt,
    updatedAt: now.toISOString(),
  });
  if (!parsed.success) {
    throw new AppError(`The case is not valid: ${describeFirstIssue(parsed.error)}`, 'invalid-input', {
      cause: parsed.error,
    });
  }
  const stored = parsed.data;
  const cases = existing ? current.map((c) => (c === existing ? stored : c)) : [...current, stored];
  return { stored, cases };
}
