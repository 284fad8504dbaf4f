import type { Config } from '../config.js';
import type { StaffEntry } from '../core/staff-directory.js';

/**
 * The staff the directory starts from: the configured staff file, and in local mode (no Teams or
 * Slack credentials, so everyone is the local user) the local user too. Without that entry a local
 * SENDCo is nobody's SENDCo, so items that go to "the school's SENDCos" (the EHC 6- and 20-week
 * dates, day-6 provision, the termly PEP, the weekly digest) were planned for no one and never
 * sent or listed by `reminders due`. A staff-file entry for the same id wins.
 */
export function withLocalUser(config: Config, configured: readonly StaffEntry[]): StaffEntry[] {
  const local = config.localUser;
  if (config.teams || config.slack || configured.some((e) => e.id === local.id)) return [...configured];
  return [...configured, { id: local.id, role: local.role, schoolId: local.schoolId }];
}
