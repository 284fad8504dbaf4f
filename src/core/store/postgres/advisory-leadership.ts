import type pg from 'pg';
import type { PostgresDatabase } from './database.js';

/**
 * The advisory lock the reminder scheduler's leader holds: one number every instance agrees on
 * (any bigint; this one is "graduated-response reminders" folded to 48 bits, written out).
 */
export const SCHEDULER_LOCK_KEY = 0x6772_5f72_656d;

/** Options for {@link AdvisoryLockLeadership}. */
export interface LeadershipOptions {
  /** How often an instance that does not lead tries for the lock, and the leader checks its session (ms). Default 5,000. */
  everyMs?: number;
  /** Hears leadership gained and lost (no ids beyond the instance's own). */
  log?: (message: string) => void;
}

/**
 * Which instance runs the reminder scheduler: the one holding a PostgreSQL session-level advisory
 * lock on its own connection. When that process dies (kill -9 included) its connection closes and
 * the server releases the lock at once; the others try every `everyMs` (5 s), so one takes over
 * within seconds. If the leader's machine vanishes without closing the connection, the server's
 * TCP keepalives (set on the session to 5 s idle, 5 s apart, 3 probes) end it in about 20 s, so
 * takeover stays within 30 s. The leader confirms its session before every send ({@link confirm}),
 * so an instance that lost its connection stops sending before another starts.
 */
export class AdvisoryLockLeadership {
  #client: pg.Client | undefined;
  #leader = false;
  #timer: NodeJS.Timeout | undefined;
  #trying: Promise<void> | undefined;
  readonly #everyMs: number;
  readonly #log: (message: string) => void;

  constructor(
    private readonly db: PostgresDatabase,
    opts: LeadershipOptions = {},
  ) {
    this.#everyMs = opts.everyMs ?? 5000;
    this.#log = opts.log ?? (() => {});
  }

  /** Whether this instance held the lock at the last check. */
  get isLeader(): boolean {
    return this.#leader;
  }

  /** Tries at once and then every `everyMs`; `onGained` runs each time this instance becomes the leader. */
  start(onGained: () => void): void {
    const loop = () => {
      this.#trying = this.#attempt(onGained).finally(() => {
        this.#trying = undefined;
        if (this.#timer !== undefined) this.#timer = setTimeout(loop, this.#everyMs);
      });
    };
    this.#timer = setTimeout(loop, 0);
  }

  /** True only if this instance leads and its lock session still answers (one round trip). */
  async confirm(): Promise<boolean> {
    if (!this.#leader || !this.#client) return false;
    try {
      await this.#client.query('SELECT 1');
      return true;
    } catch {
      await this.#lose('leadership lost: the lock session stopped answering');
      return false;
    }
  }

  /** Stops trying, and gives the lock up (by ending its session) so another instance takes over at its next try. */
  async stop(): Promise<void> {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = undefined;
    await this.#trying;
    await this.#lose(this.#leader ? 'leadership given up: stopping' : undefined);
  }

  async #attempt(onGained: () => void): Promise<void> {
    try {
      if (!this.#client) this.#client = await this.#connect();
      if (this.#leader) {
        await this.#client.query('SELECT 1');
        return;
      }
      const r = await this.#client.query<{ ok: boolean }>('SELECT pg_try_advisory_lock($1) AS ok', [SCHEDULER_LOCK_KEY]);
      if (r.rows[0]?.ok) {
        this.#leader = true;
        this.#log('leadership gained: this instance runs the reminder scheduler');
        onGained();
      }
    } catch {
      await this.#lose(this.#leader ? 'leadership lost: the lock session failed' : undefined);
    }
  }

  async #connect(): Promise<pg.Client> {
    const client = this.db.dedicatedClient();
    // A dropped connection must not take the process down; the next check notices it.
    client.on('error', () => void this.#lose(this.#leader ? 'leadership lost: the lock session dropped' : undefined));
    await client.connect();
    // So the server notices a vanished leader's machine in about 20 s and frees the lock.
    await client.query('SET tcp_keepalives_idle = 5; SET tcp_keepalives_interval = 5; SET tcp_keepalives_count = 3');
    return client;
  }

  async #lose(message: string | undefined): Promise<void> {
    const client = this.#client;
    this.#client = undefined;
    this.#leader = false;
    if (message) this.#log(message);
    // Ending the session releases the advisory lock.
    await client?.end().catch(() => {});
  }
}
