import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planFromStore, previewReminders, type ReminderPlan } from '../../../../src/app/reminder-scheduler.js';
import type { SchoolCalendar } from '../../../../src/core/calendar/school-calendar.js';
import type { PupilCase } from '../../../../src/core/cases/pupil-case.js';
import { addDays, londonToday } from '../../../../src/core/dates.js';
import { currentRound, planHorizon } from '../../../../src/core/reminders/plan-sends.js';
import { storedDueItems, storedDueItemsBasis } from '../../../../src/core/reminders/stored-due-items.js';
import type { StaffMember } from '../../../../src/core/staff.js';
import { PostgresDatabase } from '../../../../src/core/store/postgres/database.js';
import { PostgresCaseRepository } from '../../../../src/core/store/postgres/postgres-case-repository.js';
import { PostgresReminderLedger } from '../../../../src/core/store/postgres/postgres-reminder-ledger.js';
import type { KnowledgePack } from '../../../../src/knowledge/schema/pack.js';
import { makeCase } from '../../../helpers/make-case.js';
import { worcestershire } from '../../../helpers/pack.js';
import { createTestDatabase, type TestDatabase } from '../../../helpers/postgres.js';
import { exampleTerms, pcp, permanentExclusion, psp, review } from '../../reminders/plans.js';

let testDb: TestDatabase;
let db: PostgresDatabase;
let pack: KnowledgePack;
let calendar: SchoolCalendar;
let repo: PostgresCaseRepository;
let ledger: PostgresReminderLedger;

/** Two schools with a SENDCo each, and one without (its reminders go to the plan owners only). */
const SCHOOLS = ['oak-primary', 'ash-academy', 'elm-school'];
const sendcos = new Map([
  ['oak-primary', ['sendco@oak-primary']],
  ['ash-academy', ['sendco@ash-academy', 'sendco2@ash-academy']],
]);
const staff = {
  sendcosAt: (s: string) => sendcos.get(s) ?? [],
  find: () => undefined,
  list: (): StaffMember[] => [...sendcos].flatMap(([schoolId, ids]) => ids.map((id) => ({ id, role: 'sendco' as const, schoolId }))),
};
const MONDAY = new Date('2026-11-23T08:30:00Z');
const TUESDAY = new Date('2026-11-24T08:30:00Z');
const TODAY = '2026-11-23';

beforeAll(async () => {
  testDb = await createTestDatabase();
  db = await PostgresDatabase.open(testDb.url, { maxConnections: 3 });
  pack = await worcestershire();
  calendar = await exampleTerms();
  repo = new PostgresCaseRepository(db, { dueItems: { basis: storedDueItemsBasis(pack, calendar), calendar, of: (c) => storedDueItems(c, { pack, calendar }) } });
  ledger = new PostgresReminderLedger(db);
  // Reviews overdue by a day to three weeks (so several rounds), due today, due later this week and
  // weeks away; an EHC request, day-6 provision, and looked-after pupils with their termly PEP.
  let n = 0;
  for (const schoolId of SCHOOLS)
    for (let i = 0; i < 12; i++, n++) {
      const c: PupilCase = makeCase({
        schoolId,
        flags: { senSupport: false, ehcp: false, lookedAfter: i % 5 === 0, previouslyLookedAfter: false, socialWorker: false },
        pcps: [pcp(addDays(TODAY, (n * 5) % 40 - 22), { ownerId: `teacher-${n % 4}` })],
        psps: [psp(addDays(TODAY, -((n * 3) % 30) - 21), { id: 'psp-1', ownerId: `teacher-${n % 3}`, reviews: n % 4 === 0 ? [review(addDays(TODAY, -20), false), review(addDays(TODAY, -10), false)] : [] })],
        exclusions: i === 3 ? [permanentExclusion(addDays(TODAY, -4))] : [],
        ...(i === 7 ? { ehcRequestedOn: addDays(TODAY, -42) } : {}),
      });
      await repo.save(c, undefined);
    }
});
afterAll(async () => {
  await db.close();
  await testDb.drop();
});

/** What the pass planned before: every item due this week, and the whole ledger. */
async function before(at: Date): Promise<ReminderPlan> {
  const caseItems = (await repo.dueItemsBy(londonToday(at), planHorizon(at)))!;
  return previewReminders({ cases: [], caseItems, pack, calendar, ledger: await ledger.snapshot(), staff, resendEverySchoolDays: 3 }, at);
}
const now = (at: Date) => planFromStore({ repo, ledger, calendar, staff, resendEverySchoolDays: 3 }, at);

/** Records a plan as the scheduler does once every message went. */
async function sendAll(plan: ReminderPlan, at: Date): Promise<void> {
  for (const s of [...plan.resume, ...plan.sends, ...plan.digests]) {
    await ledger.claim(s.sendKey, at);
    await ledger.sent(s.sendKey, at);
  }
}

