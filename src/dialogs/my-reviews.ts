import type { PupilCase } from '../core/cases/pupil-case.js';
import { daysBetween } from '../core/dates.js';
import { pupilDeadlines, type Deadline } from '../core/record/deadlines.js';
import { partTimeFigures } from '../core/record/pupil-figures.js';
import { heading, text, type Block, type MenuItem, type View } from '../core/views/view.js';
import type { DialogContext } from './dialog.js';
import { count } from '../core/text/plural.js';
import { ukDate } from '../core/text/uk-date.js';
import { dueDateText } from './views/due-wording.js';
import { day6ReminderWords, deadlineName } from './views/record-words.js';

/** How many buttons the list ends with: one per pupil, soonest first. */
const BUTTONS = 8;

/**
 * What this person should hold or chase: plan reviews, the LA's EHC needs-assessment dates, day-6
 * provision and termly PEPs. They are read from pupilDeadlines, which reads dueItems, the list the
 * reminders and the weekly digest are sent from, so "my reviews" never says something they do not.
 * A SENDCo sees the school's, a teacher those of the pupils they work with, and a headteacher those
 * of the pupils they work with or whose PSP they oversee (the head need not chase every review). Days are counted to the
 * first school day each could be met, so a review due in the holidays is not overdue on the first
 * day back.
 */
export async function myReviews(ctx: DialogContext, visible?: readonly PupilCase[]): Promise<View> {
  // A caller that has just read the person's cases passes them in, so they are read (and audited) once.
  const cases = visible ?? (await ctx.cases.visibleCases(ctx.user));
  const oversees = (c: PupilCase) => ctx.user.role === 'headteacher' && c.psps.some((p) => p.status === 'active' && p.overseeingLeaderId === ctx.user.id);
  const mine = ctx.user.role === 'sendco' ? cases : cases.filter((c) => c.staffIds.includes(ctx.user.id) || oversees(c));
  const today = ctx.today();
  const due = mine
    .flatMap((c) => pupilDeadlines(c, { pack: ctx.pack, calendar: ctx.calendar, today }).map((d) => ({ c, d })))
    .sort((a, b) => countedFrom(a.d).localeCompare(countedFrom(b.d)) || a.c.pupilRef.localeCompare(b.c.pupilRef));
  const timetables = partTimeLines(mine, today);
  if (!due.length && !timetables.length) return { blocks: [heading('My reviews'), text('No reviews or deadlines are due for your pupils.')] };
  if (!due.length) return { blocks: [heading('My reviews'), text('No reviews or deadlines are due for your pupils.'), ...timetables] };

  const line = ({ c, d }: { c: PupilCase; d: Deadline }) => {
    const days = daysBetween(today, countedFrom(d));
    // Calendar days, said so: suspensions are counted in school days, and a reader must not mix them.
    const when = days < 0 ? `OVERDUE by ${count(-days, 'calendar day')}` : days === 0 ? 'due today' : `due in ${count(days, 'day')}`;
    const by = d.actBy && !d.overdue ? `; ${day6ReminderWords(d.actBy)}` : '';
    return `${c.initials} (ref ${c.pupilRef}): ${deadlineName(ctx.pack, d)} ${when}, ${dueDateText(d.dueDate, d.offDay)}${by}`;
  };
  const overdue = due.filter(({ d }) => d.overdue);
  const blocks: Block[] = [heading('My reviews')];
  // "review" while every overdue date is a plan review; otherwise the wider word.
  const noun = overdue.every(({ d }) => d.kind.endsWith('-review')) ? 'review' : 'deadline';
  if (overdue.length) blocks.push(text(`${count(overdue.length, noun)} overdue.`, 'warning'));
  blocks.push({ type: 'list', items: due.map(line) });
  // One button per pupil on card channels (the terminal shows the commands to type): a review to
  // record, a PEP meeting to record, or for a date the LA keeps, the pupil's summary with all of them.
  const buttons = new Map<string, MenuItem>();
  for (const { c, d } of due) {
    if (buttons.size === BUTTONS || buttons.has(c.id)) continue;
    const review = d.kind === 'pcp-review' || d.kind === 'psp-review';
    buttons.set(
      c.id,
      review
        ? { command: `review for ${c.pupilRef}`, label: `Record review: ${c.initials}`, description: `${deadlineName(ctx.pack, d)} for ${c.initials} (ref ${c.pupilRef})` }
        : d.kind === 'pep'
          ? { command: `pep ${c.pupilRef}`, label: `Record PEP: ${c.initials}`, description: `${deadlineName(ctx.pack, d)} for ${c.initials} (ref ${c.pupilRef})` }
          : { command: `pupil ${c.pupilRef}`, label: `Open ${c.initials} ${c.pupilRef}`, description: `${deadlineName(ctx.pack, d)} for ${c.initials} (ref ${c.pupilRef})` },
    );
  }
  blocks.push({ type: 'menu', items: [...buttons.values()] });
  blocks.push(...timetables);
  return { blocks };
}

/**
 * The London date a deadline's "due in" / "OVERDUE by" count is taken from, and the list is sorted
 * by: the first school day it could be met when it falls in the holidays, otherwise its due date.
 */
function countedFrom(d: Deadline): string {
  return d.offDay?.firstSchoolDay ?? d.dueDate;
}

/**
 * Pupils on a part-time timetable, or with one planned, or past its planned end with no end recorded:
 * when it ends (by when it is reviewed) and whether the LA has been told (000 "Part Time Timetable
 * (notify LA)"; 003 Hackney: temporary, agreed with parents, the LA told). Empty when there are none.
 */
function partTimeLines(cases: readonly PupilCase[], today: string): Block[] {
  const lines: string[] = [];
  let untold = 0;
  for (const c of cases) {
    const p = partTimeFigures(c, today);
    if (!p) continue;
    const told = p.laNotifiedOn ? `the LA told on ${ukDate(p.laNotifiedOn)}` : 'the LA not yet told: tell the LA now';
    if (!p.laNotifiedOn) untold++;
    const what =
      p.when === 'ended'
        ? `part-time timetable planned to end ${ukDate(p.endDate)}, and no end recorded: record its end or a new end date with "update ${c.pupilRef}"`
        : p.when === 'planned'
          ? `part-time timetable planned from ${ukDate(p.startDate)} to ${ukDate(p.endDate)}: review it by ${p.reviewDate ? ukDate(p.reviewDate) : 'its end'}`
          : p.reviewDate
            ? `part-time timetable until ${ukDate(p.endDate)}: review it by ${ukDate(p.reviewDate)}`
            : `part-time timetable until ${ukDate(p.endDate)}: review it by then`;
    lines.push(`${c.initials} (ref ${c.pupilRef}): ${what}; ${told}`);
  }
  if (!lines.length) return [];
  return [heading('Part-time timetables'), ...(untold ? [text(`${count(untold, 'part-time timetable')} the LA has not been told about.`, 'warning')] : []), { type: 'list', items: lines }];
}
