import type pg from 'pg';
import type { PupilCase } from '../../cases/pupil-case.js';
import type { PersonState, SendState } from '../../reminders/types.js';
import type { SchoolReflections } from '../../self-reflection/reflection.js';
import type { LaNotice } from '../reminder-ledger.js';
import { reminderId } from '../reminder-ledger.js';
import { PostgresAuditLog } from '../postgres/postgres-audit-log.js';
import type { PostgresDatabase } from '../postgres/database.js';
import { DOCUMENT_NAMES, type DocumentName, type StoreDump } from './store-dump.js';

/**
 * Every table `store copy` fills, emptied by `--force`; due_item too (it hangs off pupil_case, and the
 * copied cases get their due items when the bot next starts), and due_item_settled, whose rows speak
 * of sends in the ledger being replaced (left, they would hide reminders the copied ledger never sent).
 */
const TABLES = ['due_item', 'due_item_settled', 'pupil_case', 'audit_event', 'reminder_send', 'reminder_person', 'la_notice', 'idempotency_key', 'self_reflection', 'settings_document'];

/** Reads everything the database keeps; `now` (epoch ms) drops expired idempotency keys. */
export async function readPostgresDump(db: PostgresDatabase, now: Date): Promise<StoreDump> {
  const q = async <R extends pg.QueryResultRow>(sql: string, values: unknown[] = []) => (await db.query<R>(sql, values)).rows;
  const cases = await q<{ body: PupilCase }>('SELECT body FROM pupil_case ORDER BY school_id COLLATE "C", created_at, seq');
  const sends = await q<{ send_key: string; state: SendState['state']; at: Date; attempts: number; next_try_at: Date | null }>('SELECT send_key, state, at, attempts, next_try_at FROM reminder_send ORDER BY send_key');
  const people = await q<{ person_key: string; snoozed_until: Date | null; done_at: Date | null }>('SELECT person_key, snoozed_until, done_at FROM reminder_person WHERE snoozed_until IS NOT NULL OR done_at IS NOT NULL ORDER BY person_key');
  const notices = await q<{ referral_id: string; body: LaNotice }>('SELECT referral_id, body FROM la_notice ORDER BY referral_id');
  const keys = await q<{ key: string; expires_at: string }>('SELECT key, expires_at FROM idempotency_key WHERE expires_at > $1 ORDER BY key', [now.getTime()]);
  const reflections = await q<{ body: SchoolReflections }>('SELECT body FROM self_reflection ORDER BY school_id COLLATE "C"');
  const docs = await q<{ name: DocumentName; body: unknown }>('SELECT name, body FROM settings_document WHERE name = ANY($1)', [DOCUMENT_NAMES]);
  return {
    cases: cases.map((r) => r.body),
    audit: await new PostgresAuditLog(db).list(),
    ledger: {
      sends: Object.fromEntries(sends.map((r) => [r.send_key, { state: r.state, at: r.at.toISOString(), attempts: r.attempts, ...(r.next_try_at ? { nextTryAt: r.next_try_at.toISOString() } : {}) }])),
      people: Object.fromEntries(people.map((r): [string, PersonState] => [r.person_key, { ...(r.snoozed_until ? { snoozedUntil: r.snoozed_until.toISOString() } : {}), ...(r.done_at ? { doneAt: r.done_at.toISOString() } : {}) }])),
      notices: Object.fromEntries(notices.map((r) => [r.referral_id, r.body])),
    },
    idempotency: keys.map((r) => [r.key, Number(r.expires_at)]),
    reflections: reflections.map((r) => r.body),
    documents: Object.fromEntries(docs.map((r) => [r.name, r.body])),
  };
}

/**
 * Writes a dump in one transaction, so a copy cut short leaves the database as it was. With
 * `replace`, every table is emptied first (TRUNCATE: the audit log's append-only trigger guards
 * rows, and `--force` is the operator saying this database's contents go).
 */
export async function writePostgresDump(db: PostgresDatabase, dump: StoreDump, opts: { replace: boolean }): Promise<void> {
  await db.transaction(async (c) => {
    if (opts.replace) await c.query(`TRUNCATE ${TABLES.join(', ')}`);
    await insertRows(c, 'pupil_case', ['school_id', 'case_id', 'pupil_ref_key', 'revision', 'created_at', 'updated_at', 'body'], dump.cases.map((k) => [k.schoolId, k.id, k.pupilRef.toLowerCase(), k.revision, k.createdAt, k.updatedAt, JSON.stringify(k)]));
    await insertRows(c, 'audit_event', ['at', 'at_text', 'actor_id', 'action', 'school_id', 'case_id', 'subject_id', 'outcome'], dump.audit.map((e) => [e.at, e.at, e.actorId, e.action, e.schoolId ?? null, e.caseId ?? null, e.subjectId ?? null, e.outcome]));
    await insertRows(c, 'reminder_send', ['send_key', 'state', 'at', 'attempts', 'next_try_at'], Object.entries(dump.ledger.sends).map(([k, s]) => [k, s.state, s.at, s.attempts, s.nextTryAt ?? null]));
    await insertRows(c, 'reminder_person', ['person_key', 'reminder_id', 'snoozed_until', 'done_at'], Object.entries(dump.ledger.people).map(([k, p]) => [k, reminderId(k), p.snoozedUntil ?? null, p.doneAt ?? null]));
    await insertRows(c, 'la_notice', ['referral_id', 'body'], Object.entries(dump.ledger.notices).map(([k, n]) => [k, JSON.stringify(n)]));
    await insertRows(c, 'idempotency_key', ['key', 'expires_at'], dump.idempotency);
    await insertRows(c, 'self_reflection', ['school_id', 'revision', 'body'], dump.reflections.map((r) => [r.schoolId, r.revision, JSON.stringify(r)]));
    await insertRows(c, 'settings_document', ['name', 'revision', 'body'], Object.entries(dump.documents).map(([name, body]) => [name, 1, JSON.stringify(body)]));
  });
}

/** Multi-row INSERTs in order, at most 1,000 rows (and PostgreSQL's 65,535 parameters) a statement. */
export async function insertRows(c: pg.PoolClient | pg.Client, table: string, columns: string[], rows: unknown[][]): Promise<void> {
  const per = Math.min(1000, Math.floor(65_535 / columns.length));
  for (let i = 0; i < rows.length; i += per) {
    const batch = rows.slice(i, i + per);
    const placeholders = batch.map((_, r) => `(${columns.map((_c, j) => `$${r * columns.length + j + 1}`).join(', ')})`).join(', ');
    await c.query(`INSERT INTO ${table} (${columns.join(', ')}) VALUES ${placeholders}`, batch.flat());
  }
}
