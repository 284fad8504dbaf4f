import type { Attachment, ConversationReference, TurnContext } from 'botbuilder';
import { z } from 'zod/v4';
import type { Assistant, Person } from '../../app/assistant.js';
import { callSignal, CALL_TIMEOUT_MS } from '../../app/outbound.js';
import { text, type FileOffer, type View } from '../../core/views/view.js';
import { asksForFile } from '../../dialogs/read/read-request.js';
import type { Logger } from '../../logger.js';
import { fileContent, pagesWords } from '../../pdf/file-content.js';
import { isLoopbackUrl } from '../../server/loopback.js';
import { cardMessage } from './card-message.js';
import { putWhole } from './upload-put.js';
import { personKey, type SavedConversation } from './conversation-references.js';
import { sendOrMarkGone, type ProactiveDeps } from './proactive.js';

/**
 * Files in Teams (the evidence pack) go through the file consent flow of the personal chat, the
 * only place a bot may send one: a FileConsentCard says what it is and how big; if the person
 * accepts, Teams sends a `fileConsent/invoke` with an upload URL in their OneDrive, the bot PUTs the
 * bytes there (Content-Range, one piece) and sends a FileInfoCard to open it. The card carries only
 * the command that makes the file (`evidence 4021`): on accept the file is built again for whoever
 * accepted, through the same access checks, so nothing about the pupil waits between the two.
 */

export const FILE_CONSENT_CARD = 'application/vnd.microsoft.teams.card.file.consent';
export const FILE_INFO_CARD = 'application/vnd.microsoft.teams.card.file.info';

/** What the consent card carries back, accepted or declined. */
const ConsentContext = z.object({ command: z.string().min(1).max(200) }).strict();
export const FileConsentResponse = z.object({
  type: z.literal('fileUpload').optional(),
  action: z.enum(['accept', 'decline']),
  context: ConsentContext,
  uploadInfo: z
    .object({
      name: z.string().min(1).max(255),
      uploadUrl: z.url({ protocol: /^https?$/ }),
      contentUrl: z.url({ protocol: /^https?$/ }),
      uniqueId: z.string().min(1).max(200),
      fileType: z.string().max(20).default('pdf'),
    })
    .optional(),
});
export type FileConsentResponse = z.infer<typeof FileConsentResponse>;

export interface TeamsFilesDeps extends ProactiveDeps {
  assistant: Assistant;
  log: Logger;
  /** No Bot Framework credentials, so only this machine reaches the bot: an upload URL may then be plain http on loopback. */
  localOnly: boolean;
  callTimeoutMs?: number;
  stopping?: AbortSignal;
}

const files = (views: readonly View[]): FileOffer[] => views.flatMap((v) => (v.file ? [v.file] : []));

/** The consent card for one file, sized, with the command that makes it as both contexts. */
export function consentCard(offer: FileOffer, sizeInBytes: number, pages?: number, aboutAChild = true): Partial<Attachment> {
  const context = { command: offer.command };
  const what = [offer.title, pagesWords({ pages })].filter(Boolean).join(': ');
  const care = aboutAChild ? 'It holds special category data about a child.' : 'Small numbers are withheld in it.';
  return {
    contentType: FILE_CONSENT_CARD,
    name: offer.fileName,
    content: { description: `${what}. ${care} Accept to save it to your OneDrive.`, sizeInBytes, acceptContext: context, declineContext: context },
  };
}

export class TeamsFiles {
  constructor(private readonly deps: TeamsFilesDeps) {}

  /** Whether a reply carries a file to offer. */
  static carriesFile(views: readonly View[]): boolean {
    return files(views).length > 0;
  }

