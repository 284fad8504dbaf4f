import { z } from 'zod/v4';
import { SchoolId, StaffId } from './cases/pupil-case.js';

/**
 * What someone does in the bot. `headteacher` is the school's head (or acting head), who leads its
 * senior leadership team: they oversee PSPs (seed 003) and decide on suspensions and exclusions
 * (seed 001), so they see every pupil at their school as a SENDCo does.
 */
export const Role = z.enum(['teacher', 'sendco', 'headteacher', 'la-officer', 'admin']);
export type Role = z.infer<typeof Role>;

/** Someone using the bot, as identified by their channel (AAD object id, Slack user id, or local). */
export const StaffMember = z.object({
  id: StaffId,
  role: Role,
  /** Teachers, SENDCos and headteachers belong to one school; LA officers and admins may not. */
  schoolId: SchoolId.optional(),
  displayName: z.string().max(80).optional(),
});
export type StaffMember = z.infer<typeof StaffMember>;

/**
 * The person the bot's local mode (terminal chat, Emulator without credentials) acts as, from the
 * configured id, role and school: an LA officer belongs to the LA, not a school, so the configured
 * school (LOCAL_SCHOOL_ID, which has a default) is dropped for them and they get the LA's views.
 */
export function localStaffMember(local: { id: string; role: Role; schoolId?: string }): StaffMember {
  return local.role === 'la-officer' ? { id: local.id, role: local.role } : { id: local.id, role: local.role, ...(local.schoolId ? { schoolId: local.schoolId } : {}) };
}
