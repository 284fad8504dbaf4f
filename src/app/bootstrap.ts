import type { Config } from '../config.js';
import { CaseService } from '../core/cases/case-service.js';
import { londonToday } from '../core/dates.js';
import { buildIndex, type SignpostIndex } from '../core/signpost/signpost-index.js';
import { JsonlAuditLog } from '../core/store/audit-log.js';
import type { CaseRepository } from '../core/store/case-repository.js';
import { LowdbCaseRepository } from '../core/store/lowdb-case-repository.js';
import type { StaffMember } from '../core/staff.js';
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
  now: () => Date;
  close(): Promise<void>;
}

export async function startCore(config: Config, opts: { now?: () => Date } = {}): Promise<Core> {
  const now = opts.now ?? (() => new Date());
  const pack = await loadPack(config.knowledgePack);
  const index = buildIndex(pack);
  const repo = await LowdbCaseRepository.open(config.dataDir, { now });
  const cases = new CaseService(repo, new JsonlAuditLog(config.dataDir), now);
  return { config, pack, index, repo, cases, now, close: () => repo.close() };
}

/** A dialog context for one user's turn. */
export function dialogContext(core: Core, user: StaffMember): DialogContext {
  return {
    user,
    pack: core.pack,
    index: core.index,
    cases: core.cases,
    settings: { pspReviewIntervalDays: core.config.pspReviewIntervalDays },
    now: core.now,
    today: () => londonToday(core.now()),
  };
}
