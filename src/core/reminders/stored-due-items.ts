import type { SchoolCalendar } from '../calendar/school-calendar.js';
import type { PupilCase } from '../cases/pupil-case.js';
import { addDays } from '../dates.js';
import { pupilFacts } from '../facts/pupil-facts.js';
import type { KnowledgePack } from '../../knowledge/schema/pack.js';
import { careBeganOn, day6Duties, DEFAULT_PROVISION_FROM_DAY, dueItems, EHC_GRACE_DAYS, firstPep, firstPepItem, nextTermAfter, pepDueOn, pepItem } from './due-items.js';
import { dueWindowBasis } from './due-window.js';
import type { DueItem } from './types.js';

/**
 * One pending due item of a case, as a store keeps it beside the case (PostgreSQL table due_item):
 * the item as dueItems builds it, with the dates that do not depend on today worked out once at
 * save time. It is live on a London date `today` when `dueOn` ≤ the plan's horizon and `today` ≤
 * `remindUntil` (absent: for as long as it is overdue, as PCP and PSP reviews are).
 */
export interface StoredDueItem {
  item: DueItem;
  /**
   * London date the item is due (item.dueDate); '-infinity' for a PEP whose date follows today's term
   * (its item.dueDate is then the earliest it may fall: the term after a PEP meeting held, or '').
   */
  dueOn: string;
  /** Last London date it is still reminded: EHC dates 28 days after, day-6 until five school days after provision starts. */
  remindUntil?: string;
  /** Position within the case, so items due the same day keep dueItems' order. */
  ord: number;
}

/** Before any date the bot meets: dueItems at this "today" drops nothing as stale. */
const EARLIEST = '1900-01-01';

/** What stored items are worked out from (the pack's figures and the school calendar): rows under another basis are worked out again. */
export function storedDueItemsBasis(pack: KnowledgePack, calendar: SchoolCalendar): string {
  return `${dueWindowBasis(pack)}|${calendar.basis}`;
}

/**
 * Every due item a case can ever have, with its live window (seed 000 PCP/PSP reviews, seed 001
 * EHC and day-6 dates, the termly PEP): what {@link dueItems} returns for the case on any today is
 * exactly {@link liveDueItems} of these on that today. Worked out at each save, in the same
 * transaction, so it can never disagree with the chronology.
 */
export function storedDueItems(c: PupilCase, ctx: { pack: KnowledgePack; calendar: SchoolCalendar }): StoredDueItem[] {
  const { pack, calendar } = ctx;
  const fromDay = pack.rules?.permanentExclusion.provisionFromDay ?? DEFAULT_PROVISION_FROM_DAY;
  const day6Until = new Map(day6Duties(c, fromDay, calendar).map((d) => [d.itemKey, d.lastLiveDay]));
  const out: StoredDueItem[] = [];
  for (const item of dueItems([c], { pack, calendar, today: EARLIEST, withoutPep: true })) {
    const remindUntil = item.kind === 'ehc-decision' || item.kind === 'ehc-completion' ? addDays(item.dueDate, EHC_GRACE_DAYS) : item.kind === 'day6-provision' ? day6Until.get(item.itemKey) : undefined;
    out.push({ item, dueOn: item.dueDate, ...(remindUntil ? { remindUntil } : {}), ord: 0 });
  }
  // dueItems sorts by date; the case's own order (plans, EHC, day 6, PEP) is what ties keep.
  const order = (i: DueItem) => ['pcp-review', 'psp-review', 'ptt-review', 'ehc-decision', 'ehc-completion', 'day6-provision'].indexOf(i.kind);
  out.sort((a, b) => order(a.item) - order(b.item));
  const facts = pupilFacts(c);
  if (facts.flags.lookedAfter) {
    // A next meeting set is a fixed date; otherwise the date follows today's term, and a meeting held
    // keeps it from coming before the term after the meeting (item.dueDate, read by liveDueItems).
    // The PEP of the term care began, while no meeting has been held since (due-items.ts firstPep).
    const first = firstPep(calendar, facts, careBeganOn(c, facts));
    // While it is live, the termly item below is left out by liveDueItems: only the next PEP due is listed.
    if (first) out.push({ item: firstPepItem(c, first.dueDate), dueOn: first.dueDate, remindUntil: first.until, ord: 0 });
    const last = facts.lastPep ?? (first ? { on: first.dueDate } : undefined);
    const set = last?.nextOn;
    if (set) out.push({ item: pepItem(c, set), dueOn: set, ord: 0 });
    else out.push({ item: pepItem(c, (last && nextTermAfter(calendar, last.on)) ?? ''), dueOn: '-infinity', ord: 0 });
  }
  out.forEach((s, i) => (s.ord = i));
  return out;
}

/**
 * The items live on `today` (London date) and due by `dueBy`, in dueItems' order: by due date, ties
 * in the order `stored` gives them (cases in store order, then `ord`). A PEP gets this term's date.
 * The store's query has normally filtered already; this applies the same test again.
 */
export function liveDueItems(stored: readonly Pick<StoredDueItem, 'item' | 'dueOn' | 'remindUntil'>[], ctx: { calendar: SchoolCalendar; today: string; dueBy?: string }): DueItem[] {
  const dueBy = ctx.dueBy ?? '9999-12-31';
  let pep: string | null | undefined;
  const out: DueItem[] = [];
  const live = (s: Pick<StoredDueItem, 'remindUntil'>) => s.remindUntil === undefined || s.remindUntil >= ctx.today;
  // A first PEP still to hold (due-items.ts firstPep) is the next one due: the termly one waits until it lapses.
  const firstPepOwed = new Set(stored.filter((s) => s.item.itemKey.startsWith('pep-first:') && live(s)).map((s) => `${s.item.schoolId}:${s.item.caseId}`));
  for (const s of stored) {
    if (!live(s)) continue;
    if (s.item.itemKey.startsWith('pep:') && firstPepOwed.has(`${s.item.schoolId}:${s.item.caseId}`)) continue;
    if (s.item.kind === 'pep' && s.dueOn === '-infinity') {
      pep ??= pepDueOn(ctx.calendar, ctx.today) ?? null;
      // item.dueDate: the first day of the term after a PEP meeting held ('' when none is recorded).
      const notBefore = s.item.dueDate;
      const due = pep === null ? notBefore || null : notBefore > pep ? notBefore : pep;
      if (due !== null && due <= dueBy) out.push({ ...s.item, dueDate: due });
    } else if (s.dueOn <= dueBy) out.push(s.item);
  }
  // Stable: same-day items keep the store's order.
  return out.sort((a, b) => (a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : 0));
}
