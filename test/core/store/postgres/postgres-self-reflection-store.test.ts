import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PostgresDatabase } from '../../../../src/core/store/postgres/database.js';
import { PostgresSelfReflectionStore } from '../../../../src/core/store/postgres/postgres-self-reflection-store.js';
import { createTestDatabase, type TestDatabase } from '../../../helpers/postgres.js';
import { contract, oak } from '../self-reflection-contract.js';

let testDb: TestDatabase;
const dbs: PostgresDatabase[] = [];
beforeAll(async () => {
  testDb = await createTestDatabase();
  for (let i = 0; i < 2; i++) dbs.push(await PostgresDatabase.open(testDb.url, { maxConnections: 3 }));
});
afterAll(async () => {
  for (const d of dbs) await d.close();
  await testDb.drop();
});

contract('PostgresSelfReflectionStore', async () => {
  await dbs[0]!.query('TRUNCATE self_reflection');
  return new PostgresSelfReflectionStore(dbs[0]!);
});

describe('PostgresSelfReflectionStore behind two instances', () => {
  it('lets only one of two first saves of a school in, and one of two saves from one revision', async () => {
    await dbs[0]!.query('TRUNCATE self_reflection');
    const [a, b] = dbs.map((d) => new PostgresSelfReflectionStore(d));
    const firsts = await Promise.allSettled([a!.save(oak(), undefined), b!.save(oak(), undefined)]);
    expect(firsts.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    const updates = await Promise.allSettled([a!.save(oak(), 0), b!.save(oak(), 0)]);
    expect(updates.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect((await a!.get('oak-primary'))?.revision).toBe(1);
  });
});
