import type { PupilCase } from '../core/cases/pupil-case.js';
import { londonToday } from '../core/dates.js';
import { fillsInSelfReflection } from '../core/access/policy.js';
import { dueItems } from '../core/reminders/due-items.js';
import { selfReflectionDueItems } from '../core/reminders/self-reflection-due.js';
import type { SchoolReflections } from '../core/self-reflection/reflection.js';
import { recipientsFor } from '../core/reminders/recipients.js';
import { currentRound, digestWanted, isoWeek, planHorizon, planSends, type PlanContext } from '../core/reminders/plan-sends.js';
import type { DueItem, PlannedDigest, PlannedSend } from '../core/reminders/types.js';
import type { View } from '../core/views/view.js';
import { digestView, reminderView } from '../dialogs/reminder-views.js';
import type { Logger } from '../logger.js';
import type { KnowledgePack } from '../knowledge/schema/pack.js';
import type { SchoolCalendar } from '../core/calendar/school-calendar.js';
import type { ReminderState } from '../core/reminders/plan-sends.js';
import type { StaffDirectory } from '../core/staff-directory.js';
import type { Core } from './bootstrap.js';
import type { CaseRepository } from '../core/store/case-repository.js';
import type { ReminderLedgerStore } from '../core/store/reminder-ledger-store.js';
import { notifierFor, type Notifiers } from './notifier.js';

export type ReminderPlan = { sends: PlannedSend[]; digests: PlannedDigest[]; resume: PlannedSend[] };

/**
 * What is due and who would be told at `at`: shared by the scheduler and the admin command line.
 * `reflections` are the schools' self-reflections, for the termly revisit (none when not given).
 */
export function previewReminders(
  from: {
    cases: readonly PupilCase[];
    /** The cases' due items as the store found them by index (dueItemsBy), instead of working them out from `cases`. */
    caseItems?: readonly DueItem[];
    reflections?: readonly SchoolReflections[];
    pack: KnowledgePack;
    calendar: SchoolCalendar;
    ledger: ReminderState;
    staff: Pick<StaffDirectory, 'sendcosAt' | 'find'>;
    resendEverySchoolDays: number;
  },
  at: Date,
): ReminderPlan {
  // Items further off than the digest's week cannot produce a message yet, so they are not built.
  const today = londonToday(at);
  const dueBy = planHorizon(at);
  const items = [...(from.caseItems ?? dueItems(from.cases, { pack: from.pack, calendar: from.calendar, today, dueBy })), ...reflectionItems(from, today, dueBy)];
  return planSends(items, { sends: from.ledger.sends, people: from.ledger.people }, {
    now: at,
    calendar: from.calendar,
    settings: { resendEverySchoolDays: from.resendEverySchoolDays },
    sendcosAt: (school: string) => from.staff.sendcosAt(school),
  });
}

/** The schools' termly self-reflection revisits due by `dueBy`, to people who may still fill them in. */
function reflectionItems(from: { reflections?: readonly SchoolReflections[]; calendar: SchoolCalendar; staff: Pick<StaffDirectory, 'find'> }, today: string, dueBy: string): DueItem[] {
  const fillsIn = (id: string, schoolId: string) => {
    const who = from.staff.find(id);
    return !!who && fillsInSelfReflection(who) && who.schoolId === schoolId;
  };
  return selfReflectionDueItems(from.reflections ?? [], { calendar: from.calendar, today, dueBy, fillsIn });
}

/**
 * What previewReminders plans at `at`, planned where the store can (PostgreSQL) without reading
 * the week's items or the whole sent ledger: reminders from the items the store's anti-join finds
 * still unsent (unsentDueItems) with the ledger's rows for those people alone (stateOf); digests
 * from the week's items of only the schools whose SENDCos' digest is still to go (on the first
 * school day of the week, or a failed one's retry), so a pass after they went reads no week at all.
 * The same plan as previewReminders, in the same order. Undefined when the store cannot.
 */
