import { text, type View } from '../core/views/view.js';
import type { SchoolCalendar } from '../core/calendar/school-calendar.js';
import type { ReminderLedgerStore } from '../core/store/reminder-ledger-store.js';
import { ukDateTime } from '../core/text/uk-date.js';

/** The buttons on a reminder: snooze for a day or a week, or done. They act for that person only. */
export type ReminderCommand = { kind: 'snooze'; days: 1 | 7; id: string } | { kind: 'done'; id: string };

export function recogniseReminderCommand(raw: string): ReminderCommand | undefined {
  const m = raw.trim().match(/^reminder (snooze (1d|1w)|done) ([0-9a-f]{16})$/i);
  if (!m) return undefined;
  const id = m[3]!.toLowerCase();
  return m[1]!.toLowerCase() === 'done' ? { kind: 'done', id } : { kind: 'snooze', days: m[2]!.toLowerCase() === '1w' ? 7 : 1, id };
}

const DAY_MS = 24 * 60 * 60 * 1000;

export async function runReminderCommand(cmd: ReminderCommand, personId: string, deps: { ledger: ReminderLedgerStore; calendar: SchoolCalendar; now: Date }): Promise<View> {
  const key = await deps.ledger.personKeyFor(cmd.id, personId);
  if (!key) return { blocks: [text('That reminder is not one of yours, or it has already gone. Nothing was changed.', 'warning')] };
  if (cmd.kind === 'done') {
    await deps.ledger.done(key, deps.now);
    return { blocks: [text('Done: no more reminders to you for this date. Others who were reminded still are, until it is recorded.', 'success')] };
  }
  // Snoozed reminders come back at the morning hour of a school day, never in a holiday or at night.
  const until = deps.calendar.nextAllowedSend(new Date(deps.now.getTime() + cmd.days * DAY_MS));
  await deps.ledger.snooze(key, until);
  return { blocks: [text(`Snoozed for you until ${ukDateTime(until.toISOString())}. Nobody else’s reminders change.`, 'success')] };
}
