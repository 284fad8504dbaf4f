import { randomBytes } from 'node:crypto';
import pg from 'pg';

/**
 * Throwaway PostgreSQL databases for tests: one per call, `gr_test_<random>`, dropped by `drop()`,
 * so test files running side by side (and other people's runs on this server) never meet.
 * The server is the one CI and the development machines run (127.0.0.1:5432, trust auth), or
 * PG_TEST_URL (a URL to its `postgres` database). No mocks: every PostgreSQL test talks to it.
 */
export const PG_SERVER_URL = process.env.PG_TEST_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** A fresh empty database: its URL, and `drop()` to remove it (its connections are closed first). */
export interface TestDatabase {
  url: string;
  name: string;
  drop(): Promise<void>;
}

async function admin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: PG_SERVER_URL, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
  } catch (err) {
    // One line, saying what is needed, rather than a stack from deep inside pg.
    throw new Error(`These tests need PostgreSQL at ${new URL(PG_SERVER_URL).host} (trust auth, user postgres; or set PG_TEST_URL): ${(err as Error).message.split('\n')[0]}`);
  }
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Creates an empty database for one test file (or one test). */
export async function createTestDatabase(): Promise<TestDatabase> {
  const name = `gr_test_${randomBytes(6).toString('hex')}`;
  await admin((c) => c.query(`CREATE DATABASE ${name}`));
  const url = new URL(PG_SERVER_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    name,
    drop: () => admin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => {}),
  };
}
