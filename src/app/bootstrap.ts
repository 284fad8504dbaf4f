import { readFile } from 'node:fs/promises';
import type { Config } from '../config.js';
import { AppError } from '../core/errors.js';
import { StaffDirectory, StaffFile } from '../core/staff-directory.js';
import { withLocalUser } from './local-staff.js';
import { describeFirstIssue } from '../core/store/zod-issue.js';
import { loadCalendarSettings } from '../core/calendar/calendar-settings.js';
import { SchoolCalendar } from '../core/calendar/school-calendar.js';
import { ReminderLedger } from '../core/store/reminder-ledger.js';
import type { ReminderLedgerStore } from '../core/store/reminder-ledger-store.js';
import { IdempotencyStore } from '../core/store/idempotency-store.js';
import type { KeyStore } from './once.js';
import { PostgresDatabase } from '../core/store/postgres/database.js';
import { PostgresCaseRepository } from '../core/store/postgres/postgres-case-repository.js';
import { PostgresAuditLog } from '../core/store/postgres/postgres-audit-log.js';
import { PostgresReminderLedger } from '../core/store/postgres/postgres-reminder-ledger.js';
import { PostgresIdempotencyStore } from '../core/store/postgres/postgres-idempotency-store.js';
import { PostgresSelfReflectionStore } from '../core/store/postgres/postgres-self-reflection-store.js';
import { storedDueItems, storedDueItemsBasis } from '../core/reminders/stored-due-items.js';
import { caseDueWindow, dueWindowBasis } from '../core/reminders/due-window.js';
import { PostgresDocuments } from '../core/store/postgres/postgres-documents.js';
import { fileDocuments, type DocumentSource } from '../core/store/settings-document.js';
import type { SelfReflectionStore } from '../core/store/self-reflection-store.js';
import { CaseService } from '../core/cases/case-service.js';
import { londonToday } from '../core/dates.js';
import { concernCheckFor } from '../core/safeguarding/for-pack.js';
import { recordConcernsShown } from '../core/safeguarding/screen.js';
import { buildIndex, type SignpostIndex } from '../core/signpost/signpost-index.js';
import { JsonlAuditLog } from '../core/store/audit-log.js';
import type { AuditLog, CaseRepository } from '../core/store/case-repository.js';
import { DataFolder } from '../core/store/data-folder.js';
import { DraftStore } from '../core/store/draft-store.js';
import { FileSelfReflectionStore } from '../core/store/file-self-reflection-store.js';
import { SelfReflectionService } from '../core/self-reflection/self-reflection-service.js';
import { LowdbCaseRepository } from '../core/store/lowdb-case-repository.js';
import type { StaffMember } from '../core/staff.js';
import type { Logger } from '../logger.js';
import type { DialogContext } from '../dialogs/dialog.js';
import { loadPack } from '../knowledge/load-pack.js';
import type { KnowledgePack } from '../knowledge/schema/pack.js';

/** The running core: what every channel shares. Built once at start-up. */
export interface Core {
  config: Config;
  pack: KnowledgePack;
  index: SignpostIndex;
  repo: CaseRepository;
  cases: CaseService;
  staff: StaffDirectory;
  /** School days, holidays and the hours reminders may be sent. */
  calendar: SchoolCalendar;
  reminders: ReminderLedgerStore;
  /** The data folder and its lock. */
  folder: DataFolder;
  /** Where settings documents are kept (staff grants, conversation references, the LA channel link, drafts): the data folder, or PostgreSQL with DATABASE_URL. */
  documents: DocumentSource;
  /** Keys of what was already done (forms, activities, events, button presses), so a repeat after a restart saves nothing twice. */
  idempotency: KeyStore;
  /** Set when DATABASE_URL is: the PostgreSQL database the shared stores live in (and the scheduler's leadership lock). */
  database?: PostgresDatabase;
  /** Unfinished terminal forms, one per person; opened here so expired ones are removed whenever the bot or the chat starts. */
  drafts: DraftStore;
  /** Each school's Inclusion Self-Reflection (seed 000 Appendix 2), read and saved through the access rules. */
  reflections: SelfReflectionService;
  /** For what the system does on its own (reminders, LA notices); staff reads go through `cases`. */
  audit: AuditLog;
  now: () => Date;
  close(): Promise<void>;
}

