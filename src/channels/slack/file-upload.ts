import type { WebClient } from '@slack/web-api';
import { text, type FileOffer, type View } from '../../core/views/view.js';
import { fileContent, handleWith, pagesWords } from '../../pdf/file-content.js';
import type { SlackDeps } from './slack-deps.js';

/**
 * Files in Slack (the evidence pack) go to the person's direct messages with the bot, whoever else
 * could see where they asked: the DM is opened (conversations.open), the PDF goes up with Slack's
 * upload API through the Bolt client (files.getUploadURLExternal, the bytes to the URL it gives,
 * then files.completeUploadExternal into the DM), and the reply says where it went.
 */

const offers = (views: readonly View[]): FileOffer[] => views.flatMap((v) => (v.file ? [v.file] : []));

/** Whether a reply carries a file to upload. */
export const carriesFile = (views: readonly View[]): boolean => offers(views).length > 0;

/**
 * Uploads each file in `views` to the DM with `userId` (`dm` when it is already known: the reply
 * is going there). Returns what to add to the reply: where the file is, or that it could not be sent.
 */
export async function uploadFiles(deps: SlackDeps, client: WebClient, userId: string, views: readonly View[], dm?: string): Promise<View[]> {
  const said: View[] = [];
  for (const offer of offers(views)) {
    try {
      const content = await fileContent(offer);
      const { bytes } = content;
      const pages = pagesWords(content);
      const channel = dm ?? (await client.conversations.open({ users: userId })).channel?.id;
      if (!channel) throw new Error('no direct message channel');
      await deps.outbox.send(channel, () =>
        client.filesUploadV2({
          channel_id: channel,
          file: bytes,
          filename: offer.fileName,
          title: offer.title,
          initial_comment: `${offer.title}${pages ? ` (${pages})` : ''}. ${handleWith(content)}`,
        }),
      );
      said.push({ blocks: [text(dm ? `The ${content.kind} is just above.` : `The ${content.kind} is in your direct messages with me, where only you can see it.`, 'muted')] });
    } catch (err) {
      deps.log.error('file upload failed', { error: (err as Error).name, code: (err as { code?: string }).code ?? 'unknown' });
      said.push({ blocks: [text(`The ${offer.csv === undefined ? 'PDF' : 'CSV'} could not be sent to you just now. Please ask for it again in a moment.`, 'warning')] });
    }
  }
  return said;
}
