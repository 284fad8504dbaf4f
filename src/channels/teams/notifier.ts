import type { CloudAdapter } from 'botbuilder';
import type { Notifier } from '../../app/notifier.js';
import type { View } from '../../core/views/view.js';
import { cardMessage } from './card-message.js';
import { personKey } from './conversation-references.js';
import { isGone, proactive, sendOrMarkGone, type ProactiveDeps } from './proactive.js';

/** Proactive messages in Teams: into the person's personal chat with the bot, through the outbox. */
export class TeamsNotifier implements Notifier {
  constructor(private readonly deps: ProactiveDeps) {}

  /**
   * 'unreachable' without a call when there is no reference or it is marked unreachable; a 403 or
   * 404 from the connector (the bot was removed) marks it so, and answers 'unreachable' too.
   */
  async notifyPerson(personId: string, views: readonly View[]): Promise<'sent' | 'unreachable'> {
    const ref = this.deps.references.find(personKey(personId));
    if (!ref) return 'unreachable';
    try {
      await sendOrMarkGone(this.deps, ref, (context) => context.sendActivity(cardMessage(views)));
    } catch (err) {
      if (isGone(err)) return 'unreachable';
      throw err;
    }
    return 'sent';
  }

  reachable(personId: string): boolean {
    return this.deps.references.reachable(personKey(personId));
  }

  /** Replaces a card the bot sent earlier, e.g. when slow work finishes after the submit was answered. */
  async updateCard(ref: Parameters<CloudAdapter['continueConversationAsync']>[1], activityId: string, views: readonly View[]): Promise<void> {
    const conversationId = ref.conversation?.id ?? 'unknown';
    await proactive(this.deps.adapter, this.deps.appId, ref, (context) => this.deps.outbox.send(conversationId, () => context.updateActivity({ ...cardMessage(views), id: activityId })));
  }
}
