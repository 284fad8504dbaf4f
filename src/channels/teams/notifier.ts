import type { CloudAdapter, TurnContext } from 'botbuilder';
import type { Notifier } from '../../app/notifier.js';
import type { Outbox } from '../../app/outbox.js';
import type { View } from '../../core/views/view.js';
import { cardMessage } from './card-message.js';
import { personKey, type ConversationReferences } from './conversation-references.js';

/** Proactive messages in Teams: into the person's personal chat with the bot, through the outbox. */
export class TeamsNotifier implements Notifier {
  constructor(
    private readonly adapter: CloudAdapter,
    private readonly appId: string,
    private readonly references: ConversationReferences,
    private readonly outbox: Outbox,
  ) {}

  /**
   * 'unreachable' without a call when there is no reference or it is marked unreachable; a 403 or
   * 404 from the connector (the bot was removed) marks it so, and answers 'unreachable' too.
   */
  async notifyPerson(personId: string, views: readonly View[]): Promise<'sent' | 'unreachable'> {
    const ref = this.references.find(personKey(personId));
    if (!ref?.conversation || !this.reachable(personId)) return 'unreachable';
    const conversationId = ref.conversation.id;
    try {
      await proactive(this.adapter, this.appId, ref, (context) => this.outbox.send(conversationId, () => context.sendActivity(cardMessage(views))));
    } catch (err) {
      if (!isGone(err)) throw err;
      await this.references.markUnreachable(conversationId);
      return 'unreachable';
    }
    return 'sent';
  }

  reachable(personId: string): boolean {
    return this.references.reachable(personKey(personId));
  }

  /** Replaces a card the bot sent earlier, e.g. when slow work finishes after the submit was answered. */
  async updateCard(ref: Parameters<CloudAdapter['continueConversationAsync']>[1], activityId: string, views: readonly View[]): Promise<void> {
    const conversationId = ref.conversation?.id ?? 'unknown';
    await proactive(this.adapter, this.appId, ref, (context) => this.outbox.send(conversationId, () => context.updateActivity({ ...cardMessage(views), id: activityId })));
  }
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
export async function proactive<T>(adapter: CloudAdapter, appId: string, ref: Parameters<CloudAdapter['continueConversationAsync']>[1], work: (context: TurnContext) => Promise<T>): Promise<T> {
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
