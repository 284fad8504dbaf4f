import { mkdir, readdir, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { JsonlAuditLog } from '../audit-log.js';
import type { DataFolder } from '../data-folder.js';
import { DATA_FILES, type DataFileName } from '../data-files.js';
import { FileSelfReflectionStore } from '../file-self-reflection-store.js';
import { IdempotencyStore } from '../idempotency-store.js';
import { LowdbCaseRepository } from '../lowdb-case-repository.js';
import { CURRENT_SCHEMA_VERSION } from '../migrations.js';
import { readDataFile } from '../read-data-file.js';
import { ReminderLedger, writeLedgerFile } from '../reminder-ledger.js';
import { schoolFilePath, schoolsDir } from '../school-file.js';
import { DOCUMENT_NAMES, type StoreDump } from './store-dump.js';

/** Reads everything in a data folder (its lock held by the caller), validated as start-up validates it. Throws StoreError('store-invalid') naming a bad file. */
export async function readFolderDump(folder: DataFolder, now: Date): Promise<StoreDump> {
  const repo = await LowdbCaseRepository.open(folder);
  const cases = (await repo.scanAll()).map((c) => structuredClone(c));
  await repo.close();
  const ledger = await ReminderLedger.open(folder, { now });
  const keys = await IdempotencyStore.open(folder, { clock: () => now.getTime() });
  const reflections = await FileSelfReflectionStore.open(folder);
  const dump: StoreDump = {
    cases,
    audit: await new JsonlAuditLog(folder).list(),
    ledger: { sends: { ...ledger.sends }, people: { ...ledger.people }, notices: { ...ledger.notices } },
    idempotency: keys.live(now.getTime()),
    reflections: await reflections.list(),
    documents: {},
  };
  await Promise.all([ledger.close(), keys.close(), reflections.close()]);
  for (const name of DOCUMENT_NAMES) {
    const text = await readDataFile(folder.file(name));
    if (text !== undefined) dump.documents[name] = JSON.parse(text);
  }
  return dump;
}

/** Removes every data file from the folder (not its lock), for `store copy --force`. */
export async function clearFolder(folder: DataFolder): Promise<void> {
  await folder.assertOwner();
  for (const name of Object.keys(DATA_FILES) as DataFileName[]) if (name !== 'lock') await rm(folder.file(name), { force: true });
  for (const dir of [schoolsDir(folder.dir), folder.path('audit')]) {
    const names = await readdir(dir).catch(() => [] as string[]);
    for (const n of names) if (n.endsWith('.json') || n.endsWith('.jsonl')) await rm(join(dir, n), { force: true });
  }
}

/** Writes a dump into an empty data folder (its lock held by the caller), each file durably, in the formats the stores read. */
export async function writeFolderDump(folder: DataFolder, dump: StoreDump): Promise<void> {
  const bySchool = new Map<string, StoreDump['cases']>();
  for (const c of dump.cases) bySchool.set(c.schoolId, [...(bySchool.get(c.schoolId) ?? []), c]);
  await mkdir(schoolsDir(folder.dir), { recursive: true, mode: 0o700 });
  for (const [schoolId, cases] of bySchool) {
    await folder.writeFile(schoolFilePath(folder.dir, schoolId), `${JSON.stringify({ schemaVersion: CURRENT_SCHEMA_VERSION, schoolId, cases }, null, 2)}\n`);
  }
  const audit = new JsonlAuditLog(folder);
  // Recorded in order, a thousand at a time, so the file log's group commit keeps them in order.
  for (let i = 0; i < dump.audit.length; i += 1000) await Promise.all(dump.audit.slice(i, i + 1000).map((e) => audit.record(e)));
  await writeLedgerFile(folder, folder.file('reminders'), dump.ledger);
  const keys = await IdempotencyStore.open(folder);
  for (const [key, expiresAt] of dump.idempotency) await keys.put(key, expiresAt);
  await keys.close();
  const reflections = { schemaVersion: 1, schools: Object.fromEntries(dump.reflections.map((r) => [r.schoolId, r])) };
  await folder.writeFile(folder.file('selfReflection'), `${JSON.stringify(reflections, null, 2)}\n`);
  for (const name of DOCUMENT_NAMES) {
    const body = dump.documents[name];
    if (body === undefined) continue;
    await mkdir(dirname(folder.file(name)), { recursive: true, mode: 0o700 });
    await folder.writeFile(folder.file(name), `${JSON.stringify(body, null, 2)}\n`);
  }
}
