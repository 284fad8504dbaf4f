import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Once } from '../../../../src/app/once.js';
import { PostgresDatabase } from '../../../../src/core/store/postgres/database.js';
import { PostgresIdempotencyStore } from '../../../../src/core/store/postgres/postgres-idempotency-store.js';
import { createTestDatabase, type TestDatabase } from '../../../helpers/postgres.js';
import { describeKeyStoreContract } from '../key-store-contract.js';

let testDb: TestDatabase;
const dbs: PostgresDatabase[] = [];
beforeAll(async () => {
  testDb = await createTestDatabase();
  for (let i = 0; i < 2; i++) dbs.push(await PostgresDatabase.open(testDb.url, { maxConnections: 4 }));
});
afterAll(async () => {
  for (const d of dbs) await d.close();
  await testDb.drop();
});

describeKeyStoreContract(
  'PostgresIdempotencyStore',
  async () => {
    await dbs[0]!.query('TRUNCATE idempotency_key');
    return new PostgresIdempotencyStore(dbs[0]!, { clock: () => 0 });
  },
  async () => new PostgresIdempotencyStore(dbs[1]!, { clock: () => 0 }),
);

describe('PostgresIdempotencyStore behind two instances', () => {
  it('saves a form sent to two instances at once only once, and the other answers "already sent"', async () => {
    await dbs[0]!.query('TRUNCATE idempotency_key');
    let saves = 0;
    const instances = dbs.map((d) => new Once<string>({ ttlMs: 24 * 3600_000, persist: { store: new PostgresIdempotencyStore(d), namespace: 'form:', restored: () => 'already sent' } }));
    const results = await Promise.all(instances.map((once) => once.run('teams:x|card-7', async () => {
      await new Promise((r) => setTimeout(r, 50));
      return `saved ${++saves}`;
    })));
    expect(saves).toBe(1);
    expect(results.map((r) => r.value).sort()).toEqual(['already sent', 'saved 1']);
  });

  it('drops expired keys as it goes', async () => {
    await dbs[0]!.query('TRUNCATE idempotency_key');
    let t = 1_000;
    const s = new PostgresIdempotencyStore(dbs[0]!, { clock: () => t, sweepEveryMs: 0 });
    await s.take('slack-event:old', 1_500, t);
    t = 2_000;
    await s.take('slack-event:new', 9_000, t);
    const left = await dbs[0]!.query<{ key: string }>('SELECT key FROM idempotency_key ORDER BY key');
    expect(left.rows.map((r) => r.key)).toEqual(['slack-event:new']);
  });
});
