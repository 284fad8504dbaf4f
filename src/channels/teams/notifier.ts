import type { CloudAdapter } from 'botbuilder';
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

  async notifyPerson(personId: string, views: readonly View[]): Promise<'sent' | 'unreachable'> {
    const ref = this.references.find(personKey(personId));
    if (!ref?.conversation) return 'unreachable';
    const conversationId = ref.conversation.id;
    await this.adapter.continueConversationAsync(this.appId, ref, async (context) => {
      await this.outbox.send(conversationId, () => context.sendActivity(cardMessage(views)));
    });
    return 'sent';
  }

  /** Replaces a card the bot sent earlier, e.g. when slow work finishes after the submit was answered. */
  async updateCard(ref: Parameters<CloudAdapter['continueConversationAsync']>[1], activityId: string, views: readonly View[]): Promise<void> {
    const conversationId = ref.conversation?.id ?? 'unknown';
    await this.adapter.continueConversationAsync(this.appId, ref, async (context) => {
      await this.outbox.send(conversationId, () => context.updateActivity({ ...cardMessage(views), id: activityId }));
    });
  }
}