  /**
   * Offers each file in `views` with a consent card in the conversation `ref` (a personal chat),
   * sent proactively, so it works whether the turn that asked is still open or not (a slow button press).
   */
  async offer(ref: Partial<ConversationReference> & Pick<ConversationReference, 'conversation'>, views: readonly View[]): Promise<void> {
    for (const offer of files(views)) {
      const { bytes, pages, aboutAChild } = await fileContent(offer);
      await sendOrMarkGone(this.deps, ref, (context) => context.sendActivity({ attachments: [consentCard(offer, bytes.length, pages, aboutAChild) as Attachment] }));
    }
  }

  /** A reply and the consent card of any file it carries, into a saved conversation (the person's personal chat). */
  async sendTo(ref: SavedConversation, views: readonly View[]): Promise<void> {
    await sendOrMarkGone(this.deps, ref, (context) => context.sendActivity(cardMessage(views)));
    await this.offer(ref, views);
  }

  /** The person's own personal chat with the bot, when they have written there (so a file can be sent to it). */
  personalChat(person: Person) {
    return this.deps.references.find(personKey(person.id));
  }

  /** Accepted: build the file again for this person, upload it where Teams said, and show it. */
  async accept(context: TurnContext, person: Person, response: FileConsentResponse): Promise<void> {
    const info = response.uploadInfo;
    const command = response.context.command;
    if (!info || !asksForFile(command)) return void (await this.#say(context, [{ blocks: [text('That file card is from an older version or incomplete, so nothing was saved. Ask for the file again.', 'warning')] }]));
    if (!this.#uploadAllowed(info.uploadUrl)) {
      this.deps.log.warn('file upload refused', { reason: 'upload url not allowed' });
      return void (await this.#say(context, [{ blocks: [text('Teams gave an upload address I may not use, so the file was not sent.', 'warning')] }]));
    }
    const views = await this.deps.assistant.text({ ...person, shared: false }, command);
    const [offer] = files(views);
    // Not made (the pupil is no longer theirs to see, say): the answer says why.
    if (!offer) return void (await this.#say(context, views));
    try {
      const { bytes } = await fileContent(offer);
      await this.#upload(info.uploadUrl, bytes);
    } catch (err) {
      this.deps.log.error('file upload failed', { error: (err as Error).name });
      return void (await this.#say(context, [{ blocks: [text('The file could not be saved to your OneDrive just now. Please ask for it again in a moment.', 'warning')] }]));
    }
    const card: Partial<Attachment> = { contentType: FILE_INFO_CARD, name: info.name, contentUrl: info.contentUrl, content: { uniqueId: info.uniqueId, fileType: info.fileType } };
    await this.deps.outbox.send(context.activity.conversation.id, () =>
      context.sendActivity({ text: `Saved to your OneDrive: ${info.name}. It holds special category data about a child, so keep it there or somewhere as secure.`, attachments: [card as Attachment] }),
    );
  }

  /** Declined: nothing was made or kept; say how to ask again. */
  async decline(context: TurnContext, response: FileConsentResponse): Promise<void> {
    const again = asksForFile(response.context.command) ? ` Type "${response.context.command}" whenever you want it.` : '';
    await this.#say(context, [{ blocks: [text(`No problem: the file was not sent, and nothing was saved anywhere.${again}`)] }]);
  }

  /** OneDrive's upload URLs are https; plain http only to this machine when the bot runs without credentials (the Emulator, tests). */
  #uploadAllowed(url: string): boolean {
    const u = new URL(url);
    return u.protocol === 'https:' || (this.deps.localOnly && isLoopbackUrl(url));
  }

  /** One PUT of the whole file, as an upload session takes it (Node's http client: see putWhole); bounded like every outbound call. */
  async #upload(url: string, bytes: Uint8Array): Promise<void> {
    const signal = callSignal(this.deps.callTimeoutMs ?? CALL_TIMEOUT_MS, this.deps.stopping);
    await putWhole(url, bytes, signal);
  }

  #say(context: TurnContext, views: readonly View[]): Promise<unknown> {
    return this.deps.outbox.send(context.activity.conversation.id, () => context.sendActivity(cardMessage(views)));
  }
}