/** `log` hears about the data-folder lock (taken over from a crashed copy, or lost) and a drafts file set aside; ids and paths only. */
export async function startCore(config: Config, opts: { now?: () => Date; log?: Logger } = {}): Promise<Core> {
  const now = opts.now ?? (() => new Date());
  const pack = await loadPack(config.knowledgePack);
  const index = buildIndex(pack);
  // Compiled (and the NLP model loaded) now, so the first message is not the one that waits.
  concernCheckFor(pack);
  const configuredStaff = config.staffFile ? await readStaffFile(config.staffFile) : { staff: [] };
  const calendar = new SchoolCalendar(config.reminders.calendarFile ? await loadCalendarSettings(config.reminders.calendarFile) : undefined);
  // The data-folder lock is taken first: a second live copy, or a linked data file, stops here.
  const folder = await DataFolder.open(config.dataDir, opts.log ? { log: opts.log } : {});
  let database: PostgresDatabase | undefined;
  try {
    // With DATABASE_URL the shared stores are in PostgreSQL (refused in one line if it cannot be
    // reached or is newer than this code); the data folder keeps what is still per instance.
    database = config.databaseUrl ? await PostgresDatabase.open(config.databaseUrl, opts.log ? { log: (m, f) => opts.log!.info(m, f) } : {}) : undefined;
    const shared = database ? await postgresStores(database, pack, calendar, now) : await fileStores(folder, now);
    const { repo, audit, reminders, idempotency, reflectionStore, documents } = shared;
    const cases = new CaseService(repo, audit, now);
    const staff = await StaffDirectory.open(documents, withLocalUser(config, configuredStaff.staff), audit, now, configuredStaff.schools);
    // On the data folder itself when there is no database, so a drafts file edited by hand is set aside rather than stopping the bot.
    const drafts = await DraftStore.open(database ? documents : folder, now, opts.log);
    const reflections = new SelfReflectionService(reflectionStore, audit, now);
    const db = database;
    return {
      config, pack, index, repo, cases, staff, calendar, reminders, idempotency, drafts, reflections, audit, folder, documents, now,
      ...(db ? { database: db } : {}),
      close: async () => {
        await reflectionStore.close();
        await drafts.close();
        await staff.close();
        await shared.close();
        await repo.close();
        await db?.close();
        await folder.close();
      },
    };
  } catch (err) {
    await database?.close();
    await folder.close();
    throw err;
  }
}

/** The stores several instances must share, however they are kept. */
interface SharedStores {
  repo: CaseRepository;
  audit: AuditLog;
  reminders: ReminderLedgerStore;
  idempotency: KeyStore;
  reflectionStore: SelfReflectionStore;
  /** Staff grants, conversation references, the LA channel link and drafts. */
  documents: DocumentSource;
  /** Waits for their writes in flight (the file stores append in batches). */
  close(): Promise<void>;
}

/** The embedded default: everything in the data folder, one process at a time (its lock). */
async function fileStores(folder: DataFolder, now: () => Date): Promise<SharedStores> {
  const repo = await LowdbCaseRepository.open(folder, { now });
  const reminders = await ReminderLedger.open(folder, { now: now() });
  const idempotency = await IdempotencyStore.open(folder);
  const reflectionStore = await FileSelfReflectionStore.open(folder);
  return {
    repo, audit: new JsonlAuditLog(folder), reminders, idempotency, reflectionStore, documents: fileDocuments(folder),
    close: async () => {
      await idempotency.close();
      await reminders.close();
    },
  };
}

/** PostgreSQL (DATABASE_URL): every store, shared by every instance (the data folder keeps only its lock). */
async function postgresStores(db: PostgresDatabase, pack: KnowledgePack, calendar: SchoolCalendar, now: () => Date): Promise<SharedStores> {
  const documents = await PostgresDocuments.open(db);
  // Each case's due window and due items are kept beside it, so a reminder pass reads no case.
  const repo = new PostgresCaseRepository(db, {
    now,
    dueWindows: { basis: dueWindowBasis(pack), of: (c) => caseDueWindow(c, pack) },
    dueItems: { basis: storedDueItemsBasis(pack, calendar), calendar, of: (c) => storedDueItems(c, { pack, calendar }) },
  });
  // Cases saved before migration 0006 (or under other term dates) get their due items now, once.
  await repo.backfillDueItems();
  return {
    documents: documents.source,
    repo,
    audit: new PostgresAuditLog(db),
    reminders: new PostgresReminderLedger(db, now),
    idempotency: new PostgresIdempotencyStore(db),
    reflectionStore: new PostgresSelfReflectionStore(db),
    close: () => documents.close(),
  };
}

/**
 * The staff file (STAFF_FILE): roles, names and the schools' names, the one source the bot, the chat
 * and the admin command line name schools from. Throws AppError('config') when it cannot be read or is not valid.
 */
export async function readStaffFile(path: string): Promise<StaffFile> {
  const text = await readFile(path, 'utf-8').catch(() => {
    throw new AppError(`Setting STAFF_FILE points to ${path}, which cannot be read.`, 'config');
  });
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new AppError(`The staff file ${path} is not valid JSON.`, 'config');
  }
  const parsed = StaffFile.safeParse(json);
  if (!parsed.success) throw new AppError(`The staff file ${path} is not valid: ${describeFirstIssue(parsed.error)}.`, 'config');
  return parsed.data;
}

/** A dialog context for one user's turn. */
export function dialogContext(core: Core, user: StaffMember): DialogContext {
  return {
    user,
    pack: core.pack,
    index: core.index,
    cases: core.cases,
    settings: { pspReviewIntervalDays: core.config.pspReviewIntervalDays },
    calendar: core.calendar,
    now: core.now,
    today: () => londonToday(core.now()),
    recordConcerns: (found) => recordConcernsShown(core.audit, user.id, core.now(), found),
    staff: core.staff,
    reflections: core.reflections,
    referralProgress: async () =>
      new Map(Object.entries(await core.reminders.allNotices()).map(([id, n]) => [id, { ...(n.acknowledged ? { acknowledgedAt: n.acknowledged.at } : {}), ...(n.assigned ? { assignedAt: n.assigned.at } : {}) }])),
  };
}
