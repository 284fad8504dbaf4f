import type { MenuItem, View } from '../core/views/view.js';
import { heading, text } from '../core/views/view.js';
import type { DueItem, PlannedDigest, PlannedSend } from '../core/reminders/types.js';
import { ukDate } from '../core/text/uk-date.js';
import { dueDateText } from './views/due-wording.js';

const OPEN_LABEL: Record<DueItem['kind'], string> = {
  'pcp-review': 'Record review now',
  'psp-review': 'Record review now',
  'ptt-review': 'Update the timetable',
  'ehc-decision': 'What next?',
  'ehc-completion': 'What next?',
  'day6-provision': 'What next?',
  pep: 'What next?',
  'self-reflection': 'Open the self-reflection',
};

/** What the reminder's first button opens. */
const opens = (item: DueItem): string => (item.kind === 'self-reflection' ? 'Opens the Inclusion Self-Reflection for your school' : 'Opens the form for this pupil');

/** A digest's button: the pupil's initials beside what it opens, or the school's own item as it is. */
const digestLabel = (i: DueItem): string => (i.initials ? `${OPEN_LABEL[i.kind]}: ${i.initials}` : OPEN_LABEL[i.kind]);

/**
 * When it was due, measured from the first school day it could be held: an item due in the
 * holidays reads "Due Fri 25 Dec 2026, in the holidays; first school day Tue 5 Jan 2027 (today)." on the
 * first day back, and is overdue only after that.
 */
function when(send: PlannedSend, today: string): string {
  const { item, offDay } = send;
  if (send.overdue) return `Overdue: it was due ${dueDateText(item.dueDate, offDay)}.`;
  if (offDay) return `Due ${dueDateText(item.dueDate, offDay)}${offDay.firstSchoolDay === today ? ' (today)' : ''}.`;
  return item.dueDate === today ? 'Due today.' : `Due ${ukDate(item.dueDate)}.`;
}

/**
 * One reminder to one person: what is due, the escalation when there is one, and buttons to act
 * now, snooze it for themselves only, or mark it done. `id` is the ledger's short reminder id.
 */
export function reminderView(send: PlannedSend, id: string, today: string): View {
  const item = send.item;
  const actions: MenuItem[] = [
    { command: item.command, label: OPEN_LABEL[item.kind], description: opens(item) },
    { command: `reminder snooze 1d ${id}`, label: 'Snooze 1 day', description: 'Only for you; others are still reminded' },
    { command: `reminder snooze 1w ${id}`, label: 'Snooze 1 week', description: 'Only for you' },
    { command: `reminder done ${id}`, label: 'Done', description: 'No more reminders to you for this date' },
  ];
  return {
    blocks: [
      heading(item.title),
      text(when(send, today), send.overdue ? 'warning' : 'normal'),
      ...(item.escalation ? [text(`${item.escalation.title}. ${item.escalation.detail}`, 'urgent'), text(`Source: ${item.escalation.citation}`, 'muted')] : []),
      { type: 'menu', items: actions },
    ],
  };
}

/** Why some staff miss their reminders, and what the SENDCo can do; a count only, never names. */
function unreachableLine(n: number): string {
  const people = n === 1 ? '1 person' : `${n} people`;
  return `Reminders can’t reach ${people}: they may have removed the bot or not opened it yet. Ask them to open it in Teams again.`;
}

/** A SENDCo's list for their school on the first school day of the week; `school` is its name as staff know it. */
export function digestView(d: PlannedDigest, school: string): View {
  const line = (i: DueItem) => `${i.title}: due ${dueDateText(i.dueDate, d.offDays[i.dueDate])}`;
  const all = [...d.overdue, ...d.due];
  return {
    blocks: [
      heading(`This week: reviews and deadlines at ${school}`),
      ...(d.overdue.length ? [text(`${d.overdue.length} overdue.`, 'warning'), { type: 'list' as const, items: d.overdue.map(line) }] : []),
      ...(d.due.length ? [text(`${d.due.length} due in the next 7 days.`), { type: 'list' as const, items: d.due.map(line) }] : []),
      ...(d.unreachable ? [text(unreachableLine(d.unreachable), 'warning')] : []),
      { type: 'menu', items: all.slice(0, 8).map((i) => ({ command: i.command, label: digestLabel(i), description: i.title })) },
    ],
  };
}
