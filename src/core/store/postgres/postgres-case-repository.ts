import type { PupilCase } from '../../cases/pupil-case.js';
import { StoreError } from '../../errors.js';
import type { CaseRepository, UnsentDueQuery } from '../case-repository.js';
import { assertSchoolId, prepareSave } from '../case-rules.js';
import type { CaseRepositoryOptions } from '../memory-case-repository.js';
import type { DueWindow } from '../../reminders/due-window.js';
import { liveDueItems, type StoredDueItem } from '../../reminders/stored-due-items.js';
import { pepDueOn } from '../../reminders/due-items.js';
import { addDays } from '../../dates.js';
import type { DueItem } from '../../reminders/types.js';
import type { SchoolCalendar } from '../../calendar/school-calendar.js';
import type pg from 'pg';
import { uniqueViolation, type PostgresDatabase } from './database.js';

/** How the repository works out each case's due window (core/reminders/due-window.ts, bound to the pack). */
export interface DueWindows {
  /** The pack's figures the windows depend on; rows worked out under another basis are worked out again. */
  basis: string;
  of(c: PupilCase): DueWindow | undefined;
}

/** How the repository works out each case's due items (core/reminders/stored-due-items.ts, bound to the pack and calendar). */
export interface DueItemRows {
  /** storedDueItemsBasis(pack, calendar): cases whose items were worked out under another basis are worked out again. */
  basis: string;
  /** The calendar a PEP's date follows (the first day of this term). */
  calendar: SchoolCalendar;
  of(c: PupilCase): StoredDueItem[];
}

interface DueItemRow {
  item: DueItem;
  due_on: string;
  remind_until: string | null;
}

/** Replaces the case's rows in due_item with `items`, on the transaction's connection. */
async function writeDueItems(client: pg.ClientBase, c: { schoolId: string; id: string; createdAt: string }, seq: string, items: readonly StoredDueItem[]): Promise<void> {
  await client.query('DELETE FROM due_item WHERE school_id = $1 AND case_id = $2', [c.schoolId, c.id]);
  if (items.length === 0) return;
  await client.query(
    `INSERT INTO due_item (school_id, case_id, item_key, kind, due_on, remind_until, owner_ids, case_created_at, case_seq, ord, item)
     SELECT $1, $2, v.k, v.kind, v.d::date, v.u::date, ARRAY(SELECT jsonb_array_elements_text(v.o)), $3, $4, v.n, v.i
       FROM unnest($5::text[], $6::text[], $7::text[], $8::text[], $9::jsonb[], $10::int[], $11::jsonb[]) AS v(k, kind, d, u, o, n, i)`,
    [
      c.schoolId, c.id, c.createdAt, seq,
      items.map((s) => s.item.itemKey), items.map((s) => s.item.kind), items.map((s) => s.dueOn), items.map((s) => s.remindUntil ?? null),
      items.map((s) => JSON.stringify(s.item.ownerIds)), items.map((s) => s.ord), items.map((s) => JSON.stringify(s.item)),
    ],
  );
}

/** The window's columns: due_from, due_until, due_basis ('infinity' when nothing can fall due). */
function dueColumns(c: PupilCase, windows: DueWindows | undefined): [string | null, string | null, string | null] {
  if (!windows) return [null, null, null];
  const w = windows.of(c);
  return [w?.from ?? 'infinity', w?.until ?? null, windows.basis];
}

/** The transaction advisory lock (two-key form, apart from the scheduler's one-key lease) one planning pass holds while it records settled rounds. */
const SETTLE_LOCK = [0x67726573, 14] as const;

/** The key pupil references are unique under: lower-cased here, as sameRef() compares them, not by PostgreSQL's lower(). */
const refKey = (pupilRef: string): string => pupilRef.toLowerCase();

/**
 * The CaseRepository in PostgreSQL (table `pupil_case`): a row per case holding the validated case
 * (chronology and all) as JSONB, with its school, reference key, revision and times as columns.
 * Several instances may share it: a save is one conditional statement, so optimistic concurrency
 * (the revision the caller read) holds across processes, and the database's unique keys refuse a
 * second case with the same id or pupil reference at a school. No access checks, as for every store.
 */
export class PostgresCaseRepository implements CaseRepository {
  readonly #now: () => Date;
  readonly #windows: DueWindows | undefined;
  #windowsChecked: Promise<void> | undefined;
  readonly #items: DueItemRows | undefined;
  #itemsChecked: Promise<number> | undefined;

