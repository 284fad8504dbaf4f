import type { WebClient } from '@slack/web-api';
import type { LaChannelLink } from '../../app/la-channel-link.js';
import type { LaChannelPoster } from '../../app/la-notices.js';
import type { Outbox } from '../../app/outbox.js';
import type { View } from '../../core/views/view.js';
import { messageFrom } from './blocks/message.js';

/** Referral notices in the Slack channel an admin linked; one message per referral, updated in place. */
export class SlackLaPoster implements LaChannelPoster {
  readonly channel = 'slack' as const;

  constructor(
    private readonly client: WebClient,
    private readonly link: LaChannelLink,
    private readonly outbox: Outbox,
  ) {}

  #target(): string | undefined {
    const link = this.link.value;
    return link?.channel === 'slack' ? link.target : undefined;
  }

  linked(): boolean {
    return this.#target() !== undefined;
  }

  async post(views: readonly View[]): Promise<string> {
    const channel = this.#target();
    if (!channel) throw new Error('no LA channel linked in Slack');
    const sent = await this.outbox.send(channel, () => this.client.chat.postMessage({ channel, ...messageFrom(views) }));
    if (!sent.ts) throw new Error('Slack did not return the message ts');
    return sent.ts;
  }

  async update(ts: string, views: readonly View[]): Promise<void> {
    const channel = this.#target();
    if (channel) await this.outbox.send(channel, () => this.client.chat.update({ channel, ts, ...messageFrom(views) }));
  }
}
