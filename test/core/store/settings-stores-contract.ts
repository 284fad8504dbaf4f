import { describe, expect, it } from 'vitest';
import { LaChannelLink } from '../../../src/app/la-channel-link.js';
import { ConversationReferences, personKey } from '../../../src/channels/teams/conversation-references.js';
import { StaffDirectory } from '../../../src/core/staff-directory.js';
import { MemoryAuditLog } from '../../../src/core/store/audit-log.js';
import { DraftStore } from '../../../src/core/store/draft-store.js';
import type { DocumentSource } from '../../../src/core/store/settings-document.js';

const ADMIN = { id: 'teams:admin-1', role: 'admin' as const };
const now = () => new Date('2026-11-30T17:20:00Z');
const form = (n: number) => ({ dialogId: 'pcp', answers: { 'pcp.whoIsThisPupil': `Kind and funny ${n}` }, history: ['pcp.whoIsThisPupil'] });
const activity = (person: string) => ({
  serviceUrl: 'https://smba.trafficmanager.net/uk/',
  channelId: 'msteams',
  conversation: { id: `a:chat-${person}`, conversationType: 'personal', tenantId: 'tenant-1', isGroup: false, name: '' },
  bot: { id: '28:bot', name: 'Graduated' },
  user: { id: `29:${person}`, name: person, aadObjectId: person },
});

/**
 * What the staff directory, the LA channel link, drafts and Teams conversation references must do
 * whichever way their documents are kept. `fresh` empties the backing store and returns a source on
 * it; `again` opens another source on the same backing store (a restart).
 */
export function settingsStoresContract(name: string, fresh: () => Promise<DocumentSource>, again: () => Promise<DocumentSource>): void {
  describe(`settings stores: ${name}`, () => {
    it('keeps a grant and a revocation across a restart, and a new SENDCo gets the school at once', async () => {
      const staff = await StaffDirectory.open(await fresh(), [ADMIN], new MemoryAuditLog(), now);
      expect(staff.sendcosAt('oak-primary')).toEqual([]);
      await staff.grant(ADMIN, { id: 'teams:s-1', role: 'sendco', schoolId: 'oak-primary' });
      await staff.grant(ADMIN, { id: 'teams:t-1', role: 'teacher', schoolId: 'oak-primary' });
      expect(staff.sendcosAt('oak-primary')).toEqual(['teams:s-1']);
      expect(await staff.revoke(ADMIN, 'teams:t-1')).toBe(true);
      await staff.close();
      const reopened = await StaffDirectory.open(await again(), [ADMIN], new MemoryAuditLog(), now);
      expect(reopened.find('teams:s-1')).toEqual({ id: 'teams:s-1', role: 'sendco', schoolId: 'oak-primary' });
      expect(reopened.find('teams:t-1')).toBeUndefined();
      await reopened.close();
    });

    it('loses none of twenty grants made at once', async () => {
      const staff = await StaffDirectory.open(await fresh(), [ADMIN], new MemoryAuditLog(), now);
      await Promise.all(Array.from({ length: 20 }, (_, i) => staff.grant(ADMIN, { id: `teams:t-${i}`, role: 'teacher', schoolId: 'oak-primary' })));
      await staff.close();
      const reopened = await StaffDirectory.open(await again(), [], new MemoryAuditLog(), now);
      expect(reopened.list()).toHaveLength(20);
      await reopened.close();
    });

    it('keeps the LA channel link across a restart', async () => {
      const link = await LaChannelLink.open(await fresh());
      expect(link.value).toBeUndefined();
      await link.set({ channel: 'slack', target: 'C0LA', linkedBy: ADMIN.id, linkedAt: now().toISOString() });
      await link.close();
      expect((await LaChannelLink.open(await again())).value).toMatchObject({ channel: 'slack', target: 'C0LA' });
    });

    it('keeps one draft per person across a restart and discards on request', async () => {
      const drafts = await DraftStore.open(await fresh(), now);
      await Promise.all([drafts.keep('local-a', form(1)), drafts.keep('local-b', form(2))]);
      await drafts.keep('local-a', form(3));
      await drafts.close();
      const reopened = await DraftStore.open(await again(), now);
      expect(reopened.get('local-a')).toEqual({ ...form(3), savedAt: now().toISOString() });
      await reopened.discard('local-b');
      expect(reopened.get('local-b')).toBeUndefined();
      await reopened.close();
    });

    it('keeps where each person can be written to across a restart, and forgets a removed chat', async () => {
      const refs = await ConversationReferences.open(await fresh(), now);
      await Promise.all(['p1', 'p2'].map((p) => refs.remember(activity(p), `teams:${p}`)));
      await refs.forgetConversation('a:chat-p2');
      await refs.close();
      const reopened = await ConversationReferences.open(await again(), now);
      expect(reopened.find(personKey('teams:p1'))?.conversation.id).toBe('a:chat-p1');
      expect(reopened.find(personKey('teams:p2'))).toBeUndefined();
      await reopened.close();
    });
  });
}
