import type pg from 'pg';
import type { z } from 'zod/v4';
import { StoreError } from '../../errors.js';
import type { DataFileName } from '../data-files.js';
import { upgrade, type FileVersions } from '../migrations.js';
import { KeyedSerialQueue } from '../serial-queue.js';
import type { DocumentSource, SettingsDocument } from '../settings-document.js';
import { describeFirstIssue } from '../zod-issue.js';
import type { PostgresDatabase } from './database.js';

/** The channel a change is announced on; its payload is the document's name. */
const CHANNEL = 'graduated_settings_document';
/** How long to wait before listening again after the listening connection was lost (ms). */
const RELISTEN_MS = 1000;

/**
 * The settings documents in PostgreSQL (table `settings_document`), shared by every instance. Each
 * instance holds every document it opened in memory, so reads stay synchronous as with the files;
 * a change is made under the row's lock on the latest content and announced with NOTIFY, and every
 * other instance LISTENs and reads the new revision at once (a `grant` on one instance is seen on
 * the others within milliseconds). If the listening connection drops, each document is read again
 * once it is back, so a change made meanwhile is not missed.
 */
export class PostgresDocuments {
  readonly #docs = new Map<string, PostgresDocument<unknown>>();
  #listener: pg.Client | undefined;
  #closed = false;
  #retry: NodeJS.Timeout | undefined;

  private constructor(private readonly db: PostgresDatabase) {}

  /** Starts listening for other instances' changes. Throws StoreError('store-unavailable') if the database cannot be reached. */
  static async open(db: PostgresDatabase): Promise<PostgresDocuments> {
    const docs = new PostgresDocuments(db);
    await docs.#listen();
    return docs;
  }

  /** The documents as a {@link DocumentSource}, for the stores' `open`. */
  get source(): DocumentSource {
    return (name, schema, empty, versions) => this.open(name, schema, empty, versions);
  }

  /** Reads (or starts) the document `name`; StoreError('store-invalid') if what is kept fails `schema` or is newer than this code. */
  async open<S extends z.ZodType>(name: DataFileName, schema: S, empty: () => z.infer<S>, versions: FileVersions): Promise<SettingsDocument<z.infer<S>>> {
    const doc = new PostgresDocument<z.infer<S>>(this.db, name, (raw) => parseKept(name, raw, schema, versions), empty());
    await doc.reload();
    this.#docs.set(name, doc as PostgresDocument<unknown>);
    return doc;
  }

  /** Stops listening; the documents stay readable from memory. */
  async close(): Promise<void> {
    this.#closed = true;
    clearTimeout(this.#retry);
    await this.#listener?.end().catch(() => {});
    await Promise.all([...this.#docs.values()].map((d) => d.close()));
  }

  async #listen(): Promise<void> {
    const client = this.db.dedicatedClient();
    client.on('notification', (n) => {
      if (n.channel === CHANNEL && n.payload) void this.#docs.get(n.payload)?.reload().catch(() => {});
    });
    // A lost listening connection must not take the process down: listen again and catch up.
    const lost = () => {
      if (this.#closed || this.#listener !== client) return;
      this.#listener = undefined;
      this.#retry = setTimeout(() => void this.#relisten(), RELISTEN_MS);
    };
    client.on('error', lost);
    client.on('end', lost);
    try {
      await client.connect();
      await client.query(`LISTEN ${CHANNEL}`);
    } catch (err) {
      await client.end().catch(() => {});
      throw new StoreError('The database cannot be reached just now, so the bot will not start.', 'store-unavailable', { cause: err });
    }
    this.#listener = client;
  }

  async #relisten(): Promise<void> {
    if (this.#closed) return;
    try {
      await this.#listen();
      await Promise.all([...this.#docs.values()].map((d) => d.reload()));
    } catch {
      this.#retry = setTimeout(() => void this.#relisten(), RELISTEN_MS);
    }
  }
}

/** One document: its latest content in memory, changed in the database first. */
class PostgresDocument<T> implements SettingsDocument<T> {
  readonly #writes = new KeyedSerialQueue();
  #revision = -1;

  constructor(
    private readonly db: PostgresDatabase,
    private readonly name: string,
    private readonly parse: (raw: unknown) => T,
    private current: T,
  ) {}

  get data(): T {
    return this.current;
  }

  /** Reads the kept revision if it is newer than the one held. */
  async reload(): Promise<void> {
    const r = await this.db.query<{ revision: string; body: unknown }>('SELECT revision, body FROM settings_document WHERE name = $1', [this.name]);
    const row = r.rows[0];
    if (row && Number(row.revision) > this.#revision) this.#take(Number(row.revision), this.parse(row.body));
  }

  /** Applies `change` to the content as the database holds it, under the row's lock, so two instances' changes both land. */
  update(change: (current: T) => T): Promise<T> {
    return this.#writes.run('doc', async () => {
      const { revision, next } = await this.db.transaction(async (c) => {
        await c.query('INSERT INTO settings_document (name, revision, body) VALUES ($1, 0, $2) ON CONFLICT (name) DO NOTHING', [this.name, JSON.stringify(this.current)]);
        const row = (await c.query<{ revision: string; body: unknown }>('SELECT revision, body FROM settings_document WHERE name = $1 FOR UPDATE', [this.name])).rows[0]!;
        const next = change(this.parse(row.body));
        const revision = Number(row.revision) + 1;
        await c.query('UPDATE settings_document SET revision = $2, body = $3 WHERE name = $1', [this.name, revision, JSON.stringify(next)]);
        // Delivered to every listening instance when the transaction commits.
        await c.query('SELECT pg_notify($1, $2)', [CHANNEL, this.name]);
        return { revision, next };
      });
      if (revision > this.#revision) this.#take(revision, next);
      return next;
    });
  }

  close(): Promise<void> {
    return this.#writes.drain();
  }

  #take(revision: number, data: T): void {
    this.#revision = revision;
    this.current = data;
  }
}

/** What is kept, upgraded and validated as a data file would be; refused by name if it is not valid. */
function parseKept<S extends z.ZodType>(name: string, raw: unknown, schema: S, versions: FileVersions): z.infer<S> {
  const refuse = (problem: string) => new StoreError(`The ${name} document in the database: ${problem}. Nothing was changed.`, 'store-invalid');
  const upgraded = upgrade(raw, versions);
  if (!upgraded.ok) throw refuse(upgraded.newer !== undefined ? `written by a newer version of the bot (version ${upgraded.newer}; this version reads up to ${versions.current}); run the newer version` : upgraded.problem);
  const parsed = schema.safeParse(upgraded.value);
  if (!parsed.success) throw refuse(describeFirstIssue(parsed.error));
  return parsed.data;
}
