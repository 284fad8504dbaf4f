import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { runner } from 'node-pg-migrate';
import type pg from 'pg';
import { StoreError } from '../../errors.js';

/** Hears the names of migrations run at start-up. */
export type MigrationLog = (message: string, fields: { migrations: string[] }) => void;

/** The versioned SQL files, `NNNN_<what>.sql`, each with `-- Up Migration` (and optionally `-- Down Migration`). */
export const MIGRATIONS_DIR = fileURLToPath(new URL('./migrations', import.meta.url));

/** node-pg-migrate's own table of what has run, in the public schema. */
export const MIGRATIONS_TABLE = 'pgmigrations';

/** The migrations this code knows, oldest first, by name (file name without `.sql`). */
export function knownMigrations(): string[] {
  return readdirSync(MIGRATIONS_DIR)
    .filter((f) => /^\d{4}_[a-z0-9-]+\.sql$/.test(f))
    .sort()
    .map((f) => f.slice(0, -'.sql'.length));
}

const quiet = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };

/**
 * Brings the schema up to date on `client`: every migration not yet run, all in one transaction,
 * under node-pg-migrate's advisory lock (an instance starting beside another waits for it rather
 * than migrating twice). Refuses first, changing nothing, when the database holds a migration this
 * code does not know: a newer version of the bot migrated it (StoreError('store-invalid')).
 */
export async function migrateSchema(client: pg.ClientBase, name: string, log?: MigrationLog): Promise<void> {
  const known = knownMigrations();
  const ran = await ranMigrations(client);
  const unknown = ran.filter((m) => !known.includes(m));
  if (unknown.length > 0) {
    throw new StoreError(
      `The database ${name} was migrated by a newer version of the bot (schema ${unknown[unknown.length - 1]}; this version knows up to ${known[known.length - 1]}), so the bot will not start; the database is as it was. Run the newer version.`,
      'store-invalid',
    );
  }
  const done = await runner({
    dbClient: client,
    dir: MIGRATIONS_DIR,
    migrationsTable: MIGRATIONS_TABLE,
    direction: 'up',
    singleTransaction: true,
    checkOrder: true,
    advisoryLockMode: 'wait',
    logger: quiet,
  });
  if (done.length > 0) log?.('database schema migrated', { migrations: done.map((m) => m.name) });
}

/** Names of the migrations already run, oldest first; none when the table is not there yet. */
export async function ranMigrations(client: pg.ClientBase): Promise<string[]> {
  const exists = await client.query<{ t: string | null }>(`SELECT to_regclass('public.${MIGRATIONS_TABLE}')::text AS t`);
  if (!exists.rows[0]?.t) return [];
  const rows = await client.query<{ name: string }>(`SELECT name FROM public.${MIGRATIONS_TABLE} ORDER BY run_on, id`);
  return rows.rows.map((r) => r.name);
}
