/**
 * One bot instance's reminder scheduler, as a child process for the fail-over test: the real core
 * on the shared PostgreSQL database (DATABASE_URL) with its own data folder, its leadership tried
 * every second, and a Teams notifier that posts each reminder to NOTIFY_URL (the test's stand-in for
 * Teams, which answers once it has "posted" it). The clock is fixed at NOW, a sending time.
 */
import { startCore } from '../../src/app/bootstrap.js';
import { ReminderScheduler } from '../../src/app/reminder-scheduler.js';
import { loadConfig } from '../../src/config.js';
import { AdvisoryLockLeadership } from '../../src/core/store/postgres/advisory-leadership.js';
import { silentLogger } from '../../src/logger.js';

const env = process.env;
const now = new Date(env.NOW!);
const core = await startCore(loadConfig({ DATA_DIR: env.DATA_DIR, DATABASE_URL: env.DATABASE_URL, REMINDER_POLL_SECONDS: '5' }), { now: () => now });
const instance = core.database!.instanceId;
const notifier = {
  async notifyPerson(personId: string, views: readonly unknown[]): Promise<'sent'> {
    const r = await fetch(env.NOTIFY_URL!, { method: 'POST', headers: { 'content-type': 'application/json', 'x-instance': instance }, body: JSON.stringify({ personId, views }) });
    if (!r.ok) throw new Error(`notify ${r.status}`);
    return 'sent';
  },
};
const leadership = new AdvisoryLockLeadership(core.database!, { everyMs: 1000, log: (m) => process.stdout.write(`${JSON.stringify({ instance, event: m })}\n`) });
const scheduler = new ReminderScheduler(core, { teams: notifier }, silentLogger, undefined, leadership);
scheduler.start(5);
process.stdout.write(`${JSON.stringify({ instance, event: 'ready' })}\n`);
