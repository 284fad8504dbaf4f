import { appendFile, mkdir, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { AppError, StoreError } from '../errors.js';
import { AuditEventSchema, chronological, matchesFilter, type AuditFilter } from './audit-event.js';
import type { AuditEvent, AuditLog } from './case-repository.js';
import { describeFirstIssue } from './zod-issue.js';

function parseEvent(event: AuditEvent): AuditEvent {
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
 * Relies on the data-directory lock held by the case store for single-process use.
 */
export class JsonlAuditLog implements AuditLog {
  readonly #dir: string;
  #dirReady = false;
  /** Lines waiting for the next write, with the callers waiting on them. */
  #pending: { file: string; line: string; done: () => void; failed: (err: unknown) => void }[] = [];
  #flushing: Promise<void> | undefined;

  constructor(readonly dataDir: string) {
    this.#dir = join(dataDir, 'audit');
  }

  /**
   * Resolves once the event is on disk. Events that arrive while a write is under way go out
   * together in the next write (a group commit): order is kept, lines never interleave, and a busy
   * bot does one append per batch instead of one per read.
   */
  async record(event: AuditEvent): Promise<void> {
    const parsed = parseEvent(event);
    // UTC month, so an event near midnight on the 1st lands in one file whatever the offset.
    const file = join(this.#dir, `${new Date(parsed.at).toISOString().slice(0, 7)}.jsonl`);
    return new Promise((done, failed) => {
      this.#pending.push({ file, line: `${JSON.stringify(parsed)}\n`, done, failed });
      this.#flushing ??= this.#flush();
    });
  }

  async #flush(): Promise<void> {
    while (this.#pending.length) {
      const batch = this.#pending;
      this.#pending = [];
      try {
        if (!this.#dirReady) await mkdir(this.#dir, { recursive: true, mode: 0o700 });
        this.#dirReady = true;
        // Consecutive lines for the same month file go in one append, in the order they came.
        for (let i = 0; i < batch.length; ) {
          let j = i;
          while (j < batch.length && batch[j]!.file === batch[i]!.file) j++;
          await appendFile(batch[i]!.file, batch.slice(i, j).map((b) => b.line).join(''), { encoding: 'utf-8', mode: 0o600 });
          i = j;
        }
        batch.forEach((b) => b.done());
      } catch (err) {
        this.#dirReady = false;
        batch.forEach((b) => b.failed(err));
      }
    }
    this.#flushing = undefined;
  }

  async #drain(): Promise<void> {
    while (this.#flushing) await this.#flushing;
  }

  /** Reads every month; a line that is not a valid event stops the read with its file and line. */
  async list(filter?: AuditFilter): Promise<AuditEvent[]> {
    await this.#drain();
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
      const lines = (await readFile(path, 'utf-8')).split('\n');
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
