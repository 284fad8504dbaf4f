import type { PupilCase } from '../cases/pupil-case.js';
import type { DueItem } from '../reminders/types.js';

/**
 * Where pupil cases live. The core depends only on this interface: lowdb (one file per school)
 * is the embedded default, and a PostgreSQL implementation can fill it later.
 * Implementations do no access checks: callers go through the access policy first.
 */
export interface CaseRepository {
  /** One case, or undefined. */
  get(schoolId: string, caseId: string): Promise<PupilCase | undefined>;
  /** A case by the school's pupil reference (case-insensitive), or undefined. */
  findByPupilRef(schoolId: string, pupilRef: string): Promise<PupilCase | undefined>;
  /** Every case at a school, oldest first. */
  listBySchool(schoolId: string): Promise<PupilCase[]>;
  /** Every school that has at least one case. */
  listSchools(): Promise<string[]>;
  /**
   * Every case at every school, shared rather than copied: for the bot's own passes over all
   * cases (reminders every minute), which only read. Callers must not modify what they get.
   */
  scanAll(): Promise<readonly Readonly<PupilCase>[]>;
  /**
   * The cases that may have something due by `dueBy` (London dates, YYYY-MM-DD; a superset of those
   * that do), for the reminder pass. Stores that can find them by index (PostgreSQL) have it; the
   * others are read whole with scanAll.
   */
  casesDueBy?(today: string, dueBy: string): Promise<readonly Readonly<PupilCase>[]>;
  /**
   * The due items live on `today` and due by `dueBy` (London dates), exactly as dueItems would work
   * them out from every case, in its order, for the reminder pass. Stores that keep each case's due
   * items beside it (PostgreSQL, table due_item) find them by index; undefined (or no method): the
   * caller works them out from the cases.
   */
  dueItemsBy?(today: string, dueBy: string, schoolIds?: readonly string[]): Promise<DueItem[] | undefined>;
  /**
   * The due items live and due by `q.today` (London date) that still have a reminder to send: at
   * least one recipient (owners and the school's SENDCos) has no sent send for the round due now
   * (`q.roundOn`), or has a snooze. A superset of the items planSends would send or resume for,
   * never missing one, in dueItems' order; the anti-join is the store's query (PostgreSQL), so the
   * pass neither reads every due item of the week nor the whole sent ledger. Undefined (or no
   * method): the caller plans from dueItemsBy or the cases and the whole ledger.
   */
  unsentDueItems?(q: UnsentDueQuery): Promise<DueItem[] | undefined>;
  /**
   * Inserts or replaces a case. `expectedRevision` is the revision the caller read
   * (undefined for a new case); a mismatch throws StoreError('conflict') so no update is lost.
   * Returns the case as stored, with revision bumped and updatedAt set.
   */
  save(pupilCase: PupilCase, expectedRevision: number | undefined): Promise<PupilCase>;
  /** Releases files and locks. */
  close(): Promise<void>;
}

/** What {@link CaseRepository.unsentDueItems} plans against. */
export interface UnsentDueQuery {
  /** London date, YYYY-MM-DD. */
  today: string;
  /**
   * The round a reminder due on this London date is sent as now, and the London date that round
   * came due (planSends' currentRound); undefined when none can go yet. May throw (then every item
   * of that date is returned).
   */
  roundOn(dueDate: string): { round: string; since: string } | undefined;
  /** Each school's SENDCos, who get every reminder of their school beside its owners (a school not here has none). */
  sendcos: ReadonlyMap<string, readonly string[]>;
}

/** Append-only record of who read or changed which case, by ids only (never pupil details). */
export interface AuditEvent {
  at: string;
  actorId: string;
  action: string;
  schoolId?: string;
  caseId?: string;
  /** The staff member a change was about (a role granted), by channel id. */
  subjectId?: string;
  outcome: 'allowed' | 'denied' | 'done';
}

export interface AuditLog {
  record(event: AuditEvent): Promise<void>;
  /** Most recent last. */
  list(filter?: { caseId?: string; actorId?: string }): Promise<AuditEvent[]>;
}