  /**
   * `dueWindows` (given by start-up, which has the pack) keeps each case's due window beside it, for
   * {@link casesDueBy}; `dueItems` (the pack and calendar) keeps each case's pending due items in
   * table due_item, in the same transaction as the case, for {@link dueItemsBy}.
   */
  constructor(
    private readonly db: PostgresDatabase,
    opts: CaseRepositoryOptions & { dueWindows?: DueWindows; dueItems?: DueItemRows } = {},
  ) {
    this.#now = opts.now ?? (() => new Date());
    this.#windows = opts.dueWindows;
    this.#items = opts.dueItems;
  }

  /**
   * The due items live on `today` and due by `dueBy` (London dates), in dueItems' order (by due date,
   * then cases as stored): one query on due_item's due_on index, never reading a case. Undefined
   * when the repository keeps no due items (then the caller works them out from the cases).
   */
  async dueItemsBy(today: string, dueBy: string, schoolIds?: readonly string[]): Promise<DueItem[] | undefined> {
    const items = this.#items;
    if (!items) return undefined;
    await this.backfillDueItems();
    const r = await this.db.query<DueItemRow>(
      `SELECT item, due_on::text, remind_until::text FROM due_item
        WHERE due_on <= $2 AND (remind_until IS NULL OR remind_until >= $1) AND ($3::text[] IS NULL OR school_id = ANY($3::text[]))
        ORDER BY school_id, case_created_at, case_seq, ord`,
      [today, dueBy, schoolIds ?? null],
    );
    return liveDueItems(r.rows.map((row) => ({ item: row.item, dueOn: row.due_on, ...(row.remind_until ? { remindUntil: row.remind_until } : {}) })), { calendar: items.calendar, today, dueBy });
  }

