import type { LaChannelLink } from '../../app/la-channel-link.js';
import type { LaChannelPoster } from '../../app/la-notices.js';
import type { View } from '../../core/views/view.js';
import { cardMessage } from './card-message.js';
import { conversationKey } from './conversation-references.js';
import { sendOrMarkGone, type ProactiveDeps } from './proactive.js';

/**
 * Referral notices in the Teams channel an admin linked; one card per referral, updated in place.
 * A 403/404 marks the channel unreachable, so notices wait (recorded) until the bot is back in it.
 */
export class TeamsLaPoster implements LaChannelPoster {
  readonly channel = 'teams' as const;

  constructor(
    private readonly deps: ProactiveDeps,
    private readonly link: LaChannelLink,
  ) {}

  /** The linked channel's reference; none while it is marked unreachable (the bot was removed from the team). */
  #ref() {
    const link = this.link.value;
    return link?.channel === 'teams' ? this.deps.references.find(conversationKey(link.target)) : undefined;
  }

  linked(): boolean {
    return this.#ref() !== undefined;
  }

  async post(views: readonly View[]): Promise<string> {
    const ref = this.#ref();
    if (!ref) throw new Error('no LA channel linked in Teams');
    const sent = await sendOrMarkGone(this.deps, ref, (context) => context.sendActivity(cardMessage(views)));
    if (!sent?.id) throw new Error('Teams did not return the message id');
    return sent.id;
  }

  async update(messageId: string, views: readonly View[]): Promise<void> {
    const ref = this.#ref();
    if (!ref) return;
    await sendOrMarkGone(this.deps, ref, (context) => context.updateActivity({ ...cardMessage(views), id: messageId }));
  }
}
