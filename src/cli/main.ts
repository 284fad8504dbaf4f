import { parseArgs } from 'node:util';
import { previewReminders } from '../app/reminder-scheduler.js';
import { loadConfig, loadDotEnv } from '../config.js';
import { loadCalendarSettings } from '../core/calendar/calendar-settings.js';
import { londonParts } from '../core/calendar/london-time.js';
import { SchoolCalendar } from '../core/calendar/school-calendar.js';
import { AppError } from '../core/errors.js';
import { londonToday } from '../core/dates.js';
import { planHorizon } from '../core/reminders/plan-sends.js';
import { readStaffFile } from '../app/bootstrap.js';
import { openReadStores } from './read-stores.js';
import { loadPack } from '../knowledge/load-pack.js';
import { count } from '../core/text/plural.js';
import { ukDate } from '../core/text/uk-date.js';
import { LA_REPORT_USAGE, laReportCommand } from './la-report-command.js';
import { STORE_COPY_USAGE, storeCopyCommand } from './store-copy-command.js';

const USAGE = `Usage: npm run cli -- reminders due [--at <ISO date-time>]
       npm run cli -- la report [--from <date>] [--to <date>] [--csv]

  reminders due   lists every reminder and weekly digest that would be sent at that moment,
                  without sending or recording anything. Default: now.
                  Example: npm run cli -- reminders due --at 2026-11-23T08:00:00Z
${LA_REPORT_USAGE}
${STORE_COPY_USAGE}`;

/**
 * The admin command line. Its reports only read (the data folder without its lock, or PostgreSQL
 * when DATABASE_URL is set), so they are safe beside a running bot; `store copy` takes the folder's lock, so the bot must be stopped.
 */
async function main(argv: string[]): Promise<number> {
  if (argv[0] === 'store' && argv[1] === 'copy') return storeCopyCommand(argv.slice(2), (s) => process.stdout.write(`${s}\n`), (s) => process.stderr.write(`${s}\n`));
  if (argv[0] === 'la' && argv[1] === 'report') return laReportCommand(argv.slice(2), (s) => process.stdout.write(`${s}\n`), (s) => process.stderr.write(`${s}\n`));
  const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: { at: { type: 'string' }, help: { type: 'boolean', short: 'h' } } });
  if (values.help || positionals.join(' ') !== 'reminders due') {
    process.stdout.write(`${USAGE}\n`);
    return values.help ? 0 : 2;
  }
  const at = values.at ? new Date(values.at) : new Date();
  if (Number.isNaN(at.getTime())) {
    process.stderr.write(`"${values.at}" is not a date and time. Use ISO 8601, e.g. 2026-11-23T08:00:00Z.\n`);
    return 2;
  }
  loadDotEnv();
  const config = loadConfig();
  const pack = await loadPack(config.knowledgePack);
  const calendar = new SchoolCalendar(config.reminders.calendarFile ? await loadCalendarSettings(config.reminders.calendarFile) : undefined);
  const configured = config.staffFile ? await readStaffFile(config.staffFile) : { staff: [] };
  const stores = await openReadStores(config, pack, configured);
  const { staff } = stores;
  const cases = await stores.casesDueBy(londonToday(at), planHorizon(at));
  const onRecord = await stores.pupilsOnRecord();
  const plan = previewReminders({ cases, reflections: await stores.reflections(), pack, calendar, ledger: await stores.ledger.snapshot(), staff, resendEverySchoolDays: config.reminders.resendEverySchoolDays }, at);

  const when = londonParts(at);
  const out = (s: string) => process.stdout.write(`${s}\n`);
  out(`At ${ukDate(when.date)} ${String(when.hour).padStart(2, '0')}:${String(when.minute).padStart(2, '0')} London time (${count(onRecord, 'pupil')} on record):`);
  const allowed = calendar.nextAllowedSend(at);
  if (allowed > at) {
    const next = londonParts(allowed);
    out(`  Nothing is sent now (${calendar.whyNotSchoolDay(when.date) ?? 'outside sending hours'}). Next sending time: ${ukDate(next.date)} ${String(next.hour).padStart(2, '0')}:00.`);
  }
  for (const s of plan.resume) out(`  resume   ${s.item.title}, due ${ukDate(s.item.dueDate)} → ${s.recipientId}  [recorded before a restart, not yet sent]`);
  for (const s of plan.sends) out(`  send     ${s.item.title}, due ${ukDate(s.item.dueDate)} → ${s.recipientId}  [${s.round}${s.overdue ? ', overdue' : ''}]`);
  for (const d of plan.digests) out(`  digest   ${staff.schoolName(d.schoolId)}: ${d.overdue.length} overdue, ${d.due.length} due this week → ${d.recipientId}`);
  out(`${count(plan.sends.length, 'reminder')}, ${plan.resume.length} to resume, ${count(plan.digests.length, 'digest')}.`);
  await stores.close();
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`${err instanceof AppError ? err.message : `Unexpected error: ${(err as Error).message}`}\n`);
    process.exit(1);
  },
);
