import { parseEvent } from '../audit-log.js';
import type { AuditFilter } from '../audit-event.js';
import type { AuditEvent, AuditLog } from '../case-repository.js';
import type { PostgresDatabase } from './database.js';

interface Pending {
  event: AuditEvent;
  done: () => void;
  failed: (err: unknown) => void;
}

interface AuditRow {
  at_text: string;
  actor_id: string;
  action: string;
  school_id: string | null;
  case_id: string | null;
  subject_id: string | null;
  outcome: AuditEvent['outcome'];
}

/**
 * The audit log in PostgreSQL (table `audit_event`), append-only there too (a trigger refuses
 * updates and deletes). Records made while an insert is under way wait and go in together, in the
 * order they were made, as one statement (group commit, as the file log does); each record resolves
 * once its row is committed. Ids and short action names only, validated as the other logs do.
 */
export class PostgresAuditLog implements AuditLog {
  #pending: Pending[] = [];
  #flushing: Promise<void> | undefined;

  constructor(private readonly db: PostgresDatabase) {}

  /** Resolves once the event is committed; throws AppError('invalid-input') for an event that is not ids only, or StoreError('store-unavailable'). */
  async record(event: AuditEvent): Promise<void> {
    const parsed = parseEvent(event);
    return new Promise((done, failed) => {
      this.#pending.push({ event: parsed, done, failed });
      this.#flushing ??= this.#flush();
    });
  }

  async list(filter: AuditFilter = {}): Promise<AuditEvent[]> {
    while (this.#flushing) await this.#flushing;
    const r = await this.db.query<AuditRow>(
      'SELECT at_text, actor_id, action, school_id, case_id, subject_id, outcome FROM audit_event WHERE ($1::text IS NULL OR case_id = $1) AND ($2::text IS NULL OR actor_id = $2) ORDER BY at, seq',
      [filter.caseId ?? null, filter.actorId ?? null],
    );
    return r.rows.map(toEvent);
  }

  async #flush(): Promise<void> {
    try {
      while (this.#pending.length > 0) {
        const batch = this.#pending.splice(0, 500);
        const columns = 8;
        const values = batch.flatMap(({ event: e }) => [e.at, e.at, e.actorId, e.action, e.schoolId ?? null, e.caseId ?? null, e.subjectId ?? null, e.outcome]);
        const rows = batch.map((_, i) => `(${Array.from({ length: columns }, (_c, j) => `$${i * columns + j + 1}`).join(', ')})`).join(', ');
        try {
          // Rows take their seq in VALUES order, so events made in one order are listed in it.
          await this.db.query(`INSERT INTO audit_event (at, at_text, actor_id, action, school_id, case_id, subject_id, outcome) VALUES ${rows}`, values);
          for (const p of batch) p.done();
        } catch (err) {
          for (const p of batch) p.failed(err);
        }
      }
    } finally {
      this.#flushing = undefined;
    }
  }
}

function toEvent(r: AuditRow): AuditEvent {
  return {
    at: r.at_text,
    actorId: r.actor_id,
    action: r.action,
    ...(r.school_id !== null ? { schoolId: r.school_id } : {}),
    ...(r.case_id !== null ? { caseId: r.case_id } : {}),
    ...(r.subject_id !== null ? { subjectId: r.subject_id } : {}),
    outcome: r.outcome,
  };
}
