import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LaChannelLink } from '../../../../src/app/la-channel-link.js';
import { StaffDirectory } from '../../../../src/core/staff-directory.js';
import { MemoryAuditLog } from '../../../../src/core/store/audit-log.js';
import { DraftStore } from '../../../../src/core/store/draft-store.js';
import { PostgresDatabase } from '../../../../src/core/store/postgres/database.js';
import { PostgresDocuments } from '../../../../src/core/store/postgres/postgres-documents.js';
import { createTestDatabase, type TestDatabase } from '../../../helpers/postgres.js';
import { settingsStoresContract } from '../settings-stores-contract.js';

let testDb: TestDatabase;
const dbs: PostgresDatabase[] = [];
const hubs: PostgresDocuments[] = [];
/** Another instance: its own pool and its own listening connection on the same database. */
async function instance(): Promise<PostgresDocuments> {
  const db = await PostgresDatabase.open(testDb.url, { maxConnections: 3 });
  dbs.push(db);
  const hub = await PostgresDocuments.open(db);
  hubs.push(hub);
  return hub;
}
beforeAll(async () => {
  testDb = await createTestDatabase();
});
afterAll(async () => {
  for (const h of hubs) await h.close();
  for (const d of dbs) await d.close();
  await testDb.drop();
});

const ADMIN = { id: 'teams:admin-1', role: 'admin' as const };
const now = () => new Date('2026-11-30T17:20:00Z');

settingsStoresContract(
  'PostgreSQL',
  async () => {
    const hub = await instance();
    await dbs.at(-1)!.query('TRUNCATE settings_document');
    return hub.source;
  },
  async () => (await instance()).source,
);

describe('settings documents shared by several instances', () => {
  it('a grant typed on one instance is seen on another, and a revocation too', async () => {
    const [a, b] = [await instance(), await instance()];
    await dbs.at(-1)!.query('TRUNCATE settings_document');
    const onA = await StaffDirectory.open(a.source, [ADMIN], new MemoryAuditLog(), now);
    const onB = await StaffDirectory.open(b.source, [ADMIN], new MemoryAuditLog(), now);
    await onA.grant(ADMIN, { id: 'teams:s-1', role: 'sendco', schoolId: 'oak-primary' });
    await expect.poll(() => onB.find('teams:s-1'), { timeout: 2000 }).toEqual({ id: 'teams:s-1', role: 'sendco', schoolId: 'oak-primary' });
    expect(onB.sendcosAt('oak-primary')).toEqual(['teams:s-1']);
    await onB.revoke(ADMIN, 'teams:s-1');
    await expect.poll(() => onA.find('teams:s-1'), { timeout: 2000 }).toBeUndefined();
  });

  it('loses neither of two drafts kept at once on two instances, and each sees both', async () => {
    const [a, b] = [await instance(), await instance()];
    await dbs.at(-1)!.query('TRUNCATE settings_document');
    const [onA, onB] = [await DraftStore.open(a.source, now), await DraftStore.open(b.source, now)];
    const form = { dialogId: 'pcp', answers: {}, history: [] };
    await Promise.all(Array.from({ length: 10 }, (_, i) => (i % 2 ? onA : onB).keep(`local-${i}`, form)));
    for (const store of [onA, onB]) for (let i = 0; i < 10; i++) await expect.poll(() => store.get(`local-${i}`), { timeout: 2000 }).toBeDefined();
  });

  it('hears changes again after its listening connection was cut', async () => {
    const [a, b] = [await instance(), await instance()];
    await dbs.at(-1)!.query('TRUNCATE settings_document');
    const [onA, onB] = [await LaChannelLink.open(a.source), await LaChannelLink.open(b.source)];
    // Ends every listening session (the server restarting, a network drop) but not the pools.
    const cut = await dbs[0]!.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND query ILIKE 'LISTEN%'");
    expect(cut.rowCount).toBeGreaterThanOrEqual(2);
    await onA.set({ channel: 'teams', target: '19:la@thread.tacv2', linkedBy: ADMIN.id, linkedAt: now().toISOString() });
    await expect.poll(() => onB.value?.target, { timeout: 5000 }).toBe('19:la@thread.tacv2');
  });

  it('refuses a document that is not valid, naming it, and changes nothing', async () => {
    const hub = await instance();
    await dbs.at(-1)!.query("INSERT INTO settings_document (name, revision, body) VALUES ('laChannel', 1, '{\"schemaVersion\":1,\"link\":{\"channel\":\"fax\"}}') ON CONFLICT (name) DO UPDATE SET body = EXCLUDED.body, revision = settings_document.revision + 1");
    await expect(LaChannelLink.open(hub.source)).rejects.toMatchObject({ code: 'store-invalid', message: expect.stringContaining('laChannel') });
    await dbs.at(-1)!.query("DELETE FROM settings_document WHERE name = 'laChannel'");
  });
});
