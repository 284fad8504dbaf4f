import { runner } from 'node-pg-migrate';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { PostgresDatabase } from '../../../../src/core/store/postgres/database.js';
import { knownMigrations, MIGRATIONS_DIR, MIGRATIONS_TABLE } from '../../../../src/core/store/postgres/migrate.js';
import { createTestDatabase, type TestDatabase } from '../../../helpers/postgres.js';

const made: TestDatabase[] = [];
afterAll(async () => {
  for (const d of made) await d.drop();
});
async function fresh(): Promise<TestDatabase> {
  const d = await createTestDatabase();
  made.push(d);
  return d;
}

async function ran(url: string): Promise<string[]> {
  const c = new pg.Client(url);
  await c.connect();
  try {
    return (await c.query<{ name: string }>(`SELECT name FROM ${MIGRATIONS_TABLE} ORDER BY id`)).rows.map((r) => r.name);
  } finally {
    await c.end();
  }
}

async function sql(url: string, text: string, values: unknown[] = []): Promise<pg.QueryResult> {
  const c = new pg.Client(url);
  await c.connect();
  try {
    return await c.query(text, values);
  } finally {
    await c.end();
  }
}

describe('PostgreSQL schema migrations at start-up', () => {
  it('migrates an empty database to the latest version, and opening it again changes nothing', async () => {
    const d = await fresh();
    const db = await PostgresDatabase.open(d.url);
    await db.close();
    expect(await ran(d.url)).toEqual(knownMigrations());
    const again = await PostgresDatabase.open(d.url);
    await again.close();
    expect(await ran(d.url)).toEqual(knownMigrations());
  });

  it('brings a database at the previous version up to date, keeping its rows', async () => {
    const known = knownMigrations();
    expect(known.length).toBeGreaterThan(1);
    const d = await fresh();
    // The previous release's schema, as node-pg-migrate would have left it.
    await runner({ databaseUrl: d.url, dir: MIGRATIONS_DIR, migrationsTable: MIGRATIONS_TABLE, direction: 'up', count: known.length - 1, logger: { debug() {}, info() {}, warn() {}, error() {} } });
    expect(await ran(d.url)).toEqual(known.slice(0, -1));
    await sql(d.url, `INSERT INTO audit_event (at, at_text, actor_id, action, outcome) VALUES (now(), now()::text, 'teams:a', 'case.read', 'allowed')`);
    const heard: string[][] = [];
    const db = await PostgresDatabase.open(d.url, { log: (_m, f) => heard.push(f.migrations) });
    await db.close();
    expect(heard).toEqual([[known[known.length - 1]]]);
    expect(await ran(d.url)).toEqual(known);
    expect((await sql(d.url, 'SELECT count(*)::int AS n FROM audit_event')).rows[0].n).toBe(1);
  });

  it('refuses, in one line and changing nothing, a database migrated by a newer version', async () => {
    const d = await fresh();
    await (await PostgresDatabase.open(d.url)).close();
    await sql(d.url, `INSERT INTO ${MIGRATIONS_TABLE} (name, run_on) VALUES ('9999_from-the-future', now())`);
    const err = await PostgresDatabase.open(d.url).catch((e: unknown) => e as Error);
    expect(err).toMatchObject({ code: 'store-invalid' });
    expect((err as Error).message).toMatch(/^The database 127\.0\.0\.1:5432\/gr_test_\w+ was migrated by a newer version of the bot \(schema 9999_from-the-future; this version knows up to \d{4}_[a-z-]+\), so the bot will not start/);
    expect((err as Error).message).not.toContain('\n');
    expect(await ran(d.url)).toEqual([...knownMigrations(), '9999_from-the-future']);
  });

  it('refuses a database it cannot reach in one line, without the password', async () => {
    const err = await PostgresDatabase.open('postgres://bot:s3cret@127.0.0.1:1/graduated', { connectTimeoutMs: 2000 }).catch((e: unknown) => e as Error);
    expect(err).toMatchObject({ code: 'store-unavailable' });
    expect((err as Error).message).toBe('The database 127.0.0.1:1/graduated (DATABASE_URL) cannot be reached (ECONNREFUSED), so the bot will not start. Check that PostgreSQL is running there and the URL, user and password are right.');
    expect((err as Error).message).not.toContain('s3cret');
  });

  it('names a database that does not exist', async () => {
    const d = await fresh();
    const url = d.url.replace(d.name, `${d.name}_missing`);
    const err = await PostgresDatabase.open(url).catch((e: unknown) => e as Error);
    expect((err as Error).message).toContain('cannot be reached (no database of that name)');
  });

  it('lets two instances start on one empty database at once: one migrates, the other waits and finds it done', async () => {
    const d = await fresh();
    const [a, b] = await Promise.all([PostgresDatabase.open(d.url), PostgresDatabase.open(d.url)]);
    await a.close();
    await b.close();
    expect(await ran(d.url)).toEqual(knownMigrations());
  });
});
