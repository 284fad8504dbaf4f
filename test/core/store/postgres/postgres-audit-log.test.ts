import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PostgresDatabase } from '../../../../src/core/store/postgres/database.js';
import { PostgresAuditLog } from '../../../../src/core/store/postgres/postgres-audit-log.js';
import { createTestDatabase, type TestDatabase } from '../../../helpers/postgres.js';
import { describeAuditLog, event } from '../audit-log-contract.js';

let testDb: TestDatabase;
let db: PostgresDatabase;
beforeAll(async () => {
  testDb = await createTestDatabase();
  db = await PostgresDatabase.open(testDb.url, { maxConnections: 4 });
});
afterAll(async () => {
  await db.close();
  await testDb.drop();
});

describeAuditLog('PostgresAuditLog', async () => {
  // TRUNCATE, not DELETE: the table refuses deletes (append-only), and tests start empty.
  await db.query('TRUNCATE audit_event');
  return new PostgresAuditLog(db);
});

describe('PostgresAuditLog in the database', () => {
  it('refuses to change or remove a recorded line, even through SQL', async () => {
    await db.query('TRUNCATE audit_event');
    await new PostgresAuditLog(db).record(event());
    await expect(db.query("UPDATE audit_event SET actor_id = 'someone-else'")).rejects.toThrow(/append-only/);
    await expect(db.query('DELETE FROM audit_event')).rejects.toThrow(/append-only/);
    expect(await new PostgresAuditLog(db).list()).toEqual([event()]);
  });

  it('lists what another instance recorded', async () => {
    await db.query('TRUNCATE audit_event');
    const other = await PostgresDatabase.open(testDb.url, { maxConnections: 2 });
    try {
      await new PostgresAuditLog(other).record(event({ actorId: 'teams:other-instance' }));
      expect((await new PostgresAuditLog(db).list({ actorId: 'teams:other-instance' }))).toHaveLength(1);
    } finally {
      await other.close();
    }
  });
});
