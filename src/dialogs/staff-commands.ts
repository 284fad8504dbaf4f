import { AppError } from '../core/errors.js';
import { Role, type StaffMember } from '../core/staff.js';
import { StaffKey, type StaffDirectory } from '../core/staff-directory.js';
import { heading, text, textNaming, type View } from '../core/views/view.js';
import { staffIdFrom } from './staff-id.js';
import { roleAt } from './staff-words.js';

/** Commands about who is who: anyone may ask "whoami"; only an admin may grant or revoke. */
export type StaffCommand = { kind: 'whoami' } | { kind: 'grant'; id: string; role: string; schoolId?: string } | { kind: 'revoke'; id: string };

export function recogniseStaffCommand(raw: string): StaffCommand | undefined {
  const t = raw.trim().replace(/\s+/g, ' ');
  if (/^(who ?am ?i|my id)\??$/i.test(t)) return { kind: 'whoami' };
  const grant = t.match(/^grant (\S+) (\S+)(?: (\S+))?$/i);
  if (grant) return { kind: 'grant', id: grant[1]!, role: grant[2]!.toLowerCase(), ...(grant[3] ? { schoolId: grant[3].toLowerCase() } : {}) };
  const revoke = t.match(/^revoke (\S+)$/i);
  if (revoke) return { kind: 'revoke', id: revoke[1]! };
  return undefined;
}

const ROLE_NAMES: Record<Role, string> = { teacher: 'teacher', sendco: 'SENDCo', headteacher: 'headteacher', 'la-officer': 'LA officer', admin: 'admin' };

/** `me` is undefined for someone with no role yet; they can still learn their id to pass to an admin. */
export async function runStaffCommand(cmd: StaffCommand, id: string, me: StaffMember | undefined, directory: StaffDirectory): Promise<View> {
  switch (cmd.kind) {
    case 'whoami': {
      const role = me ? `You are set up as ${ROLE_NAMES[me.role]}${me.schoolId ? ` at ${directory.schoolName(me.schoolId)}` : ''}.` : 'You have no role yet, so I can only signpost services.';
      // The local user (terminal, no sign-in) has no channel id, so no grant can name it.
      // An admin cannot change their own role (grant.ts), so they are told how to give others one.
      const how = !StaffKey.safeParse(id).success
        ? 'This is the local user, set by LOCAL_USER_ROLE in .env; roles in chat are given to Teams and Slack ids.'
        : me?.role === 'admin'
          ? 'You give others a role with "grant" (a form), or: grant <their id> sendco <school-id>. Another admin changes yours.'
          : `An admin gives roles with: grant ${id} sendco <school-id>`;
      return { blocks: [heading('Who you are to this bot'), { type: 'facts', facts: [{ label: 'Your id', value: id }] }, text(role), text(how, 'muted')] };
    }
    case 'grant': {
      if (!me) throw new AppError('Only an admin can change who has which role.', 'forbidden');
      const role = Role.safeParse(cmd.role);
      if (!role.success) return { blocks: [text(`“${cmd.role}” is not a role. Use one of: teacher, sendco, la-officer, admin.`, 'warning')] };
      const who = staffIdFrom(cmd.id, id, (x) => !!directory.find(x));
      if (!who.ok) return { blocks: [text(who.message, 'warning')] };
      const given = await directory.grant(me, { id: who.id, role: role.data, ...(cmd.schoolId ? { schoolId: cmd.schoolId } : {}) });
      // Named, never by id: the name their chat gave, else "your colleague" (Slack shows a mention).
      const said = given.displayName ?? 'your colleague';
      return { blocks: [textNaming(`Done: ${said} is now ${roleAt(given, (s) => directory.schoolName(s))}.`, 'success', [{ id: given.id, said }])] };
    }
    case 'revoke': {
      if (!me) throw new AppError('Only an admin can change who has which role.', 'forbidden');
      const who = staffIdFrom(cmd.id, id, (x) => !!directory.find(x));
      const target = who.ok ? who.id : cmd.id;
      const name = directory.find(target)?.displayName;
      const removed = await directory.revoke(me, target);
      const said = name ?? (removed ? 'your colleague' : 'Your colleague');
      const words = removed ? `Done: ${said} no longer has a role given in chat.` : `${said} had no role given in chat; roles from the staff file stay until that file changes.`;
      return { blocks: [textNaming(words, 'normal', [{ id: target, said }])] };
    }
  }
}
