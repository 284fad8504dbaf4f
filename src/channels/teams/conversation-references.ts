import type { ConversationReference } from 'botbuilder';
import { z } from 'zod/v4';
import type { DataFolder } from '../../core/store/data-folder.js';
import { documentSource, type DocumentSource, type SettingsDocument } from '../../core/store/settings-document.js';
import { VERSIONED_FROM_THE_START } from '../../core/store/migrations.js';

/**
 * Where the bot can write to later (reminders, LA notifications): the personal chat of each person
 * and each team channel or group chat it was installed in. Saved only from activities the adapter
 * authenticated, and the serviceUrl only ever comes from the activity, never from message text.
 */
const SavedReference = z
  .object({
    serviceUrl: z.url({ protocol: /^https?$/ }),
    channelId: z.string().min(1).max(40),
    conversation: z.object({ id: z.string().min(1).max(400), conversationType: z.string().max(40).optional(), tenantId: z.string().max(64).optional() }),
    bot: z.object({ id: z.string().min(1).max(200), name: z.string().max(200).optional() }),
    user: z.object({ id: z.string().min(1).max(200), aadObjectId: z.string().max(64).optional() }).optional(),
    savedAt: z.string().max(40),
    /** Set when the connector answered 403/404 (the bot was removed): no sends until they write again. */
    unreachableSince: z.string().max(40).optional(),
  })
  .strict();
type SavedReference = z.infer<typeof SavedReference>;

const ReferencesFile = z.object({ schemaVersion: z.literal(1), references: z.record(z.string().max(500), SavedReference) }).strict();

/** A reference to send to: always names its conversation. */
export type SavedConversation = Partial<ConversationReference> & Pick<ConversationReference, 'conversation'>;

/** Keys are namespaced so people and conversations never collide: `person:teams:<aad>`, `conversation:<id>`. */
export const personKey = (personId: string) => `person:${personId}`;
export const conversationKey = (conversationId: string) => `conversation:${conversationId}`;

export class ConversationReferences {
  private constructor(private readonly doc: SettingsDocument<z.infer<typeof ReferencesFile>>, private readonly now: () => Date) {}

  /** Kept in the data folder (`teams/conversations.json`), or wherever `where` keeps documents (PostgreSQL, shared by every instance). */
  static async open(where: DataFolder | DocumentSource, now: () => Date = () => new Date()): Promise<ConversationReferences> {
    const doc = await documentSource(where)('teamsConversations', ReferencesFile, () => ({ schemaVersion: 1 as const, references: {} }), VERSIONED_FROM_THE_START);
    return new ConversationReferences(doc, now);
  }

  /** Remembers where this activity came from; a personal chat is also filed under the person. Skips the write when nothing changed. */
  async remember(ref: Partial<ConversationReference>, personId?: string): Promise<void> {
    if (!ref.serviceUrl || !ref.channelId || !ref.conversation?.id || !ref.bot?.id) return;
    const saved: SavedReference = {
      serviceUrl: ref.serviceUrl,
      channelId: ref.channelId,
      conversation: {
        id: ref.conversation.id,
        ...(ref.conversation.conversationType ? { conversationType: ref.conversation.conversationType } : {}),
        ...(ref.conversation.tenantId ? { tenantId: ref.conversation.tenantId } : {}),
      },
      bot: { id: ref.bot.id, ...(ref.bot.name ? { name: ref.bot.name } : {}) },
      ...(ref.user?.id ? { user: { id: ref.user.id, ...(ref.user.aadObjectId ? { aadObjectId: ref.user.aadObjectId } : {}) } } : {}),
      savedAt: this.now().toISOString(),
    };
    const personal = ref.conversation.conversationType === 'personal' && personId;
    const keys = [conversationKey(ref.conversation.id), ...(personal ? [personKey(personId)] : [])];
    // An unreachable reference is re-saved, so a message from that person makes it reachable again.
    const same = (a?: SavedReference) => a && !a.unreachableSince && a.serviceUrl === saved.serviceUrl && a.conversation.id === saved.conversation.id && a.user?.id === saved.user?.id;
    if (keys.every((k) => same(this.doc.data.references[k]))) return;
    const parsed = SavedReference.safeParse(saved);
    if (!parsed.success) return;
    await this.doc.update((f) => ({ ...f, references: { ...f.references, ...Object.fromEntries(keys.map((k) => [k, parsed.data])) } }));
  }

  /**
   * Forgets every reference to a conversation (its own key and the person key of a personal chat),
   * after the bot was uninstalled or removed from it. Returns the keys removed.
   */
  async forgetConversation(conversationId: string): Promise<string[]> {
    const gone = this.#keysOf(conversationId);
    if (gone.length) await this.doc.update((f) => ({ ...f, references: Object.fromEntries(Object.entries(f.references).filter(([k]) => !gone.includes(k))) }));
    return gone;
  }

  /** Marks every reference to a conversation unreachable (kept, not used) until the next activity from it. */
  async markUnreachable(conversationId: string): Promise<void> {
    const keys = this.#keysOf(conversationId).filter((k) => !this.doc.data.references[k]?.unreachableSince);
    if (!keys.length) return;
    const since = this.now().toISOString();
    await this.doc.update((f) => ({ ...f, references: { ...f.references, ...Object.fromEntries(keys.map((k) => [k, { ...f.references[k]!, unreachableSince: since }])) } }));
  }

  /** True when a reference is on file for `key` and not marked unreachable. */
  reachable(key: string): boolean {
    return this.find(key) !== undefined;
  }

  #keysOf(conversationId: string): string[] {
    return Object.entries(this.doc.data.references)
      .filter(([, r]) => r.conversation.id === conversationId)
      .map(([k]) => k);
  }

  /** Where to send for `key`; undefined when nothing is on file or it is marked unreachable (the bot was removed there). */
  find(key: string): SavedConversation | undefined {
    const r = this.doc.data.references[key];
    if (!r || r.unreachableSince) return undefined;
    return { serviceUrl: r.serviceUrl, channelId: r.channelId, conversation: { isGroup: r.conversation.conversationType !== 'personal', id: r.conversation.id, name: '', conversationType: r.conversation.conversationType ?? 'personal', ...(r.conversation.tenantId ? { tenantId: r.conversation.tenantId } : {}) }, bot: { id: r.bot.id, name: r.bot.name ?? '' }, ...(r.user ? { user: { ...r.user, name: '' } } : {}) };
  }

  close(): Promise<void> {
    return this.doc.close();
  }
}
