import { isOverdue, type DueDay, type OffDay, type SchoolCalendar } from '../calendar/school-calendar.js';
import { addDays, londonToday } from '../dates.js';
import { flat } from './flat-string.js';
import { recipientsFor } from './recipients.js';
import type { DueItem, PersonState, PlannedDigest, PlannedSend, ReminderSettings, SendState } from './types.js';

export interface ReminderState {
  /** The ledger's sends by sendKey. */
  sends: ReadonlyMap<string, SendState> | Readonly<Record<string, SendState>>;
  /** The ledger's snoozes and "done" marks by personKey. */
  people: Readonly<Record<string, PersonState>>;
}

export interface PlanContext {
  now: Date;
  calendar: SchoolCalendar;
  settings: ReminderSettings;
  /** Asked once per item: callers pass an indexed lookup (StaffDirectory.sendcosAt is one). */
  sendcosAt: (schoolId: string) => readonly string[];
}

export interface Plan {
  /** Reminders to record and send now, overdue first, then by due date. */
  sends: PlannedSend[];
  /** Sends recorded but never marked sent (a restart mid-send): the scheduler's to finish or drop. */
  resume: PlannedSend[];
  /** Weekly SENDCo digests to record and send now. */
  digests: PlannedDigest[];
}

/** A digest lists what is due from today up to this many days ahead (a Monday's covers to Sunday). */
const DIGEST_DAYS_AHEAD = 6;

/**
 * The latest due date planSends can use at `now` (this week's digest reaches furthest): pass it
 * as dueItems' `dueBy` so items for reviews weeks away are never built.
 */
export function planHorizon(now: Date): string {
  return addDays(londonToday(now), DIGEST_DAYS_AHEAD);
}

type Verdict = 'send' | 'resume' | 'skip';

/** What a due date means today, worked out once per date and read by both the reminders and the digests. */
interface DueDateToday extends DueDay {
  overdue: boolean;
  /** For reminders, so only for dates up to today: worked out on first use. */
  rounds?: Rounds;
}

interface Rounds {
  /** When the first reminder may go out (epoch ms), on the first school day. */
  firstMs: number;
  /** Overdue rounds come due every `resendEverySchoolDays` school days after the first: k of them so far. */
  k: number;
  regular: string;
}

/**
 * What to send now, given what is due and what the ledger says. Nothing at all outside sending
 * time (not a school day, before the morning hour, or in quiet hours). Each person gets, per item
 * and due date, only the latest round that has come due: 'first' from morningHour on the first
 * school day on or after the due date, then once overdue 'again-<k>' every
 * `resendEverySchoolDays` school days, or 'after-snooze-<until>' once their snooze ends, so a
 * bot that was down for a fortnight catches up with one message, not one per missed round.
 * An item is overdue only once that first school day has passed. Each SENDCo's weekly digest is
 * planned on the first school day of the week (calendar.firstSchoolDayOfWeek) and no other day,
 * bar retries of one that failed. Pure: `now` is passed in; nothing is recorded here.
 */
