import type { CloudAdapter, TurnContext } from 'botbuilder';
import type { Outbox } from '../../app/outbox.js';
import type { ConversationReferences, SavedConversation } from './conversation-references.js';

type Reference = Parameters<CloudAdapter['continueConversationAsync']>[1];

/** What a proactive send needs: the adapter and bot id, the saved references, and the outbox that paces every send. */
export interface ProactiveDeps {
  adapter: CloudAdapter;
  appId: string;
  references: ConversationReferences;
  outbox: Outbox;
}

/** The connector's answer when the bot was uninstalled or removed from the conversation. */
export function isGone(err: unknown): boolean {
  const status = (err as { statusCode?: unknown } | null)?.statusCode;
  return status === 403 || status === 404;
}

/**
 * Runs proactive work and lets its failure reach the caller. The adapter would otherwise hand the
 * error to the bot's turn-error handler and return as if all went well, so a failed reminder
 * would be marked sent.
 */
export async function proactive<T>(adapter: CloudAdapter, appId: string, ref: Reference, work: (context: TurnContext) => Promise<T>): Promise<T> {
  let result: { ok: true; value: T } | { ok: false; error: unknown } | undefined;
  await adapter.continueConversationAsync(appId, ref, async (context) => {
    try {
      result = { ok: true, value: await work(context) };
    } catch (error) {
      result = { ok: false, error };
    }
  });
  if (!result) throw new Error('the proactive turn did not run');
  if (!result.ok) throw result.error;
  return result.value;
}

/**
 * Sends into a saved conversation through the outbox. A 403 or 404 from the connector (the bot was
 * uninstalled or removed there) marks the conversation unreachable, so nothing more is tried until
 * someone in it writes again; the error is still thrown, for the caller to answer or report.
 */
export async function sendOrMarkGone<T>(deps: ProactiveDeps, ref: SavedConversation, act: (context: TurnContext) => Promise<T>): Promise<T> {
  const conversationId = ref.conversation.id;
  try {
    return await proactive(deps.adapter, deps.appId, ref, (context) => deps.outbox.send(conversationId, () => act(context)));
  } catch (err) {
    if (isGone(err)) await deps.references.markUnreachable(conversationId);
    throw err;
  }
}
