import { CardFactory, MessageFactory } from 'botbuilder';
import type { FileDelivery } from '../../core/files/deliver-file.js';
import { CARD_SCHEMA, type AdaptiveCard } from './cards/adaptive-types.js';
import { MAX_CARD_BYTES, cardSizeBytes } from './cards/render-card.js';
import { plainText, textBlock } from './cards/elements.js';
import { personKey } from './conversation-references.js';
import { sendOrMarkGone, type ProactiveDeps } from './proactive.js';

/**
 * Files in Teams, for now as text: a card in the person's personal chat with the file's name and
 * its lines in a fixed-width block, to copy into a file. A bot gives a real file in Teams only
 * through the file consent flow (a FileConsentCard, `supportsFiles` in the manifest, an upload to
 * the person's OneDrive on "Allow"); that can replace this class without anything else changing.
 * Only text files fit; one too long for a Teams message is refused with what to do instead.
 */
export class TeamsFiles implements FileDelivery {
  constructor(private readonly deps: ProactiveDeps) {}

  async deliverFile(person: string, name: string, bytes: Uint8Array, mime: string): Promise<string> {
    if (!mime.startsWith('text/')) throw new Error('Teams files: only text can be sent as text');
    const ref = this.deps.references.find(personKey(person));
    if (!ref) throw new Error('Teams files: no personal chat with this person');
    const card = fileCard(name, new TextDecoder().decode(bytes));
    if (cardSizeBytes(card) >= MAX_CARD_BYTES) return `${name} is too long to send in a Teams message. Ask for a shorter period, or use Slack or "npm run cli -- la report --csv" on the bot's machine.`;
    const activity = MessageFactory.attachment(CardFactory.adaptiveCard(card));
    activity.summary = name;
    await sendOrMarkGone(this.deps, ref, (context) => context.sendActivity(activity));
    return `Sent to our personal chat as text: copy the lines under “${name}” into a file of that name (Teams lets me send a file only as text for now).`;
  }
}

function fileCard(name: string, body: string): AdaptiveCard {
  return {
    type: 'AdaptiveCard',
    $schema: CARD_SCHEMA,
    version: '1.5',
    msteams: { width: 'Full' },
    body: [textBlock(plainText(name), { weight: 'Bolder' }), textBlock(plainText(body.replace(/\r?\n$/, '')).replace(/\r?\n/g, '\r'), { fontType: 'Monospace', size: 'Small' })],
  };
}
