import { StaffKey } from '../core/staff-directory.js';

/**
 * A member of staff's id as someone types it: their full id, as "whoami" shows it
 * ("teams:<AAD object id>", "slack:T012:U034"); in Slack an @-mention (`<@U034>`, which a direct
 * message delivers as "@U034") or a bare user id (Slack's people picker sends one), taken in the
 * typist's own workspace; outside Slack a bare AAD object id (Teams' people picker sends one). An id `known` already is taken as typed (the staff file may use others). A
 * display name ("@ana") cannot be told apart from another, so it is refused saying what would work.
 */
export function staffIdFrom(raw: string, me: string, known: (id: string) => boolean = () => false): { ok: true; id: string } | { ok: false; message: string } {
  const t = raw.trim().replace(/^<(@[^>|]+)(?:\|[^>]*)?>$/, '$1');
  if (StaffKey.safeParse(t).success || known(t)) return { ok: true, id: t };
  // A Teams picker sends a `teams:` id bare; one not shaped like an Entra object id (the Agents
  // Playground's users have 13 digits at the end) is still taken when it is the typist's own or known.
  const bare = `teams:${t}`;
  if (/^[A-Za-z0-9._-]{1,120}$/.test(t) && (bare === me || known(bare))) return { ok: true, id: bare };
  const team = me.match(/^slack:([A-Z0-9]+):/)?.[1];
  const slackUser = t.match(/^@?([UW][A-Z0-9]{2,})$/)?.[1];
  if (team && slackUser) return { ok: true, id: `slack:${team}:${slackUser}` };
  // An object id is Entra's, so a Teams person's, whoever sends it: Teams' people picker sends one bare.
  if (!team && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(t)) return { ok: true, id: `teams:${t.toLowerCase()}` };
  if (t.startsWith('@'))
    return { ok: false, message: `I can’t tell who “${t}” is from a name. ${team ? 'In a direct message to me, @-mention them; or type' : 'Type'} their id: they can see it by typing "whoami".` };
  return { ok: false, message: 'That isn’t an id I can use. Ids look like teams:<AAD object id> or slack:T012:U034: ask them to type "whoami" and send you theirs.' };
}
