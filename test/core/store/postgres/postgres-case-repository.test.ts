import { afterAll, beforeAll } from 'vitest';
import { PostgresDatabase } from '../../../../src/core/store/postgres/database.js';
import { PostgresCaseRepository } from '../../../../src/core/store/postgres/postgres-case-repository.js';
import { createTestDatabase, type TestDatabase } from '../../../helpers/postgres.js';
import { contractCalendar, describeCaseRepositoryContract } from '../case-repository-contract.js';
import { storedDueItems, storedDueItemsBasis } from '../../../../src/core/reminders/stored-due-items.js';
import { worcestershire } from '../../../helpers/pack.js';

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
    await db.query('TRUNCATE pupil_case CASCADE');
    const [pack, calendar] = await Promise.all([worcestershire(), contractCalendar()]);
    return new PostgresCaseRepository(db, { now, dueItems: { basis: storedDueItemsBasis(pack, calendar), calendar, of: (c) => storedDueItems(c, { pack, calendar }) } });
  },
  { sibling: async (now) => new PostgresCaseRepository(await instance(), { now }) },
);
