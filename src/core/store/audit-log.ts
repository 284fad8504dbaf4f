import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { AppError, StoreError } from '../errors.js';
import { AuditEventSchema, chronological, matchesFilter, type AuditFilter } from './audit-event.js';
import type { AuditEvent, AuditLog } from './case-repository.js';
import { describeFirstIssue } from './zod-issue.js';
import type { DataFolder } from './data-folder.js';
import { GroupAppend } from './group-append.js';
import { readDataFile } from './read-data-file.js';

/** Validates an event as every AuditLog stores it (ids only; unknown fields dropped). Throws AppError('invalid-input') naming the field. */
export function parseEvent(event: AuditEvent): AuditEvent {
  const parsed = AuditEventSchema.safeParse(event);
  if (!parsed.success) {
    throw new AppError(`The audit event is not valid: ${describeFirstIssue(parsed.error)}`, 'invalid-input', {
      cause: parsed.error,
    });
  }
  return parsed.data;
}

const MONTH_FILE = /^\d{4}-\d{2}\.jsonl$/;

/**
 * Append-only audit log as JSON lines, one file per UTC month at `<dataDir>/audit/<YYYY-MM>.jsonl`,
 * so old months can be archived or deleted by retention policy without rewriting anything.
 * Each batch of lines is fsynced, after checking the data-folder lock is still ours.
 */
export class JsonlAuditLog implements AuditLog {
  readonly #dir: string;
  readonly #appender: GroupAppend;

  constructor(folder: DataFolder) {
    this.#dir = folder.path('audit');
    this.#appender = new GroupAppend(folder, this.#dir);
  }

  /**
   * Resolves once the event is on disk; concurrent records share one write (group commit).
   * Throws StoreError('store-locked') once another process has taken the data folder.
   */
  async record(event: AuditEvent): Promise<void> {
    const parsed = parseEvent(event);
    // UTC month, so an event near midnight on the 1st lands in one file whatever the offset.
    const file = join(this.#dir, `${new Date(parsed.at).toISOString().slice(0, 7)}.jsonl`);
    await this.#appender.append(file, `${JSON.stringify(parsed)}\n`);
  }

  /** Reads every month; a line that is not a valid event stops the read with its file and line. */
  async list(filter?: AuditFilter): Promise<AuditEvent[]> {
    await this.#appender.drain();
    let names: string[];
    try {
      names = (await readdir(this.#dir)).filter((n) => MONTH_FILE.test(n)).sort();
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw err;
    }
    const events: AuditEvent[] = [];
    for (const name of names) {
      const path = join(this.#dir, name);
      const lines = ((await readDataFile(path)) ?? '').split('\n');
      lines.forEach((line, i) => {
        if (line.trim() === '') return;
        events.push(parseLine(line, `${path} line ${i + 1}`));
      });
    }
    return chronological(events.filter((e) => matchesFilter(e, filter)));
  }
}

function parseLine(line: string, where: string): AuditEvent {
  let raw: unknown;
  try {
    raw = JSON.parse(line);
  } catch {
    throw new StoreError(`${where}: not valid JSON`, 'store-invalid');
  }
  const parsed = AuditEventSchema.safeParse(raw);
  if (!parsed.success) throw new StoreError(`${where}: ${describeFirstIssue(parsed.error)}`, 'store-invalid');
  return parsed.data;
}

/** An AuditLog in memory, for tests and local trials. */
export class MemoryAuditLog implements AuditLog {
  readonly #events: AuditEvent[] = [];

  async record(event: AuditEvent): Promise<void> {
    this.#events.push(parseEvent(event));
  }

  async list(filter?: AuditFilter): Promise<AuditEvent[]> {
    return chronological(this.#events.filter((e) => matchesFilter(e, filter))).map((e) => structuredClone(e));
  }
}