  /**
   * The items due by `q.today` that still have a reminder to send (CaseRepository.unsentDueItems):
   * two queries. The first lists the distinct due dates up to today by skipping along the due_on
   * index, so each date's round is worked out once in the bot (it needs the school calendar); the
   * second reads the narrow columns of the items live and due by today (an index-only scan of
   * due_item_due_on_narrow) and skips those recorded in due_item_settled for the round due now
   * (migration 0008: that round went to every recipient, the same owners and SENDCos then as now)
   * unless someone on the item is snoozed. Of the rest it keeps those with a recipient whose send
   * for the round due now is not among the sends marked sent since the earliest of those rounds
   * came due (a hash anti-join against reminder_send_sent_at's few days) or who has a snooze,
   * fetches `item` for those alone, and records the others as settled, so a steady pass checks
   * almost nothing against the ledger. Planning the same as before, only faster: a recorded round
   * is ignored once the item's round, due date or recipients differ.
   * A PEP (due_on '-infinity') is due on this term's date.
   */
  async unsentDueItems(q: UnsentDueQuery): Promise<DueItem[] | undefined> {
    const items = this.#items;
    if (!items) return undefined;
    await this.backfillDueItems();
    const dates = await this.db.query<{ d: string }>(
      `WITH RECURSIVE d(due_on) AS (
         (SELECT due_on FROM due_item WHERE due_on > '-infinity' ORDER BY due_on LIMIT 1)
         UNION ALL
         SELECT (SELECT n.due_on FROM due_item n WHERE n.due_on > d.due_on ORDER BY n.due_on LIMIT 1) FROM d WHERE d.due_on < $1
       ) SELECT to_char(due_on, 'YYYY-MM-DD') AS d FROM d WHERE due_on <= $1`,
      [q.today],
    );
    const pep = pepDueOn(items.calendar, q.today);
    const days: string[] = [];
    const rounds: (string | null)[] = [];
    let since = q.today;
    for (const day of new Set([...dates.rows.map((r) => r.d), ...(pep && pep <= q.today ? [pep] : [])])) {
      let round: { round: string; since: string } | null | undefined;
      try {
        round = q.roundOn(day);
      } catch {
        round = null; // the calendar cannot say (term dates run out): every item of the day is left to planSends, which says why
      }
      if (round === undefined) continue;
      days.push(day);
      rounds.push(round?.round ?? null);
      if (round && round.since < since) since = round.since;
    }
    if (days.length === 0) return [];
    const schools = [...q.sendcos].flatMap(([school, ids]) => ids.map(() => school));
    const sendcos = [...q.sendcos.values()].flat();
    // A send of a round is marked sent after the round came due: older sent rows cannot be one (a day's slack for London time).
    const sentFrom = `${addDays(since, -1)}T00:00:00Z`;
    // JIT compiling this plan costs more than running it (seconds, against tens of ms), and hashing
    // the text keys beats sorting them in the database's collation for a merge join: both for this statement only.
    const r = await this.db.transaction(async (client) => {
      // One round trip for both (a simple query may hold several statements).
      await client.query('SET LOCAL jit = off; SET LOCAL enable_mergejoin = off');
      return client.query<{ item: DueItem; due: string }>(
      `WITH round AS MATERIALIZED (SELECT * FROM unnest($2::date[], $3::text[]) AS r(due, round)),
       sendco AS MATERIALIZED (SELECT school_id, array_agg(recipient ORDER BY n) AS ids FROM unnest($5::text[], $6::text[]) WITH ORDINALITY AS s(school_id, recipient, n) GROUP BY school_id),
       -- The items and due dates someone is snoozed on: split at the first '|', exact for an item key
       -- without one (an item key with one is never marked settled, so a wrong split only costs a check).
       snoozed AS MATERIALIZED (SELECT DISTINCT split_part(person_key, '|', 1) AS item_key, split_part(person_key, '|', 2) AS due FROM reminder_person WHERE snoozed_until IS NOT NULL),
       due_all AS (
         SELECT d.school_id, d.case_id, d.item_key, d.owner_ids, d.case_created_at, d.case_seq, d.ord, r.due, r.round
           FROM due_item d JOIN round r ON r.due = d.due_on
          WHERE d.due_on <= $1 AND (d.remind_until IS NULL OR d.remind_until >= $1)
         UNION ALL
         SELECT d.school_id, d.case_id, d.item_key, d.owner_ids, d.case_created_at, d.case_seq, d.ord, r.due, r.round
           FROM due_item d JOIN round r ON r.due = $4::date
          WHERE d.due_on = '-infinity'
       ),
       -- Left to check against the ledger: items not settled in the round due now for these recipients, or with someone snoozed.
       due AS MATERIALIZED (
         SELECT a.school_id, a.case_id, a.item_key, a.owner_ids, a.case_created_at, a.case_seq, a.ord, a.due, a.round, a.owner_ids || coalesce(sc.ids, '{}'::text[]) AS recipients,
                (a.item_key, to_char(a.due, 'YYYY-MM-DD')) IN (SELECT item_key, due FROM snoozed) AS snoozed
           FROM due_all a LEFT JOIN sendco sc ON sc.school_id = a.school_id
           LEFT JOIN due_item_settled s ON s.item_key = a.item_key AND s.due_on = a.due AND s.round = a.round AND s.recipients = a.owner_ids || coalesce(sc.ids, '{}'::text[])
          WHERE s.item_key IS NULL OR (a.item_key, to_char(a.due, 'YYYY-MM-DD')) IN (SELECT item_key, due FROM snoozed)
       ),
       wanted AS (
         SELECT due.school_id, due.case_id, due.item_key, due.round, due.item_key || '|' || to_char(due.due, 'YYYY-MM-DD') || '|' || p.recipient AS person_key
           FROM due, unnest(due.recipients) AS p(recipient)
       ),
       sent AS MATERIALIZED (SELECT send_key FROM reminder_send WHERE state = 'sent' AND at >= $7::timestamptz),
       missing AS MATERIALIZED (
         SELECT DISTINCT w.school_id, w.case_id, w.item_key FROM wanted w LEFT JOIN sent s ON s.send_key = w.person_key || '|' || w.round
          WHERE s.send_key IS NULL OR w.person_key IN (SELECT person_key FROM reminder_person WHERE snoozed_until IS NOT NULL)
       ),
       -- Every recipient's send for the round due now is marked sent: recorded, so the next pass skips
       -- the item until its round, due date or recipients change. One pass records at a time (a
       -- transaction's advisory lock, not waited for): two upserting the same keys could deadlock.
       settle AS (
         INSERT INTO due_item_settled (item_key, due_on, round, recipients)
         SELECT DISTINCT ON (d.item_key) d.item_key, d.due, d.round, d.recipients FROM due d
          WHERE d.round IS NOT NULL AND NOT d.snoozed AND strpos(d.item_key, '|') = 0
            AND NOT EXISTS (SELECT 1 FROM missing m WHERE m.school_id = d.school_id AND m.case_id = d.case_id AND m.item_key = d.item_key)
            AND (SELECT pg_try_advisory_xact_lock(${SETTLE_LOCK[0]}, ${SETTLE_LOCK[1]}))
         ON CONFLICT (item_key) DO UPDATE SET due_on = EXCLUDED.due_on, round = EXCLUDED.round, recipients = EXCLUDED.recipients
       )
       SELECT i.item, to_char(d.due, 'YYYY-MM-DD') AS due
         FROM due d JOIN missing m USING (school_id, case_id, item_key) JOIN due_item i USING (school_id, case_id, item_key)
        ORDER BY d.due, d.school_id, d.case_created_at, d.case_seq, d.ord`,
      [q.today, days, rounds, pep ?? null, schools, sendcos, sentFrom],
      );
    });
    return r.rows.map((row) => (row.item.kind === 'pep' ? { ...row.item, dueDate: row.due } : row.item));
  }