export function planSends(items: readonly DueItem[], state: ReminderState, ctx: PlanContext): Plan {
  const { now, calendar, settings } = ctx;
  const plan: Plan = { sends: [], resume: [], digests: [] };
  const nowMs = now.getTime();
  if (calendar.nextAllowedSend(now).getTime() > nowMs) return plan;

  const today = londonToday(now);
  const every = Math.max(1, Math.floor(settings.resendEverySchoolDays));
  const sendState = stateLookup(state.sends);
  const people = state.people;
  const sendcos = ctx.sendcosAt;
  const digestUntil = planHorizon(now);
  /** Per school, the items a digest could list, in the order planned. */
  const forDigest = new Map<string, DueItem[]>();
  /** What a due date means today: asked once per date, not per item. */
  const byDueDate = new Map<string, DueDateToday>();
  const dueDateToday = (dueDate: string): DueDateToday => {
    let d = byDueDate.get(dueDate);
    if (d === undefined) {
      const day = calendar.dueDay(dueDate);
      byDueDate.set(dueDate, (d = { ...day, overdue: isOverdue(day, today) }));
    }
    return d;
  };
  const roundsOf = (dueDate: string, d: DueDateToday): Rounds => roundsOn(calendar, dueDate, d, today, every);
  /** Items people marked done, seen while planning sends, so digests need not look them up again. */
  const doneBy = new Map<string, Set<DueItem>>();

  const verdict = (sendKey: string): Verdict => {
    const s = sendState(sendKey);
    if (s === undefined) return 'send';
    if (s.state === 'sent') return 'skip';
    if (s.state === 'recorded') return 'resume';
    return s.nextTryAt === undefined || Date.parse(s.nextTryAt) <= nowMs ? 'send' : 'skip';
  };

  for (const item of inDueOrder(items)) {
    // Beyond this week's digest: nothing can be due for it yet.
    if (item.dueDate > digestUntil) continue;
    let digestItems = forDigest.get(item.schoolId);
    if (!digestItems) forDigest.set(item.schoolId, (digestItems = []));
    digestItems.push(item);
    if (item.dueDate > today) continue; // in the digest, but no reminder before its due date

    const when = dueDateToday(item.dueDate);
    const { firstMs, k, regular } = (when.rounds ??= roundsOf(item.dueDate, when));
    if (firstMs > nowMs) continue;
    const { firstDay, overdue, offDay } = when;

    // Built and flattened once per item: hashing a key for a lookup flattens it anyway.
    const prefix = flat(`${item.itemKey}|${item.dueDate}|`);
    for (const recipientId of recipientsFor(item, sendcos)) {
      const personKey = prefix + recipientId;
      let round = regular;
      const person = people[personKey];
      if (person !== undefined) {
        if (person.doneAt !== undefined) {
          let done = doneBy.get(recipientId);
          if (!done) doneBy.set(recipientId, (done = new Set()));
          done.add(item);
          continue;
        }
        if (person.snoozedUntil !== undefined) {
          const until = Date.parse(person.snoozedUntil);
          if (until > nowMs) continue;
          // The snooze ended after the round now due came due: this person has not heard since.
          const regularMs = k >= 1 ? calendar.sendTimeFor(calendar.addSchoolDays(firstDay, k * every)).getTime() : firstMs;
          if (until >= firstMs && until > regularMs) round = `after-snooze-${person.snoozedUntil}`;
        }
      }
      const sendKey = `${personKey}|${round}`;
      const v = verdict(sendKey);
      if (v === 'skip') continue;
      (v === 'send' ? plan.sends : plan.resume).push({ sendKey, personKey, item, recipientId, round, overdue, ...(offDay ? { offDay } : {}) });
    }
  }

  const week = isoWeek(today);
  // Digests start only on the first school day of the week; later that week only a failed one is retried.
  const digestDay = calendar.firstSchoolDayOfWeek(today) === today;
  for (const schoolId of [...forDigest.keys()].sort()) {
    const schoolItems = forDigest.get(schoolId)!;
    for (const recipientId of sendcos(schoolId)) {
      // SENDCos belong to one school (staff directory), so recipient and week identify the digest.
      const sendKey = `digest|${recipientId}|${week}`;
      if (!digestWanted(sendState(sendKey), nowMs, digestDay)) continue;
      const due: DueItem[] = [];
      const overdue: DueItem[] = [];
      const offDays: Record<string, OffDay> = {};
      const done = doneBy.get(recipientId);
      for (const item of schoolItems) {
        // Items due by today were looked up for this SENDCo above; later ones are looked up here.
        if (item.dueDate <= today ? done?.has(item) : people[`${item.itemKey}|${item.dueDate}|${recipientId}`]?.doneAt !== undefined) continue;
        // Overdue once its first school day has passed: one due in the holidays is listed as due on the first day back.
        const when = dueDateToday(item.dueDate);
        if (when.offDay) offDays[item.dueDate] = when.offDay;
        (when.overdue ? overdue : due).push(item);
      }
      if (due.length || overdue.length) plan.digests.push({ sendKey, recipientId, schoolId, week, due, overdue, offDays });
    }
  }
  return plan;
}

