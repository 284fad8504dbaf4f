import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PostgresDatabase } from '../../../../src/core/store/postgres/database.js';
import { PostgresReminderLedger } from '../../../../src/core/store/postgres/postgres-reminder-ledger.js';
import { createTestDatabase, type TestDatabase } from '../../../helpers/postgres.js';
import { describeReminderLedgerContract } from '../reminder-ledger-contract.js';

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

const now = new Date('2026-11-23T08:00:00.000Z');

describeReminderLedgerContract('PostgresReminderLedger', async () => {
  await db.query('TRUNCATE reminder_send, reminder_person, la_notice');
  return new PostgresReminderLedger(db, () => now);
});

describe('PostgresReminderLedger across instances', () => {
  it('lets exactly one of three instances claim a send, however many try at once', async () => {
    const others = [await PostgresDatabase.open(testDb.url, { maxConnections: 3 }), await PostgresDatabase.open(testDb.url, { maxConnections: 3 })];
    try {
      const ledgers = [db, ...others].map((d) => new PostgresReminderLedger(d, () => now));
      const key = 'pep:oak-primary:case-9|2026-11-23|teams:x|first';
      const claims = await Promise.all(Array.from({ length: 30 }, (_, i) => ledgers[i % 3]!.claim(key, now)));
      // Within one instance a repeat claim is that instance's own resume; across instances only one holds it.
      const holders = new Set(claims.flatMap((c, i) => (c ? [i % 3] : [])));
      expect(holders.size).toBe(1);
    } finally {
      for (const o of others) await o.close();
    }
  });

  it('takes over a send claimed by an instance whose process has gone, but not one still running', async () => {
    const other = await PostgresDatabase.open(testDb.url, { maxConnections: 2 });
    const key = 'psp-review:oak-primary:case-3:p|2026-11-23|teams:y|first';
    const mine = new PostgresReminderLedger(db, () => now);
    expect(await new PostgresReminderLedger(other, () => now).claim(key, now)).toEqual({ attemptsBefore: 0 });
    expect(await mine.claim(key, now)).toBeUndefined();
    await other.close(); // its connections end, as they do when its process is killed
    // The server lists a closed session for a moment after the client has gone (as after a kill):
    // the send is taken over once it is gone, not before, so ask again until then (at most 5 s).
    let taken: Awaited<ReturnType<typeof mine.claim>>;
    for (let i = 0; i < 50 && !(taken = await mine.claim(key, now)); i++) await new Promise((r) => setTimeout(r, 100));
    expect(taken).toEqual({ attemptsBefore: 1 });
  });
});