  /**
   * Works out the due items of every case whose items are missing or were worked out under another
   * basis (rows from before migration 0006, changed pack figures or term dates), a thousand cases a
   * transaction with their rows locked, so a save cannot slip in between. Once per repository (start-up
   * runs it after migrating; the first {@link dueItemsBy} waits for it); resolves to the cases done.
   */
  backfillDueItems(): Promise<number> {
    const items = this.#items;
    if (!items) return Promise.resolve(0);
    return (this.#itemsChecked ??= this.#backfill(items).catch((err: unknown) => {
      this.#itemsChecked = undefined;
      throw err;
    }));
  }

  async #backfill(items: DueItemRows): Promise<number> {
    let done = 0;
    for (;;) {
      const n = await this.db.transaction(async (client) => {
        const stale = await client.query<{ seq: string; body: PupilCase }>('SELECT seq::text, body FROM pupil_case WHERE due_items_basis IS DISTINCT FROM $1 LIMIT 1000 FOR UPDATE SKIP LOCKED', [items.basis]);
        for (const row of stale.rows) await writeDueItems(client, row.body, row.seq, items.of(row.body));
        if (stale.rows.length > 0)
          await client.query('UPDATE pupil_case SET due_items_basis = $1 WHERE (school_id, case_id) IN (SELECT * FROM unnest($2::text[], $3::text[]))', [items.basis, stale.rows.map((r) => r.body.schoolId), stale.rows.map((r) => r.body.id)]);
        return stale.rows.length;
      });
      if (n === 0) return done;
      done += n;
    }
  }

  /**
   * The cases that may have something due by `dueBy` (London dates): found by the due_from index,
   * never by reading every case; dueItems then works out exactly what is due. Without due windows
   * (no pack given) every case. The first call works out any window missing or made under another
   * basis (rows from before migration 0005, a changed pack), a thousand rows a statement.
   */
  async casesDueBy(today: string, dueBy: string): Promise<readonly Readonly<PupilCase>[]> {
    if (!this.#windows) return this.scanAll();
    await (this.#windowsChecked ??= this.#refreshWindows(this.#windows).catch((err: unknown) => {
      this.#windowsChecked = undefined;
      throw err;
    }));
    const r = await this.db.query<{ body: PupilCase }>('SELECT body FROM pupil_case WHERE due_from <= $2 AND (due_until IS NULL OR due_until >= $1) ORDER BY school_id, created_at, seq', [today, dueBy]);
    return r.rows.map((row) => row.body);
  }

  async #refreshWindows(windows: DueWindows): Promise<void> {
    for (;;) {
      const stale = await this.db.query<{ school_id: string; case_id: string; body: PupilCase }>('SELECT school_id, case_id, body FROM pupil_case WHERE due_basis IS NULL OR due_basis <> $1 LIMIT 1000', [windows.basis]);
      if (stale.rows.length === 0) return;
      const rows = stale.rows.map((row) => [row.school_id, row.case_id, ...dueColumns(row.body, windows)]);
      await this.db.query(
        `UPDATE pupil_case p SET due_from = v.f::date, due_until = v.u::date, due_basis = v.b
           FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[]) AS v(s, c, f, u, b)
          WHERE p.school_id = v.s AND p.case_id = v.c`,
        [0, 1, 2, 3, 4].map((i) => rows.map((row) => row[i])),
      );
    }
  }

  async get(schoolId: string, caseId: string): Promise<PupilCase | undefined> {
    assertSchoolId(schoolId);
    const r = await this.db.query<{ body: PupilCase }>('SELECT body FROM pupil_case WHERE school_id = $1 AND case_id = $2', [schoolId, caseId]);
    return r.rows[0]?.body;
  }

  async findByPupilRef(schoolId: string, pupilRef: string): Promise<PupilCase | undefined> {
    assertSchoolId(schoolId);
    const r = await this.db.query<{ body: PupilCase }>('SELECT body FROM pupil_case WHERE school_id = $1 AND pupil_ref_key = $2', [schoolId, refKey(pupilRef)]);
    return r.rows[0]?.body;
  }

  async listBySchool(schoolId: string): Promise<PupilCase[]> {
    assertSchoolId(schoolId);
    const r = await this.db.query<{ body: PupilCase }>('SELECT body FROM pupil_case WHERE school_id = $1 ORDER BY created_at, seq', [schoolId]);
    return r.rows.map((row) => row.body);
  }

  async listSchools(): Promise<string[]> {
    // COLLATE "C": the same order as JavaScript's sort() in the other stores, whatever the server's locale.
    const r = await this.db.query<{ school_id: string }>('SELECT school_id FROM pupil_case GROUP BY school_id ORDER BY school_id COLLATE "C"');
    return r.rows.map((row) => row.school_id);
  }

  /** Every case, read fresh from the database (each call is a new copy, so a later save cannot change it). */
  async scanAll(): Promise<readonly Readonly<PupilCase>[]> {
    const r = await this.db.query<{ body: PupilCase }>('SELECT body FROM pupil_case ORDER BY school_id, created_at, seq');
    return r.rows.map((row) => row.body);
  }

  /**
   * Inserts (expectedRevision undefined) or updates the case only if its stored revision is still
   * `expectedRevision`, in one statement; otherwise StoreError('conflict') or ('not-found') as the
   * other stores, and AppError('invalid-input') naming the field for a case that is not valid.
   */
  async save(pupilCase: PupilCase, expectedRevision: number | undefined): Promise<PupilCase> {
    assertSchoolId(pupilCase.schoolId);
    const existing = await this.get(pupilCase.schoolId, pupilCase.id);
    // The shared rules on the case as read; the conditional write below makes the check stick.
    const { stored } = prepareSave(existing ? [existing] : [], pupilCase, expectedRevision, this.#now());
    const due = dueColumns(stored, this.#windows);
    const items = this.#items;
    const basis = items?.basis ?? null;
    try {
      return await this.db.transaction(async (client) => {
        let seq: string;
        if (!existing) {
          const r = await client.query<{ seq: string }>(
            'INSERT INTO pupil_case (school_id, case_id, pupil_ref_key, revision, created_at, updated_at, body, due_from, due_until, due_basis, due_items_basis) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING seq::text',
            [stored.schoolId, stored.id, refKey(stored.pupilRef), stored.revision, stored.createdAt, stored.updatedAt, JSON.stringify(stored), ...due, basis],
          );
          seq = r.rows[0]!.seq;
        } else {
          const r = await client.query<{ seq: string }>(
            'UPDATE pupil_case SET pupil_ref_key = $3, revision = $4, updated_at = $5, body = $6, due_from = $8, due_until = $9, due_basis = $10, due_items_basis = $11 WHERE school_id = $1 AND case_id = $2 AND revision = $7 RETURNING seq::text',
            [stored.schoolId, stored.id, refKey(stored.pupilRef), stored.revision, stored.updatedAt, JSON.stringify(stored), expectedRevision, ...due, basis],
          );
          // Changed (or removed) by another writer between the read and the write.
          if (r.rowCount !== 1) throw new StoreError('Someone else changed this case since you opened it. Reload and try again.', 'conflict');
          seq = r.rows[0]!.seq;
        }
        // The case's due items change with it, in the same transaction. A repository that keeps
        // none (basis NULL) leaves the old rows; the next backfill by one that does replaces them.
        if (items) await writeDueItems(client, stored, seq, items.of(stored));
        return stored;
      });
    } catch (err) {
      const constraint = uniqueViolation(err);
      if (constraint === 'pupil_case_pkey') throw new StoreError('A case with this id already exists at this school.', 'conflict', { cause: err });
      if (constraint === 'pupil_case_ref_unique') throw new StoreError('Another case at this school already uses this pupil reference.', 'conflict', { cause: err });
      throw err;
    }
  }

  /** The database is shared by every store and closed by whoever opened it. */
  async close(): Promise<void> {}
}
