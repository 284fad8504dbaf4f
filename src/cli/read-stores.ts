import type { Config } from '../config.js';
import type { PupilCase } from '../core/cases/pupil-case.js';
import { caseDueWindow, dueWindowBasis } from '../core/reminders/due-window.js';
import type { SchoolReflections } from '../core/self-reflection/reflection.js';
import { withLocalUser } from '../app/local-staff.js';
import { StaffDirectory, type StaffEntry, type SchoolEntry } from '../core/staff-directory.js';
import { MemoryAuditLog } from '../core/store/audit-log.js';
import { DataFolder } from '../core/store/data-folder.js';
import { FileSelfReflectionStore } from '../core/store/file-self-reflection-store.js';
import { loadSchools } from '../core/store/load-schools.js';
import { PostgresDatabase } from '../core/store/postgres/database.js';
import { PostgresCaseRepository } from '../core/store/postgres/postgres-case-repository.js';
import { PostgresDocuments } from '../core/store/postgres/postgres-documents.js';
import { PostgresReminderLedger } from '../core/store/postgres/postgres-reminder-ledger.js';
import { PostgresSelfReflectionStore } from '../core/store/postgres/postgres-self-reflection-store.js';
import { ReminderLedger } from '../core/store/reminder-ledger.js';
import type { ReminderLedgerStore } from '../core/store/reminder-ledger-store.js';
import type { KnowledgePack } from '../knowledge/schema/pack.js';

/** What the admin reports read, from wherever the bot keeps it. Nothing is written. */
export interface ReadStores {
  /** Every case on record. */
  allCases(): Promise<readonly Readonly<PupilCase>[]>;
  /** The cases that may have something due by `dueBy` (London dates): by index in PostgreSQL, else every case. */
  casesDueBy(today: string, dueBy: string): Promise<readonly Readonly<PupilCase>[]>;
  /** How many pupils are on record. */
  pupilsOnRecord(): Promise<number>;
  ledger: ReminderLedgerStore;
  reflections(): Promise<SchoolReflections[]>;
  staff: StaffDirectory;
  close(): Promise<void>;
}

/**
 * The stores as the admin command line reads them: PostgreSQL when DATABASE_URL is set (the
 * database a running bot shares), else the data folder without its lock (safe beside a running
 * bot). Throws StoreError('store-unavailable') in one line when the database cannot be reached.
 */
export async function openReadStores(config: Config, pack: KnowledgePack, configured: { staff: StaffEntry[]; schools?: SchoolEntry[] }): Promise<ReadStores> {
  if (config.databaseUrl) {
    const db = await PostgresDatabase.open(config.databaseUrl, { maxConnections: 3 });
    try {
      const documents = await PostgresDocuments.open(db);
      const repo = new PostgresCaseRepository(db, { dueWindows: { basis: dueWindowBasis(pack), of: (c) => caseDueWindow(c, pack) } });
      const staff = await StaffDirectory.open(documents.source, withLocalUser(config, configured.staff), new MemoryAuditLog(), undefined, configured.schools);
      return {
        allCases: () => repo.scanAll(),
        casesDueBy: (today, dueBy) => repo.casesDueBy(today, dueBy),
        pupilsOnRecord: async () => (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM pupil_case')).rows[0]!.n,
        ledger: new PostgresReminderLedger(db),
        reflections: () => new PostgresSelfReflectionStore(db).list(),
        staff,
        close: async () => {
          await documents.close();
          await db.close();
        },
      };
    } catch (err) {
      await db.close();
      throw err;
    }
  }
  const folder = DataFolder.readOnly(config.dataDir);
  const cases = (
    await loadSchools(config.dataDir).catch((err: NodeJS.ErrnoException) => {
      if (err.code === 'ENOENT') return []; // no pupils recorded yet
      throw err;
    })
  ).flatMap((s) => s.file.cases);
  const ledger = await ReminderLedger.open(folder);
  const reflections = await FileSelfReflectionStore.open(folder);
  const staff = await StaffDirectory.open(folder, withLocalUser(config, configured.staff), new MemoryAuditLog(), undefined, configured.schools);
  return {
    allCases: async () => cases,
    casesDueBy: async () => cases,
    pupilsOnRecord: async () => cases.length,
    ledger,
    reflections: () => reflections.list(),
    staff,
    close: async () => {
      await staff.close();
      await ledger.close();
      await reflections.close();
    },
  };
}
