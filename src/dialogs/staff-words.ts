import type { StaffMember } from '../core/staff.js';
import { schoolName } from '../core/text/school-name.js';
import type { DialogContext } from './dialog.js';

/** Staff's roles as people say them. */
export const ROLE_WORDS: Record<StaffMember['role'], string> = { teacher: 'teacher', sendco: 'SENDCo', 'la-officer': 'LA officer', admin: 'admin' };

/** Names a member of staff from their channel id; '' for someone the directory does not know. */
export type StaffNamer = (staffId: string) => string;

/**
 * Staff by name and role, never by id (an id means nothing to a reader, and an AAD or Slack id is
 * not for sharing): "Sam Patel (SENDCo)" where the directory knows a name (the staff file's `name`),
 * else the role and school ("a SENDCo at Oak Primary", "an LA officer"), else '' (not known).
 * The one source for the evidence pack and every read view, so they agree.
 */
export function staffNamer(ctx: Pick<DialogContext, 'staff'>): StaffNamer {
  return (id) => {
    const m = id ? ctx.staff?.find(id) : undefined;
    if (!m) return '';
    if (m.displayName) return `${m.displayName} (${ROLE_WORDS[m.role]})`;
    const role = ROLE_WORDS[m.role];
    const at = m.schoolId && (m.role === 'teacher' || m.role === 'sendco') ? ` at ${ctx.staff?.schoolName?.(m.schoolId) ?? schoolName(m.schoolId)}` : '';
    return `${/^([aeiou]|LA\b)/i.test(role) ? 'an' : 'a'} ${role}${at}`;
  };
}

/**
 * Who did something, for a view: "you" when it is the reader, else as `who` names them, else
 * "a member of staff"; never the raw id.
 */
export function byWho(id: string, viewerId: string, who?: StaffNamer): string {
  if (id && id === viewerId) return 'you';
  return who?.(id) || 'a member of staff';
}