export async function planFromStore(
  from: {
    repo: Pick<CaseRepository, 'unsentDueItems' | 'dueItemsBy'>;
    ledger: Pick<ReminderLedgerStore, 'stateOf'>;
    reflections?: readonly SchoolReflections[];
    calendar: SchoolCalendar;
    staff: Pick<StaffDirectory, 'sendcosAt' | 'find' | 'list'>;
    resendEverySchoolDays: number;
  },
  at: Date,
): Promise<ReminderPlan | undefined> {
  const { repo, ledger, calendar, staff } = from;
  if (!repo.unsentDueItems || !repo.dueItemsBy) return undefined;
  const ctx: PlanContext = { now: at, calendar, settings: { resendEverySchoolDays: from.resendEverySchoolDays }, sendcosAt: (school) => staff.sendcosAt(school) };
  // Outside sending time planSends plans nothing: nothing to ask the database.
  if (calendar.nextAllowedSend(at).getTime() > at.getTime()) return { sends: [], resume: [], digests: [] };
  const today = londonToday(at);
  const dueBy = planHorizon(at);
  const sendcos = new Map<string, readonly string[]>();
  for (const m of staff.list()) if (m.schoolId !== undefined && !sendcos.has(m.schoolId) && staff.sendcosAt(m.schoolId).length > 0) sendcos.set(m.schoolId, staff.sendcosAt(m.schoolId));
  const unsent = await repo.unsentDueItems({ today, roundOn: (dueDate) => currentRound(dueDate, ctx), sendcos });
  if (!unsent) return undefined;
  const reflections = reflectionItems(from, today, dueBy);

  // Reminders: the unsent items (and the few self-reflections), with every send of their people.
  const forSends = [...unsent, ...reflections];
  const personKeys = forSends.filter((i) => i.dueDate <= today).flatMap((i) => recipientsFor(i, ctx.sendcosAt).map((r) => `${i.itemKey}|${i.dueDate}|${r}`));
  const reminders = planSends(forSends, await ledger.stateOf({ personKeys }), ctx);

  // Digests: only for schools with a SENDCo whose digest this week is still to go.
  const week = isoWeek(today);
  const digestDay = calendar.firstSchoolDayOfWeek(today) === today;
  const digestKeys = (ids: readonly string[]) => ids.map((r) => `digest|${r}|${week}`);
  const sent = await ledger.stateOf({ sendKeys: [...sendcos.values()].flatMap(digestKeys) });
  const schools = [...sendcos].filter(([, ids]) => digestKeys(ids).some((k) => digestWanted(sent.sends[k], at.getTime(), digestDay))).map(([school]) => school);
  if (schools.length === 0) return { sends: reminders.sends, resume: reminders.resume, digests: [] };
  const weekItems = [...((await repo.dueItemsBy(today, dueBy, schools)) ?? []), ...reflections.filter((i) => schools.includes(i.schoolId))];
  // What a digest reads of the ledger: its own send, and which of its items the SENDCo marked done.
  const sendcoKeys = weekItems.flatMap((i) => (sendcos.get(i.schoolId) ?? []).map((r) => `${i.itemKey}|${i.dueDate}|${r}`));
  const digests = planSends(weekItems, await ledger.stateOf({ personKeys: sendcoKeys, sendKeys: schools.flatMap((s) => digestKeys(sendcos.get(s)!)) }), ctx).digests;
  return { sends: reminders.sends, resume: reminders.resume, digests };
}

export type { Notifiers } from './notifier.js';

/**
 * Which of several instances runs the scheduler (PostgreSQL: AdvisoryLockLeadership). Without one,
 * this instance does, as it always has with the data folder (one process per folder).
 */
export interface SchedulerLeadership {
  /** Tries for leadership now and then; `onGained` runs when this instance becomes the leader. */
  start(onGained: () => void): void;
  /** True only if this instance leads now (checked with the database before each send). */
  confirm(): Promise<boolean>;
  stop(): Promise<void>;
}

export interface TickReport {
  sent: number;
  failed: number;
  unreachable: number;
}

/** The actor in the audit log for what the bot does on its own. */
export const SYSTEM = 'system:reminders';

/** Waits between tries of a failed send, in minutes: soon, then less often. Retry-After is the outbox's job. */
const RETRY_MINUTES = [2, 10, 60, 240, 1440];

/**
 * Sends what is due. The schedule lives in the store (cases and the reminder ledger), not in
 * timers: each tick works out what is due now, records each send before it goes out, and marks it
 * sent after. A tick at start-up catches up once on whatever came due while the bot was down.
 */
export class ReminderScheduler {
  #timer: NodeJS.Timeout | undefined;
  #running: Promise<TickReport> | undefined;

  constructor(
    private readonly core: Core,
    private readonly notifiers: Notifiers,
    private readonly log: Logger,
    /** Referral notices that could not be posted yet are retried on each pass. */
    private readonly la?: { dispatchPending(now: Date): Promise<void> },
    /** Several instances: only the leader passes. */
    private readonly leadership?: SchedulerLeadership,
  ) {}

