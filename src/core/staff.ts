import { z } from 'zod/v4';
import { SchoolId, StaffId } from './cases/pupil-case.js';

export const Role = z.enum(['teacher', 'sendco', 'la-officer', 'admin']);
export type Role = z.infer<typeof Role>;

/** Someone using the bot, as identified by their channel (AAD object id, Slack user id, or local). */
export const StaffMember = z.object({
  id: StaffId,
  role: Role,
  /** Teachers and SENDCos belong to one school; LA officers and admins may not. */
  schoolId: SchoolId.optional(),
  displayName: z.string().max(80).optional(),
});
export type StaffMember = z.infer<typeof StaffMember>;
