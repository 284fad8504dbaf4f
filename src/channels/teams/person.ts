import type { Activity } from 'botbuilder';
import type { Person } from '../../app/assistant.js';

/**
 * Who sent this activity. Teams gives every user an Entra (AAD) object id, which is stable across
 * chats and teams, so roles are keyed on it. The Emulator sends none; in local mode its user id
 * stands in, so the Emulator works without setup.
 */
export function personOf(activity: Partial<Activity>, localMode: boolean): Person | undefined {
  // Team channels and group chats are seen by others; only the personal chat is private.
  const shared = activity.conversation?.conversationType !== undefined && activity.conversation.conversationType !== 'personal';
  const extra = { ...(shared ? { shared } : {}), ...(activity.from?.name ? { name: activity.from.name.slice(0, 80) } : {}) };
  const aad = activity.from?.aadObjectId;
  if (aad && /^[A-Za-z0-9-]{1,64}$/.test(aad)) return { id: `teams:${aad}`, ...extra };
  const id = activity.from?.id;
  if (localMode && id) return { id: `teams:${id.replace(/[^A-Za-z0-9._:-]/g, '-').slice(0, 120)}`, ...extra };
  return undefined;
}
