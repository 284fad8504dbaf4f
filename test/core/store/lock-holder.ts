/**
 * A second bot process for the lock tests: opens the data folder given as argv[2] and every store
 * that writes there, prints "ready" (or the error code it was refused with), then runs commands
 * read from stdin, one per line, printing one JSON result per line.
 * Run with tsx; argv[3] is the lock's staleMs (optional).
 */
import { createInterface } from 'node:readline';
import { StaffDirectory } from '../../../src/core/staff-directory.js';
import { JsonlAuditLog } from '../../../src/core/store/audit-log.js';
import { DataFolder } from '../../../src/core/store/data-folder.js';
import { LowdbCaseRepository } from '../../../src/core/store/lowdb-case-repository.js';
import { ReminderLedger } from '../../../src/core/store/reminder-ledger.js';
import { ConversationReferences } from '../../../src/channels/teams/conversation-references.js';
import { makeCase } from '../../helpers/make-case.js';

const staleMs = process.argv[3] ? Number(process.argv[3]) : undefined;
const out = (v: unknown) => process.stdout.write(`${JSON.stringify(v)}\n`);
const outcome = (p: Promise<unknown>) => p.then(() => 'saved', (e: { code?: string }) => e.code ?? 'error');

try {
  const folder = await DataFolder.open(process.argv[2]!, staleMs ? { staleMs, updateMs: Math.floor(staleMs / 4) } : {});
  const repo = await LowdbCaseRepository.open(folder);
  const audit = new JsonlAuditLog(folder);
  const staff = await StaffDirectory.open(folder, [], audit);
  const refs = await ConversationReferences.open(folder);
  const ledger = await ReminderLedger.open(folder);
  const admin = { id: 'teams:admin-old', role: 'admin' as const };
  out('ready');
  for await (const line of createInterface({ input: process.stdin })) {
    if (line === 'write-all') {
      out({
        case: await outcome(repo.save(makeCase({ id: 'case-old', pupilRef: 'OLD01' }), undefined)),
        grant: await outcome(staff.grant(admin, { id: 'teams:from-old', role: 'admin' })),
        reference: await outcome(refs.remember({ serviceUrl: 'https://old.example/', channelId: 'msteams', conversation: { id: 'conv-old' } as never, bot: { id: 'b', name: 'b' } })),
        audit: await outcome(audit.record({ at: new Date().toISOString(), actorId: 'teams:admin-old', action: 'old.write', outcome: 'done' })),
        ledger: await outcome(ledger.recorded('old-key', new Date())),
      });
    }
  }
} catch (err) {
  out({ code: (err as { code?: string }).code, message: (err as Error).message });
}
