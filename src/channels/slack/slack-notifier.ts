import type { WebClient } from '@slack/web-api';
import type { Notifier } from '../../app/notifier.js';
import type { Outbox } from '../../app/outbox.js';
import type { View } from '../../core/views/view.js';
import { messageFrom } from './blocks/message.js';
import { slackUserOf } from './person.js';

/** Proactive messages in Slack: a DM from the bot (posting to a user id opens the app's DM). */
export class SlackNotifier implements Notifier {
  constructor(
    private readonly client: WebClient,
    private readonly outbox: Outbox,
  ) {}

  async notifyPerson(personId: string, views: readonly View[]): Promise<'sent' | 'unreachable'> {
    const who = slackUserOf(personId);
    if (!who) return 'unreachable';
    await this.outbox.send(who.userId, () => this.client.chat.postMessage({ channel: who.userId, ...messageFrom(views) }));
    return 'sent';
  }
}