/** The rounds of a due date at `today` (London date), `d` being calendar.dueDay(dueDate) and whether it is overdue. */
function roundsOn(calendar: SchoolCalendar, dueDate: string, d: DueDay & { overdue: boolean }, today: string, every: number): Rounds {
  const k = d.overdue ? Math.floor(calendar.schoolDaysBetween(d.firstDay, today) / every) : 0;
  return { firstMs: calendar.nextAllowedSend(calendar.sendTimeFor(dueDate)).getTime(), k, regular: k >= 1 ? `again-${k}` : 'first' };
}

/**
 * The round planSends sends for an item due on `dueDate` (London date) at `ctx.now` to someone
 * with no snooze ('first' or 'again-<k>'), and `since`, the London date that round came due (no
 * send of it can be older). Undefined when no reminder for that date can go yet (due after today,
 * or before its first sending time). For a store's query that leaves out the reminders whose send
 * for this round is already in the ledger (PostgreSQL's unsentDueItems).
 */
export function currentRound(dueDate: string, ctx: Pick<PlanContext, 'now' | 'calendar' | 'settings'>): { round: string; since: string } | undefined {
  const { now, calendar } = ctx;
  const today = londonToday(now);
  if (dueDate > today) return undefined;
  const day = calendar.dueDay(dueDate);
  const every = Math.max(1, Math.floor(ctx.settings.resendEverySchoolDays));
  const rounds = roundsOn(calendar, dueDate, { ...day, overdue: isOverdue(day, today) }, today, every);
  if (rounds.firstMs > now.getTime()) return undefined;
  return { round: rounds.regular, since: rounds.k >= 1 ? calendar.addSchoolDays(day.firstDay, rounds.k * every) : day.firstDay };
}

/**
 * Whether a SENDCo's weekly digest (`digest|<recipient>|<week>`) is to be sent now, from its send's
 * state in the ledger: started only on the first school day of the week (`digestDay`), and later that
 * week only retried once a failed one may go again. Never while one is recorded or once it is sent.
 */
export function digestWanted(state: SendState | undefined, nowMs: number, digestDay: boolean): boolean {
  if (state === undefined) return digestDay;
  return state.state === 'failed' && (state.nextTryAt === undefined || Date.parse(state.nextTryAt) <= nowMs);
}

/** ISO 8601 week of a date, e.g. 2026-W48: weeks start on Monday and belong to the year of their Thursday. */
export function isoWeek(isoDate: string): string {
  const day = Date.parse(`${isoDate}T00:00:00Z`);
  const mondayBased = (new Date(day).getUTCDay() + 6) % 7;
  const thursday = new Date(day + (3 - mondayBased) * 86_400_000);
  const year = thursday.getUTCFullYear();
  const week = 1 + Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / (7 * 86_400_000));
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** `items` by due date, stably; as given when already in order (as dueItems returns them). */
function inDueOrder(items: readonly DueItem[]): readonly DueItem[] {
  for (let i = 1; i < items.length; i++)
    if (items[i]!.dueDate < items[i - 1]!.dueDate) return [...items].sort((a, b) => (a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : 0));
  return items;
}

function stateLookup(sends: ReminderState['sends']): (sendKey: string) => SendState | undefined {
  if (sends instanceof Map) return (k) => sends.get(k);
  const record = sends as Readonly<Record<string, SendState>>;
  // Keys always hold "|", so none can name an Object.prototype property.
  return (k) => record[k];
}

