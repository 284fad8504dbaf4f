import type { StaffMember } from '../core/staff.js';
import { schoolName } from '../core/text/school-name.js';
import type { PersonRef } from '../core/views/view.js';
import type { DialogContext } from './dialog.js';

/** Staff's roles as people say them. */
export const ROLE_WORDS: Record<StaffMember['role'], string> = { teacher: 'teacher', sendco: 'SENDCo', headteacher: 'headteacher', 'la-officer': 'LA officer', admin: 'admin' };

/** Names a member of staff from their channel id; '' for someone the directory does not know. */
export type StaffNamer = (staffId: string) => string;

/**
 * A role with its article and, for a teacher or SENDCo, their school: "a SENDCo at Oak Primary",
 * "an LA officer". `school` names a school from its id (the staff file's name where it gives one).
 */
export function roleAt(m: Pick<StaffMember, 'role' | 'schoolId'>, school: (schoolId: string) => string = schoolName): string {
  const role = ROLE_WORDS[m.role];
  const at = m.schoolId && (m.role === 'teacher' || m.role === 'sendco' || m.role === 'headteacher') ? ` at ${school(m.schoolId)}` : '';
  return `${/^([aeiou]|LA\b)/i.test(role) ? 'an' : 'a'} ${role}${at}`;
}

/**
 * Staff by name and role, never by id (an id means nothing to a reader, and an AAD or Slack id is
 * not for sharing): "Sam Patel (SENDCo)" where the directory knows a name (the staff file's `name`,
 * else the name their chat gave when they last spoke), else the role and school ("a SENDCo at Oak
 * Primary", "an LA officer"), else '' (not known). The one source for the evidence pack and every
 * view, so they agree.
 */
export function staffNamer(ctx: Pick<DialogContext, 'staff'>): StaffNamer {
  return (id) => {
    const m = id ? ctx.staff?.find(id) : undefined;
    if (!m) return '';
    if (m.displayName) return `${m.displayName} (${ROLE_WORDS[m.role]})`;
    return roleAt(m, (s) => ctx.staff?.schoolName?.(s) ?? schoolName(s));
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

/**
 * Someone as the subject of a sentence about them, in a reply about a grant or a share: as `who`
 * names them ("Sam Patel (teacher)", "A teacher at Oak Primary"), else `otherwise` ("Your
 * colleague"), first letter capital; never the id. `people` lets a channel that can (Slack) show
 * those words as a mention of them instead.
 */
export function staffSubject(who: StaffNamer, id: string, otherwise = 'Your colleague'): { said: string; people: PersonRef[] } {
  const words = who(id) || otherwise;
  const said = `${words.charAt(0).toUpperCase()}${words.slice(1)}`;
  return { said, people: [{ id, said }] };
}
