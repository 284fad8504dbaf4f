/**
 * Finding what reminders are due: `dueItems` + `planSends` over 100,000 active plans (50,000
 * cases, each with a PCP and a PSP, over 500 schools), in memory, with review dates as when
 * schools keep up and as after a long outage (see benchCase). Beside it, in the same run: a plain loop reading each plan's review
 * date, the floor for touching every plan. Printed, never asserted. `npm run bench:reminders`
 * runs it alone.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadCalendarSettings } from '../src/core/calendar/calendar-settings.js';
import { SchoolCalendar } from '../src/core/calendar/school-calendar.js';
import type { PupilCase } from '../src/core/cases/pupil-case.js';
import { addDays } from '../src/core/dates.js';
import { dueItems } from '../src/core/reminders/due-items.js';
import { planHorizon, planSends, type ReminderState } from '../src/core/reminders/plan-sends.js';
import type { PersonState, SendState } from '../src/core/reminders/types.js';
import { loadPack } from '../src/knowledge/load-pack.js';
import { percentiles, report, timeSync } from './stats.js';

const SCHOOLS = 500;
const CASES = 50_000;
const RUNS = 20;
const WARM_UP = 3;
const AIM_MS = 100;
const TODAY = '2026-11-23';
/** Monday 08:30 London (GMT): sending time on a school day in term. */
export const NOW = new Date('2026-11-23T08:30:00Z');
const AT = '2026-09-01T09:00:00.000Z';

/**
 * A case with an active PCP and PSP; every 13th looked after, every 50th with an EHC request,
 * every 500th permanently excluded. `normal`: reviews fall from a week overdue to eight weeks
 * ahead, as when schools keep up. `backlog`: two months either side, so about half are overdue
 * and most plans are due at once, as after a long outage.
 */
export function benchCase(i: number, dates: 'normal' | 'backlog'): PupilCase {
  const schoolId = `school-${String(i % SCHOOLS).padStart(3, '0')}`;
  const teacher = `teacher-${i % SCHOOLS}-${i % 7}`;
  const interval = 21 + (i % 8);
  const reviewDate = dates === 'normal' ? addDays(TODAY, ((i * 37) % 63) - 7) : addDays(TODAY, ((i * 37) % 120) - 60);
  // The PSP's latest review, so the next falls `interval` days on: -8 to +28 days (normal), -60 to +28 (backlog).
  const lastReview = addDays(TODAY, -((i * 11) % (dates === 'normal' ? 30 : 88)));
  const pspStart = addDays(lastReview, -interval);
  const reviews = [
    { id: `r${i}`, date: pspStart, positiveChange: i % 4 === 0, notes: '', by: teacher },
    { id: `s${i}`, date: lastReview, positiveChange: i % 5 === 0, notes: '', by: teacher },
  ];
  return {
    id: `case-${i}`,
    schoolId,
    pupilRef: `R${i}`,
    initials: 'AB',
    yearGroup: i % 14,
    flags: { senSupport: i % 3 === 0, ehcp: false, lookedAfter: i % 13 === 0, previouslyLookedAfter: false, socialWorker: false },
    staffIds: [teacher],
    currentStep: 3,
    riskOfPermanentExclusion: false,
    exclusions: i % 500 === 0 ? [{ id: `x${i}`, kind: 'permanent', startDate: addDays(TODAY, -(i % 9)), days: 0, reason: '', recordedBy: teacher, recordedAt: AT }] : [],
    ...(i % 50 === 0 ? { ehcRequestedOn: addDays(TODAY, -((i * 3) % 150)) } : {}),
    pcps: [{ id: `p${i}`, step: 2, ownerId: teacher, createdAt: AT, fields: {}, reviewDate, reviews: [], status: 'active' }],
    psps: [{ id: `q${i}`, overseeingLeaderId: `leader-${i % SCHOOLS}`, ownerId: teacher, startDate: pspStart, targets: ['Stay in class'], fields: {}, reviewIntervalDays: interval, reviews, status: 'active' }],
    referrals: [],
    stepChanges: [],
    facts: [],
    timeline: [],
    revision: 1,
    createdAt: AT,
    updatedAt: AT,
  };
}

