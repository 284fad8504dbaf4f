import { parseArgs } from 'node:util';
import { renderText } from '../chat/render-text.js';
import { loadConfig, loadDotEnv } from '../config.js';
import { loadCalendarSettings } from '../core/calendar/calendar-settings.js';
import { SchoolCalendar } from '../core/calendar/school-calendar.js';
import { londonToday, schoolYearStart } from '../core/dates.js';
import { laReport } from '../core/la-report/la-report.js';
import { checkPeriod, monthEnd, WIDENED_WORDS } from '../core/la-report/period.js';
import { reportCsv } from '../core/la-report/report-csv.js';
import { DEFAULT_PROVISION_FROM_DAY } from '../core/reminders/due-items.js';
import { openReadStores } from './read-stores.js';
import { readStaffFile } from '../app/bootstrap.js';
import { laReportViews } from '../dialogs/views/la-report-view.js';
import { loadPack } from '../knowledge/load-pack.js';

export const LA_REPORT_USAGE = `  la report       the LA's figures for a period from the records schools referred to the LA,
                  as LA officers see them with "la report" (numbers 1-4 withheld). Whole calendar
                  months only: other dates widen to their months. Default: this school year so
                  far. --csv prints the CSV instead of the tables.
                  Example: npm run cli -- la report --from 2026-09 --to 2026-11 [--csv]`;

/**
 * `npm run cli -- la report --from … --to … [--csv]`: the same figures as the chat command, read from
 * the data folder without taking its lock, or from PostgreSQL when DATABASE_URL is set (either way safe beside a running bot). For the bot's operator, who
 * can read the data folder anyway: nothing is written, so it is not in the audit log.
 */
export async function laReportCommand(argv: string[], out: (s: string) => void, err: (s: string) => void): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { from: { type: 'string' }, to: { type: 'string' }, csv: { type: 'boolean' } } });
  loadDotEnv();
  const config = loadConfig();
  const today = londonToday(new Date());
  // A month (2026-09) stands for its first day as --from and its last as --to.
  const isMonth = (v: string | undefined): v is string => !!v && /^\d{4}-\d{2}$/.test(v);
  const from = isMonth(values.from) ? `${values.from}-01` : values.from;
  const to = isMonth(values.to) ? monthEnd(values.to) : values.to;
  const checked = checkPeriod(from ?? schoolYearStart(today), to ?? today);
  if (!checked.ok) {
    err(checked.message);
    return 2;
  }
  // Said on stderr, so --csv output stays a clean file.
  if ((from !== undefined && from !== checked.period.from) || (to !== undefined && to !== checked.period.to)) err(`${WIDENED_WORDS} Period: ${checked.period.from} to ${checked.period.to}.`);
  const pack = await loadPack(config.knowledgePack);
  const calendar = new SchoolCalendar(config.reminders.calendarFile ? await loadCalendarSettings(config.reminders.calendarFile) : undefined);
  // The figures name no one; only the schools' names are read from the staff file, so the report
  // names a school as the bot does ("Oak Primary School"), not by its id's words.
  const schools = config.staffFile ? (await readStaffFile(config.staffFile)).schools : undefined;
  const stores = await openReadStores(config, pack, { staff: [], ...(schools ? { schools } : {}) });
  const cases = await stores.allCases();
  const notices = await stores.ledger.allNotices();
  const report = laReport({
    cases,
    period: checked.period,
    today,
    calendar,
    progress: (id) => {
      const n = notices[id];
      return n && { ...(n.acknowledged ? { acknowledgedAt: n.acknowledged.at } : {}), ...(n.assigned ? { assignedAt: n.assigned.at } : {}) };
    },
    serviceName: (id) => pack.services.find((s) => s.id === id)?.name,
    schoolName: (id) => stores.staff.schoolName(id),
    provisionFromDay: pack.rules?.permanentExclusion.provisionFromDay ?? DEFAULT_PROVISION_FROM_DAY,
  });
  await stores.close();
  if (values.csv) {
    out(reportCsv(report).replace(/\r\n$/, ''));
    return 0;
  }
  // The chat's views without their CSV button: here --csv is the way.
  out(renderText(laReportViews(report, '').slice(0, -1)).replace(/^\n/, ''));
  return 0;
}
