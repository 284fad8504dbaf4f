import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { StoreError } from '../../errors.js';
import { migrateSchema, type MigrationLog } from './migrate.js';

/** Options for {@link PostgresDatabase.open}. */
export interface PostgresOptions {
  /** Connections this instance may hold at once. Default 10: several instances share one server's limit (100 by default). */
  maxConnections?: number;
  /** How long to wait for a connection (ms) before saying the database cannot be reached. Default 10,000. */
  connectTimeoutMs?: number;
  /** Hears which migrations ran at start-up (names only). */
  log?: MigrationLog;
}

/**
 * Every connection an instance opens carries `application_name` = this prefix and its instance id,
 * so the database can tell whether the instance that claimed a reminder is still running: its
 * sessions end with its process (kill -9 included), and pg_stat_activity no longer lists them.
 */
export const INSTANCE_PREFIX = 'graduated-bot:';

/** The database named by a URL, by host and name only: the URL may carry a password, which must never reach a log or a message. */
export function describeDatabase(url: string): string {
  try {
    const u = new URL(url);
    return `${u.hostname}${u.port ? `:${u.port}` : ''}${u.pathname}`;
  } catch {
    return 'DATABASE_URL';
  }
}

/**
 * The PostgreSQL database every store shares: one connection pool per instance. Opening it checks
 * the server answers and brings the schema up to date (versioned SQL files, one transaction), and
 * refuses a schema newer than this code. Stores go through {@link query} and {@link transaction},
 * which turn a lost connection into StoreError('store-unavailable'), whose message staff may read.
 */
export class PostgresDatabase {
  readonly #url: string;

  private constructor(
    url: string,
    readonly pool: pg.Pool,
    /** Host, port and database name, for messages (never the password). */
    readonly name: string,
    /** This instance, as its connections name it (application_name after INSTANCE_PREFIX). */
    readonly instanceId: string,
  ) {
    this.#url = url;
  }

  /** A connection of its own, outside the pool, named as this instance's are: for a session that must last (the scheduler's advisory lock). The caller ends it. */
  dedicatedClient(): pg.Client {
    return new pg.Client({ connectionString: this.#url, application_name: `${INSTANCE_PREFIX}${this.instanceId}`, keepAlive: true, keepAliveInitialDelayMillis: 5000, connectionTimeoutMillis: 10_000 });
  }

  /**
   * Connects and migrates. Throws StoreError('store-unavailable') in one line when the server cannot
   * be reached or refuses the login, and StoreError('store-invalid') when the database was migrated
   * by a newer version of the bot; in both cases nothing in the database is changed.
   */
  static async open(url: string, opts: PostgresOptions = {}): Promise<PostgresDatabase> {
    const name = describeDatabase(url);
    const instanceId = randomBytes(6).toString('hex');
    const pool = new pg.Pool({ connectionString: url, max: opts.maxConnections ?? 10, connectionTimeoutMillis: opts.connectTimeoutMs ?? 10_000, application_name: `${INSTANCE_PREFIX}${instanceId}` });
    // An idle connection the server drops (a restart, a failover) must not take the process down.
    pool.on('error', () => {});
    const db = new PostgresDatabase(url, pool, name, instanceId);
    try {
      const client = await pool.connect().catch((err: unknown) => {
        throw new StoreError(`The database ${name} (DATABASE_URL) cannot be reached (${reason(err)}), so the bot will not start. Check that PostgreSQL is running there and the URL, user and password are right.`, 'store-unavailable', { cause: err });
      });
      try {
        await migrateSchema(client, name, opts.log);
      } finally {
        client.release();
      }
      return db;
    } catch (err) {
      await pool.end().catch(() => {});
      throw err;
    }
  }

  /** One statement on any pooled connection. */
  async query<R extends pg.QueryResultRow = pg.QueryResultRow>(text: string, values: unknown[] = []): Promise<pg.QueryResult<R>> {
    try {
      return await this.pool.query<R>(text, values);
    } catch (err) {
      throw unavailable(err) ?? err;
    }
  }

  /** Runs `work` in one transaction on one connection: committed if it resolves, rolled back if it throws. */
  async transaction<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    let client: pg.PoolClient;
    try {
      client = await this.pool.connect();
    } catch (err) {
      throw unavailable(err) ?? err;
    }
    try {
      await client.query('BEGIN');
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (err) {
      await client.query('ROLLBACK').catch(() => {});
      throw unavailable(err) ?? err;
    } finally {
      client.release();
    }
  }

  /** Closes every pooled connection; safe to call twice. */
  async close(): Promise<void> {
    if (!this.pool.ended) await this.pool.end();
  }
}

/** The SQLSTATE of a PostgreSQL error, if it is one. */
export function sqlState(err: unknown): string | undefined {
  return typeof err === 'object' && err !== null && typeof (err as { code?: unknown }).code === 'string' ? (err as { code: string }).code : undefined;
}

/** A unique index refused the row: its constraint's name, else undefined. */
export function uniqueViolation(err: unknown): string | undefined {
  return sqlState(err) === '23505' ? ((err as { constraint?: string }).constraint ?? '') : undefined;
}

/** Connection-level failures (refused, timed out, the server shutting down or gone): worth trying again later. */
function unavailable(err: unknown): StoreError | undefined {
  const code = sqlState(err) ?? '';
  const lost = /^(ECONNREFUSED|ECONNRESET|ETIMEDOUT|EHOSTUNREACH|ENOTFOUND|EPIPE)$/.test(code) || /^(08|57P0)/.test(code) || /Connection terminated|timeout exceeded when trying to connect/i.test((err as Error)?.message ?? '');
  return lost ? new StoreError('The database cannot be reached just now, so nothing was saved. Please try again in a minute.', 'store-unavailable', { cause: err }) : undefined;
}

/** Why a connection failed, in a few words and never with the URL: an error code, or the server's first line. */
function reason(err: unknown): string {
  const code = sqlState(err);
  if (code === '28P01' || code === '28000') return 'the login was refused';
  if (code === '3D000') return 'no database of that name';
  if (code && !/^\d/.test(code)) return code;
  return String((err as Error)?.message ?? err).split('\n')[0]!.slice(0, 120);
}
