import { z } from 'zod/v4';
import { IsoDateTime, SchoolId, StaffId } from '../cases/pupil-case.js';
import type { AuditEvent } from './case-repository.js';

/**
 * An audit event as stored. Fields are ids and short names only; unknown keys are dropped,
 * so a caller cannot slip pupil details into the log by adding a field.
 */
export const AuditEventSchema = z.object({
  at: IsoDateTime,
  actorId: StaffId,
  // No spaces: an action is a name such as "case.read", not a sentence that could hold details.
  action: z.string().regex(/^[A-Za-z][A-Za-z0-9._:-]{0,63}$/, 'a short action name such as "case.read"'),
  schoolId: SchoolId.optional(),
  caseId: z.string().min(1).max(128).optional(),
  subjectId: StaffId.optional(),
  outcome: z.enum(['allowed', 'denied', 'done']),
}) satisfies z.ZodType<AuditEvent>;

/** Filter accepted by AuditLog.list. */
export type AuditFilter = { caseId?: string; actorId?: string };

/** True when `event` passes every field set in `filter`. */
export function matchesFilter(event: AuditEvent, filter: AuditFilter = {}): boolean {
  return (
    (filter.caseId === undefined || event.caseId === filter.caseId) &&
    (filter.actorId === undefined || event.actorId === filter.actorId)
  );
}

/** Most recent last, by `at`; events with the same time keep recorded order. */
export function chronological(events: readonly AuditEvent[]): AuditEvent[] {
  return [...events].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
}
