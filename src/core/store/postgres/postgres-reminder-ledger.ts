import { reminderId, LaNotice } from '../reminder-ledger.js';
import type { LedgerSnapshot, ReminderLedgerStore, SendClaim } from '../reminder-ledger-store.js';
import type { PersonState, SendState } from '../../reminders/types.js';
import { INSTANCE_PREFIX, type PostgresDatabase } from './database.js';

interface SendRow {
  send_key: string;
  state: SendState['state'];
  at: Date;
  attempts: number;
  next_try_at: Date | null;
}

interface PersonRow {
  person_key: string;
  snoozed_until: Date | null;
  done_at: Date | null;
}

/** Sent reminders older than this are not read for planning (the file ledger forgets them at start-up too). */
const KEEP_SENT_DAYS = 120;

/**
 * The reminder ledger in PostgreSQL (tables `reminder_send`, `reminder_person`, `la_notice`), shared
 * by every instance. A send is claimed by one statement that inserts its row or takes over one that
 * may be taken (failed, or claimed by this instance, or by an instance whose connections are gone
 * from pg_stat_activity because its process died), so two instances can never both hold one send.
 */
export class PostgresReminderLedger implements ReminderLedgerStore {
  constructor(
    private readonly db: PostgresDatabase,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  async snapshot(): Promise<LedgerSnapshot> {
    const cut = new Date(this.clock().getTime() - KEEP_SENT_DAYS * 86_400_000);
    const [sends, people] = await Promise.all([
      this.db.query<SendRow>("SELECT send_key, state, at, attempts, next_try_at FROM reminder_send WHERE state <> 'sent' OR at >= $1", [cut]),
      this.db.query<PersonRow>('SELECT person_key, snoozed_until, done_at FROM reminder_person WHERE snoozed_until IS NOT NULL OR done_at IS NOT NULL'),
    ]);
    return {
      sends: Object.fromEntries(sends.rows.map((r) => [r.send_key, toSend(r)])),
      people: Object.fromEntries(people.rows.map((r) => [r.person_key, toPerson(r)])),
    };
  }

  /** By the person_key index (migration 0007) and reminder_person's primary key; sends of any age. */
  async stateOf(keys: { personKeys?: readonly string[]; sendKeys?: readonly string[] }): Promise<LedgerSnapshot> {
    const persons = keys.personKeys ?? [];
    const none = { rows: [] };
    // Two statements rather than one with OR, so each is an index scan whatever the arrays' lengths.
    const [byPerson, byKey, people] = await Promise.all([
      persons.length === 0 ? (none as { rows: SendRow[] }) : this.db.query<SendRow>('SELECT send_key, state, at, attempts, next_try_at FROM reminder_send WHERE person_key = ANY($1::text[])', [persons]),
      keys.sendKeys?.length ? this.db.query<SendRow>('SELECT send_key, state, at, attempts, next_try_at FROM reminder_send WHERE send_key = ANY($1::text[])', [keys.sendKeys]) : (none as { rows: SendRow[] }),
      persons.length === 0 ? (none as { rows: PersonRow[] }) : this.db.query<PersonRow>('SELECT person_key, snoozed_until, done_at FROM reminder_person WHERE person_key = ANY($1::text[]) AND (snoozed_until IS NOT NULL OR done_at IS NOT NULL)', [persons]),
    ]);
    return {
      sends: Object.fromEntries([...byPerson.rows, ...byKey.rows].map((r) => [r.send_key, toSend(r)])),
      people: Object.fromEntries(people.rows.map((r) => [r.person_key, toPerson(r)])),
    };
  }

  async claim(sendKey: string, now: Date): Promise<SendClaim | undefined> {
    // attempts before this claim: 0 for a new row; the old count for one taken over.
    const r = await this.db.query<{ before: number }>(
      `INSERT INTO reminder_send AS s (send_key, state, at, attempts, claimed_by) VALUES ($1, 'recorded', $2, 1, $3)
       ON CONFLICT (send_key) DO UPDATE SET state = 'recorded', at = EXCLUDED.at, attempts = s.attempts + 1, next_try_at = NULL, claimed_by = EXCLUDED.claimed_by
         WHERE s.state = 'failed'
            OR (s.state = 'recorded' AND (s.claimed_by = EXCLUDED.claimed_by
                OR NOT EXISTS (SELECT 1 FROM pg_stat_activity a WHERE a.application_name = $4 || s.claimed_by)))
       RETURNING attempts - 1 AS before`,
      [sendKey, now, this.db.instanceId, INSTANCE_PREFIX],
    );
    const row = r.rows[0];
    return row ? { attemptsBefore: row.before } : undefined;
  }

  async sent(sendKey: string, now: Date): Promise<void> {
    await this.db.query("UPDATE reminder_send SET state = 'sent', at = $2, next_try_at = NULL WHERE send_key = $1", [sendKey, now]);
  }

  async failed(sendKey: string, now: Date, nextTryAt: Date): Promise<void> {
    await this.db.query("UPDATE reminder_send SET state = 'failed', at = $2, next_try_at = $3 WHERE send_key = $1", [sendKey, now, nextTryAt]);
  }

  async remember(personKey: string): Promise<string> {
    const id = reminderId(personKey);
    await this.db.query('INSERT INTO reminder_person (person_key, reminder_id) VALUES ($1, $2) ON CONFLICT (person_key) DO NOTHING', [personKey, id]);
    return id;
  }

  async personKeyFor(id: string, personId: string): Promise<string | undefined> {
    const r = await this.db.query<{ person_key: string }>('SELECT person_key FROM reminder_person WHERE reminder_id = $1', [id]);
    return r.rows.map((row) => row.person_key).find((key) => key.endsWith(`|${personId}`));
  }

  async snooze(personKey: string, until: Date): Promise<void> {
    await this.db.query('INSERT INTO reminder_person (person_key, reminder_id, snoozed_until) VALUES ($1, $2, $3) ON CONFLICT (person_key) DO UPDATE SET snoozed_until = EXCLUDED.snoozed_until', [personKey, reminderId(personKey), until]);
  }

  async done(personKey: string, now: Date): Promise<void> {
    await this.db.query('INSERT INTO reminder_person (person_key, reminder_id, done_at) VALUES ($1, $2, $3) ON CONFLICT (person_key) DO UPDATE SET done_at = EXCLUDED.done_at', [personKey, reminderId(personKey), now]);
  }

  async notice(id: string): Promise<LaNotice | undefined> {
    const r = await this.db.query<{ body: LaNotice }>('SELECT body FROM la_notice WHERE referral_id = $1', [id]);
    return r.rows[0]?.body;
  }

  async allNotices(): Promise<Readonly<Record<string, LaNotice>>> {
    const r = await this.db.query<{ referral_id: string; body: LaNotice }>('SELECT referral_id, body FROM la_notice ORDER BY referral_id');
    return Object.fromEntries(r.rows.map((row) => [row.referral_id, row.body]));
  }

  async setNotice(id: string, notice: LaNotice): Promise<void> {
    const body = LaNotice.parse(notice);
    await this.db.query('INSERT INTO la_notice (referral_id, body) VALUES ($1, $2) ON CONFLICT (referral_id) DO UPDATE SET body = EXCLUDED.body', [id, JSON.stringify(body)]);
  }

  async close(): Promise<void> {}
}

function toSend(r: SendRow): SendState {
  return { state: r.state, at: r.at.toISOString(), attempts: r.attempts, ...(r.next_try_at ? { nextTryAt: r.next_try_at.toISOString() } : {}) };
}

function toPerson(r: PersonRow): PersonState {
  return { ...(r.snoozed_until ? { snoozedUntil: r.snoozed_until.toISOString() } : {}), ...(r.done_at ? { doneAt: r.done_at.toISOString() } : {}) };
}
