import { readFile } from 'node:fs/promises';
import type { Config } from '../config.js';
import { AppError } from '../core/errors.js';
import { StaffDirectory, StaffFile } from '../core/staff-directory.js';
import { describeFirstIssue } from '../core/store/zod-issue.js';
import { loadCalendarSettings } from '../core/calendar/calendar-settings.js';
import { SchoolCalendar } from '../core/calendar/school-calendar.js';
import { ReminderLedger } from '../core/store/reminder-ledger.js';
import type { ReminderLedgerStore } from '../core/store/reminder-ledger-store.js';
import { IdempotencyStore } from '../core/store/idempotency-store.js';
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
  /** The data folder and its lock, for stores opened by the channels (conversation references, LA channel). */
  folder: DataFolder;
  /** Keys of what was already done (forms, activities, events, button presses), so a repeat after a restart saves nothing twice. */
  idempotency: IdempotencyStore;
  /** Unfinished terminal forms, one per person; opened here so expired ones are removed whenever the bot or the chat starts. */
  drafts: DraftStore;
  /** Each school's Inclusion Self-Reflection (seed 000 Appendix 2), read and saved through the access rules. */
  reflections: SelfReflectionService;
  /** For what the system does on its own (reminders, LA notices); staff reads go through `cases`. */
  audit: AuditLog;
  now: () => Date;
  close(): Promise<void>;
}

/** `log` hears about the data-folder lock (taken over from a crashed copy, or lost); ids only. */
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
  try {
    const repo = await LowdbCaseRepository.open(folder, { now });
    const audit = new JsonlAuditLog(folder);
    const cases = new CaseService(repo, audit, now);
    const staff = await StaffDirectory.open(folder, configuredStaff.staff, audit, now, configuredStaff.schools);
    const reminders = await ReminderLedger.open(folder, { now: now() });
    const idempotency = await IdempotencyStore.open(folder);
    const drafts = await DraftStore.open(folder, now);
    const reflectionStore = await FileSelfReflectionStore.open(folder);
    const reflections = new SelfReflectionService(reflectionStore, audit, now);
    return {
      config, pack, index, repo, cases, staff, calendar, reminders, idempotency, drafts, reflections, audit, folder, now,
      close: async () => {
        await reflectionStore.close();
        await drafts.close();
        await idempotency.close();
        await reminders.close();
        await staff.close();
        await repo.close();
        await folder.close();
      },
    };
  } catch (err) {
    await folder.close();
    throw err;
  }
}

async function readStaffFile(path: string): Promise<StaffFile> {
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
