import type { CloudAdapter } from 'botbuilder';
import type { LaChannelLink } from '../../app/la-channel-link.js';
import type { LaChannelPoster } from '../../app/la-notices.js';
import type { Outbox } from '../../app/outbox.js';
import type { View } from '../../core/views/view.js';
import { cardMessage } from './card-message.js';
import { conversationKey, type ConversationReferences } from './conversation-references.js';
import { isGone, proactive } from './notifier.js';

/** Referral notices in the Teams channel an admin linked; one card per referral, updated in place. */
export class TeamsLaPoster implements LaChannelPoster {
  readonly channel = 'teams' as const;

  constructor(
    private readonly adapter: CloudAdapter,
    private readonly appId: string,
    private readonly references: ConversationReferences,
    private readonly link: LaChannelLink,
    private readonly outbox: Outbox,
  ) {}

  /** The linked channel's reference; none while it is marked unreachable (the bot was removed from the team). */
  #ref() {
    const link = this.link.value;
    if (link?.channel !== 'teams' || !this.references.reachable(conversationKey(link.target))) return undefined;
    return this.references.find(conversationKey(link.target));
  }

  /** A 403/404 marks the channel unreachable, so notices wait (recorded) until the bot is back in it. */
  async #gone<T>(conversationId: string, work: Promise<T>): Promise<T> {
    try {
      return await work;
    } catch (err) {
      if (isGone(err)) await this.references.markUnreachable(conversationId);
      throw err;
    }
  }

  linked(): boolean {
    return this.#ref() !== undefined;
  }

  async post(views: readonly View[]): Promise<string> {
    const ref = this.#ref();
    if (!ref?.conversation) throw new Error('no LA channel linked in Teams');
    const sent = await this.#gone(ref.conversation.id, proactive(this.adapter, this.appId, ref, (context) => this.outbox.send(ref.conversation!.id, () => context.sendActivity(cardMessage(views)))));
    if (!sent?.id) throw new Error('Teams did not return the message id');
    return sent.id;
  }

  async update(messageId: string, views: readonly View[]): Promise<void> {
    const ref = this.#ref();
    if (!ref?.conversation) return;
    await this.#gone(ref.conversation.id, proactive(this.adapter, this.appId, ref, (context) => this.outbox.send(ref.conversation!.id, () => context.updateActivity({ ...cardMessage(views), id: messageId }))));
  }
}
