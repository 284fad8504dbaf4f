import type { WebClient } from '@slack/web-api';
import type { Outbox } from '../../app/outbox.js';
import type { FileDelivery } from '../../core/files/deliver-file.js';
import { safeFileName } from '../../core/files/deliver-file.js';
import { slackUserOf } from './person.js';

/**
 * Files in Slack: uploaded into the person's direct messages with the bot (conversations.open, then
 * files.uploadV2, which is files.getUploadURLExternal, the upload and files.completeUploadExternal).
 * Needs the `files:write` and `im:write` scopes.
 */
export class SlackFiles implements FileDelivery {
  constructor(
    private readonly client: WebClient,
    private readonly outbox: Outbox,
  ) {}

  async deliverFile(person: string, name: string, bytes: Uint8Array, _mime: string): Promise<string> {
    const who = slackUserOf(person);
    if (!who) throw new Error('Slack files: not a Slack person');
    const filename = safeFileName(name);
    const dm = await this.outbox.send(who.userId, () => this.client.conversations.open({ users: who.userId }));
    const channel = dm.channel?.id;
    if (!channel) throw new Error('Slack files: no direct message channel');
    await this.outbox.send(channel, () => this.client.files.uploadV2({ channel_id: channel, file: Buffer.from(bytes), filename, title: filename }));
    return `Sent to your direct messages with me as ${filename}.`;
  }
}