describe('planning the reminder pass in PostgreSQL (the anti-join against the sent ledger)', () => {
  it('plans exactly what planning from the whole week and the whole ledger planned, and after the pass went, finds nothing left to send', async () => {
    const first = await before(MONDAY);
    // Enough to mean something: overdue rounds, reminders to owners and SENDCos, two schools' digests.
    expect(first.sends.length).toBeGreaterThan(40);
    expect(new Set(first.sends.map((s) => s.round.replace(/\d+$/, '')))).toEqual(new Set(['first', 'again-']));
    expect(first.digests.map((d) => d.recipientId).sort()).toEqual(['sendco2@ash-academy', 'sendco@ash-academy', 'sendco@oak-primary']);
    expect(await now(MONDAY)).toEqual(first);

    await sendAll(first, MONDAY);
    expect(await now(MONDAY)).toEqual({ sends: [], resume: [], digests: [] });
    // The query itself leaves every item out: each one's round due now went to everyone.
    expect(await repo.unsentDueItems({ today: TODAY, roundOn: (d) => currentRound(d, { now: MONDAY, calendar, settings: { resendEverySchoolDays: 3 } }), sendcos })).toEqual([]);
  });

  it('keeps a failed send, a send cut short by a restart, a snooze that ended and a "done" exactly as before, and retries only the digest that failed', async () => {
    const plan = await before(TUESDAY);
    expect(plan.digests).toEqual([]); // Monday's went; Tuesday starts none
    expect(plan.sends.length).toBeGreaterThan(4);
    const [retry, later, cut, snoozed, done] = plan.sends;
    await ledger.claim(retry!.sendKey, TUESDAY);
    await ledger.failed(retry!.sendKey, TUESDAY, new Date(TUESDAY.getTime() - 60_000));
    await ledger.claim(later!.sendKey, TUESDAY);
    await ledger.failed(later!.sendKey, TUESDAY, new Date(TUESDAY.getTime() + 3_600_000));
    await ledger.claim(cut!.sendKey, TUESDAY);
    // Sent earlier, then snoozed until a moment ago: sent again as 'after-snooze'.
    await ledger.claim(snoozed!.sendKey, TUESDAY);
    await ledger.sent(snoozed!.sendKey, new Date(TUESDAY.getTime() - 7_200_000));
    await ledger.snooze(snoozed!.personKey, new Date(TUESDAY.getTime() - 1000));
    await ledger.done(done!.personKey, TUESDAY);
    for (const s of plan.sends.slice(5)) {
      await ledger.claim(s.sendKey, TUESDAY);
      await ledger.sent(s.sendKey, TUESDAY);
    }
    // One SENDCo's Monday digest failed and may be tried again now.
    const digest = 'digest|sendco@oak-primary|2026-W48';
    await ledger.claim(digest, MONDAY);
    await ledger.failed(digest, MONDAY, new Date(TUESDAY.getTime() - 1000));

    const expected = await before(TUESDAY);
    expect(expected.resume.map((s) => s.sendKey)).toEqual([cut!.sendKey]);
    expect(expected.sends.map((s) => s.sendKey)).toEqual([retry!.sendKey, `${snoozed!.personKey}|after-snooze-${new Date(TUESDAY.getTime() - 1000).toISOString()}`]);
    expect(expected.digests.map((d) => d.recipientId)).toEqual(['sendco@oak-primary']);
    expect(await now(TUESDAY)).toEqual(expected);
  });

  it('skips an item whose round went to everyone only while that holds: a SENDCo added, a snooze that ended, a new plan owner and the next round are all planned as before', async () => {
    const wednesday = new Date('2026-11-25T08:30:00Z');
    await sendAll(await before(wednesday), wednesday);
    expect(await now(wednesday)).toEqual({ sends: [], resume: [], digests: [] });
    // That pass recorded what it found sent to everyone, so the passes below do skip items.
    const marked = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM due_item_settled');
    expect(marked.rows[0]!.n).toBeGreaterThan(10);

    // Picked among the items that pass recorded.
    const markedAt = async (school: string, kind: string) => (await db.query<{ case_id: string; item_key: string; due: string }>("SELECT d.case_id, d.item_key, to_char(s.due_on, 'YYYY-MM-DD') AS due FROM due_item d JOIN due_item_settled s USING (item_key) WHERE d.school_id = $1 AND d.kind = $2 ORDER BY d.case_id LIMIT 1", [school, kind])).rows[0]!;
    // A school that had no SENDCo gets one: they hear of the round due now at once.
    sendcos.set('elm-school', ['sendco@elm-school']);
    // A SENDCo who heard today snoozes for an hour.
    const psp = await markedAt('oak-primary', 'psp-review');
    const snoozedPerson = `${psp.item_key}|${psp.due}|sendco@oak-primary`;
    await ledger.snooze(snoozedPerson, new Date(wednesday.getTime() + 3_600_000));
    // A PCP at ash-academy changes hands.
    const c = (await repo.get('ash-academy', (await markedAt('ash-academy', 'pcp-review')).case_id))!;
    await repo.save({ ...c, pcps: c.pcps.map((p) => ({ ...p, ownerId: 'teacher-new' })) }, c.revision);
    try {
      const later = new Date(wednesday.getTime() + 7_200_000);
      const expected = await before(later);
      expect(expected.sends.map((s) => s.recipientId)).toEqual(expect.arrayContaining(['sendco@elm-school', 'teacher-new', 'sendco@oak-primary']));
      expect(expected.sends.map((s) => s.round)).toContain(`after-snooze-${new Date(wednesday.getTime() + 3_600_000).toISOString()}`);
      expect(await now(later)).toEqual(expected);
      await sendAll(expected, later);
      // Friday: the overdue items' next round comes due for everyone, marked or not.
      const friday = new Date('2026-11-27T08:30:00Z');
      const next = await before(friday);
      expect(next.sends.filter((s) => s.round.startsWith('again-')).length).toBeGreaterThan(10);
      expect(await now(friday)).toEqual(next);
    } finally {
      sendcos.delete('elm-school');
    }
  });

  it('plans nothing on a Saturday, as before', async () => {
    const saturday = new Date('2026-11-28T10:00:00Z');
    expect(await before(saturday)).toEqual({ sends: [], resume: [], digests: [] });
    expect(await now(saturday)).toEqual({ sends: [], resume: [], digests: [] });
  });
});