  /**
   * What the pass plans from, read as the system rather than as a member of staff, without copying:
   * the cases that may have something due by the plan's horizon where the store can find them by
   * index (PostgreSQL), else everything on record.
   */
  #allCases(at: Date): Promise<readonly Readonly<PupilCase>[]> {
    const { repo } = this.core;
    return repo.casesDueBy ? repo.casesDueBy(londonToday(at), planHorizon(at)) : repo.scanAll();
  }

  /** What would be sent at `at`, without sending or recording anything. */
  async preview(at: Date): Promise<ReminderPlan> {
    const { core } = this;
    // PostgreSQL: the query finds what is still to send; neither the week's items nor the sent ledger are read whole.
    const planned = await planFromStore({ repo: core.repo, ledger: core.reminders, reflections: await core.reflections.all(), calendar: core.calendar, staff: core.staff, resendEverySchoolDays: core.config.reminders.resendEverySchoolDays }, at);
    if (planned) return planned;
    // PostgreSQL keeps each case's due items in their own table: one indexed query, no case read.
    const caseItems = await core.repo.dueItemsBy?.(londonToday(at), planHorizon(at));
    const cases = caseItems ? [] : await this.#allCases(at);
    return previewReminders({ cases, ...(caseItems ? { caseItems } : {}), reflections: await core.reflections.all(), pack: core.pack, calendar: core.calendar, ledger: await core.reminders.snapshot(), staff: core.staff, resendEverySchoolDays: core.config.reminders.resendEverySchoolDays }, at);
  }

  /** One pass. Passes never overlap: a slow pass makes the next wait. */
  tick(): Promise<TickReport> {
    this.#running ??= this.#tick().finally(() => (this.#running = undefined));
    return this.#running;
  }

  async #tick(): Promise<TickReport> {
    if (this.leadership && !(await this.leadership.confirm())) return { sent: 0, failed: 0, unreachable: 0 };
    const now = this.core.now();
    const plan = await this.preview(now);
    const report: TickReport = { sent: 0, failed: 0, unreachable: 0 };
    const today = londonToday(now);
    for (const send of [...plan.resume, ...plan.sends]) {
      const id = await this.core.reminders.remember(send.personKey);
      await this.#deliver(send.sendKey, send.recipientId, [reminderView(send, id, today)], report, { schoolId: send.item.schoolId, caseId: send.item.caseId });
    }
    for (const digest of plan.digests) {
      const unreachable = this.#unreachableFor(digest);
      await this.#deliver(digest.sendKey, digest.recipientId, [digestView({ ...digest, ...(unreachable ? { unreachable } : {}) }, this.core.staff.schoolName(digest.schoolId))], report, { schoolId: digest.schoolId });
    }
    await this.la?.dispatchPending(now);
    if (report.sent || report.failed) this.log.info('reminders sent', { ...report });
    return report;
  }

  /** Other people the digest's items remind whom their channel says it cannot reach (a count for the SENDCo). */
  #unreachableFor(digest: PlannedDigest): number {
    const people = new Set<string>();
    for (const item of [...digest.overdue, ...digest.due]) for (const id of recipientsFor(item, (s) => this.core.staff.sendcosAt(s))) if (id !== digest.recipientId) people.add(id);
    return [...people].filter((id) => notifierFor(this.notifiers, id)?.reachable?.(id) === false).length;
  }

  async #deliver(sendKey: string, recipientId: string, views: View[], report: TickReport, about: { schoolId: string; caseId?: string }): Promise<void> {
    const ledger = this.core.reminders;
    // A leader that lost its lock mid-pass stops here; the new leader resumes what is left.
    if (this.leadership && !(await this.leadership.confirm())) return;
    // Claimed in the store before it goes: sent already, or another live instance has it, and it is not ours to send.
    const claim = await ledger.claim(sendKey, this.core.now());
    if (!claim) return;
    const attempts = claim.attemptsBefore;
    const retryAt = () => new Date(this.core.now().getTime() + RETRY_MINUTES[Math.min(attempts, RETRY_MINUTES.length - 1)]! * 60_000);
    const notifier = notifierFor(this.notifiers, recipientId);
    try {
      const outcome = notifier ? await notifier.notifyPerson(recipientId, views) : 'unreachable';
      if (outcome === 'sent') {
        await ledger.sent(sendKey, this.core.now());
        // Pupil details left the store: the audit trail says to whom, by ids only.
        await this.core.audit.record({ at: this.core.now().toISOString(), actorId: SYSTEM, action: 'reminder.sent', ...about, subjectId: recipientId, outcome: 'done' });
        report.sent++;
      } else {
        // Not installed yet: try again later rather than lose it; the person may install the app today.
        await ledger.failed(sendKey, this.core.now(), retryAt());
        report.unreachable++;
      }
    } catch (err) {
      await ledger.failed(sendKey, this.core.now(), retryAt());
      report.failed++;
      this.log.warn('reminder send failed', { attempts: attempts + 1, error: (err as Error).name });
    }
  }

  /** Polls every `seconds`; the first pass runs at once, to catch up after downtime. */
  start(seconds: number): void {
    const loop = () => {
      void this.tick()
        .catch((err: Error) => this.log.error('reminder pass failed', { error: err.name }))
        .finally(() => {
          if (this.#timer !== undefined) this.#timer = setTimeout(loop, seconds * 1000);
        });
    };
    this.#timer = setTimeout(loop, 0);
    // Taking over from a leader that died: pass at once rather than at the next poll.
    this.leadership?.start(() => void this.tick().catch((err: Error) => this.log.error('reminder pass failed', { error: err.name })));
  }

  /**
   * Competes for leadership without polling (passes run only when {@link tick} is called, as tests
   * and tools drive it); resolves once this instance leads, or after `waitMs` if another does.
   */
  async lead(waitMs = 5000): Promise<void> {
    const leadership = this.leadership;
    if (!leadership) return;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, waitMs);
      timer.unref();
      leadership.start(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  async stop(): Promise<void> {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = undefined;
    await this.#running;
    await this.leadership?.stop();
  }
}
