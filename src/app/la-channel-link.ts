import { z } from 'zod/v4';
import type { StaffMember } from '../core/staff.js';
import type { DataFolder } from '../core/store/data-folder.js';
import { documentSource, type DocumentSource, type SettingsDocument } from '../core/store/settings-document.js';
import { VERSIONED_FROM_THE_START } from '../core/store/migrations.js';
import { text, type View } from '../core/views/view.js';

const LinkFile = z.strictObject({
  schemaVersion: z.literal(1),
  link: z
    .strictObject({
      channel: z.enum(['teams', 'slack']),
      /** A Teams conversation id (its reference is kept with the Teams conversations) or a Slack channel id. */
      target: z.string().min(1).max(400),
      linkedBy: z.string().max(200),
      linkedAt: z.string().max(40),
    })
    .optional(),
});
type LinkFile = z.infer<typeof LinkFile>;
export type LaChannelLinkValue = NonNullable<LinkFile['link']>;

/** Which channel is the LA inclusion team's: set by an admin running "link la channel" in it. */
export class LaChannelLink {
  private constructor(private readonly doc: SettingsDocument<LinkFile>) {}

  /** Kept in the data folder (`la-channel.json`), or wherever `where` keeps documents (PostgreSQL, shared by every instance). */
  static async open(where: DataFolder | DocumentSource): Promise<LaChannelLink> {
    return new LaChannelLink(await documentSource(where)('laChannel', LinkFile, () => ({ schemaVersion: 1 as const }), VERSIONED_FROM_THE_START));
  }

  get value(): LaChannelLinkValue | undefined {
    return this.doc.data.link;
  }

  async set(link: LaChannelLinkValue): Promise<void> {
    await this.doc.update((f) => ({ ...f, link }));
  }

  /**
   * "link la channel", as run in a channel. Only an admin may, and only in a channel the team
   * shares (`where` is undefined in a personal chat or DM); `tip` is the channel's own advice.
   */
  async linkBy(me: StaffMember | undefined, where: { channel: 'teams' | 'slack'; target: string } | undefined, now: Date, tip = ''): Promise<View[]> {
    if (me?.role !== 'admin') return [{ blocks: [text('Only an admin can choose the LA team’s channel.', 'warning')] }];
    if (!where) return [{ blocks: [text('Run this in the LA team’s channel (mention me there), not in a personal chat or direct message.', 'warning')] }];
    await this.set({ ...where, linkedBy: me.id, linkedAt: now.toISOString() });
    return [{ blocks: [text(`This channel is now the LA inclusion team’s: referrals to the LA will be posted here, with Acknowledge and Assign buttons.${tip ? ` ${tip}` : ''}`, 'success')] }];
  }

  close(): Promise<void> {
    return this.doc.close();
  }
}

/** "link la channel", "link the LA team channel", or the slash-command form "link-la-channel". */
export const isLinkLaChannel = (raw: string): boolean => /^link[ -](?:the[ -])?la[ -](?:team[ -])?channel$/i.test(raw.trim());