export async function remindersDue(): Promise<void> {
  const pack = await loadPack('worcestershire');
  const calendar = new SchoolCalendar(await loadCalendarSettings(fileURLToPath(new URL('../src/core/calendar/example-term-dates.json', import.meta.url))));
  const sendcos = new Map(Array.from({ length: SCHOOLS }, (_, s) => [`school-${String(s).padStart(3, '0')}`, [`sendco-${s}`]]));
  const ctx = { now: NOW, calendar, settings: { resendEverySchoolDays: 3 }, sendcosAt: (schoolId: string) => sendcos.get(schoolId) ?? [] };
  const empty: ReminderState = { sends: {}, people: {} };
  console.log(`reminders due: ${CASES * 2} active plans (${CASES} cases with a PCP and a PSP, ${SCHOOLS} schools), ${RUNS} runs each; aim < ${AIM_MS} ms`);

  for (const dates of ['normal', 'backlog'] as const) {
    const cases = Array.from({ length: CASES }, (_, i) => benchCase(i, dates));
    // As the scheduler calls it: only items a reminder or this week's digest can use.
    const find = () => dueItems(cases, { pack, calendar, today: TODAY, dueBy: planHorizon(NOW) });
    const findAll = () => dueItems(cases, { pack, calendar, today: TODAY });

    // The steady state: a ledger in which everything due so far has gone out (and, as the
    // scheduler does, every reminder was made addressable for its buttons).
    const first = planSends(find(), empty, ctx);
    const sends: Record<string, SendState> = {};
    const people: Record<string, PersonState> = {};
    for (const s of first.sends) {
      sends[s.sendKey] = { state: 'sent', at: NOW.toISOString(), attempts: 1 };
      people[s.personKey] = {};
    }
    for (const d of first.digests) sends[d.sendKey] = { state: 'sent', at: NOW.toISOString(), attempts: 1 };
    const steady: ReminderState = { sends, people };

    const samples = { steady: [] as number[], fresh: [] as number[], items: [] as number[], all: [] as number[], plan: [] as number[], baseline: [] as number[] };
    let items = 0;
    let allItems = 0;
    let sink = 0;
    for (let r = 0; r < WARM_UP + RUNS; r++) {
      const keep = r >= WARM_UP;
      const found = find();
      const t = {
        steady: timeSync(() => (sink += planSends(find(), steady, ctx).sends.length)),
        fresh: timeSync(() => (sink += planSends(find(), empty, ctx).sends.length)),
        items: timeSync(() => (items = find().length)),
        all: timeSync(() => (allItems = findAll().length)),
        plan: timeSync(() => (sink += planSends(found, steady, ctx).sends.length)),
        // Baseline: read every plan's review date and count those due by today, nothing else.
        baseline: timeSync(() => {
          for (const k of cases) {
            for (const p of k.pcps) if (p.status === 'active' && p.reviewDate <= TODAY) sink++;
            for (const p of k.psps) if (p.status === 'active' && (p.reviews.at(-1)?.date ?? p.startDate) <= TODAY) sink++;
          }
        }),
      };
      if (keep) for (const k of Object.keys(t) as (keyof typeof t)[]) samples[k].push(t[k]);
    }
    const overdue = first.sends.filter((s) => s.overdue).length;
    console.log(`  ${dates} dates: ${allItems} items, ${items} of them due by ${planHorizon(NOW)}; ${first.sends.length} sends (${overdue} overdue) and ${first.digests.length} digests due now${sink > 0 ? '' : ' '}`);
    const base = { name: 'loop reading each review date', f: percentiles(samples.baseline) };
    report(`  ${dates}: find + plan, all sent`, percentiles(samples.steady), { p99: AIM_MS }, base);
    report(`  ${dates}: find + plan, empty ledger`, percentiles(samples.fresh), { p99: AIM_MS });
    report(`    dueItems alone`, percentiles(samples.items));
    report(`    dueItems, every item (no dueBy)`, percentiles(samples.all));
    report(`    planSends alone, all sent`, percentiles(samples.plan));
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  remindersDue().catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
}
