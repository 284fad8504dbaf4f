import { afterAll, beforeAll } from 'vitest';
import { PostgresDatabase } from '../../../../src/core/store/postgres/database.js';
import { PostgresCaseRepository } from '../../../../src/core/store/postgres/postgres-case-repository.js';
import { createTestDatabase, type TestDatabase } from '../../../helpers/postgres.js';
import { describeCaseRepositoryContract } from '../case-repository-contract.js';

// One database for the file, emptied before each test; each "instance" has its own pool.
let testDb: TestDatabase;
const opened: PostgresDatabase[] = [];
beforeAll(async () => {
  testDb = await createTestDatabase();
});
afterAll(async () => {
  for (const db of opened) await db.close();
  await testDb.drop();
});

async function instance(): Promise<PostgresDatabase> {
  const db = await PostgresDatabase.open(testDb.url, { maxConnections: 4 });
  opened.push(db);
  return db;
}

describeCaseRepositoryContract(
  'PostgresCaseRepository',
  async (now) => {
    const db = await instance();
    await db.query('TRUNCATE pupil_case');
    return new PostgresCaseRepository(db, { now });
  },
  { sibling: async (now) => new PostgresCaseRepository(await instance(), { now }) },
);
