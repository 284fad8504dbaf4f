import type { Activity } from 'botbuilder';
import type { AuditLog } from '../../core/store/case-repository.js';
import type { ConversationReferences } from './conversation-references.js';
import { personOf } from './person.js';

/** Who acts in the audit log when Teams reports the app gone and nobody in particular removed it. */
const TEAMS_SYSTEM = 'system:teams';

/**
 * True for the activities that say the bot can no longer write to this conversation: the app
 * uninstalled (`installationUpdate` remove / remove-upgrade) or the bot removed from a team or
 * group chat (`conversationUpdate` with the bot in `membersRemoved`).
 */
export function isRemoval(a: Partial<Activity>): boolean {
  if (a.type === 'installationUpdate') return a.action === 'remove' || a.action === 'remove-upgrade';
  if (a.type === 'conversationUpdate') return (a.membersRemoved ?? []).some((m) => m.id === a.recipient?.id);
  return false;
}

/**
 * Forgets the conversation's references (and the person key of a personal chat), so no reminder
 * or notice is tried there again until someone writes from it, and audits it by ids only.
 */
export async function forgetRemoved(a: Partial<Activity>, deps: { references: ConversationReferences; audit?: AuditLog; now: () => Date; localMode: boolean }): Promise<void> {
  const conversationId = a.conversation?.id;
  if (!conversationId) return;
  const gone = await deps.references.forgetConversation(conversationId);
  const person = personOf(a, deps.localMode);
  const people = gone.filter((k) => k.startsWith('person:')).map((k) => k.slice('person:'.length));
  await deps.audit?.record({ at: deps.now().toISOString(), actorId: person?.id ?? TEAMS_SYSTEM, action: 'teams.bot-removed', outcome: 'done', ...(people[0] ? { subjectId: people[0] } : {}) });
}
