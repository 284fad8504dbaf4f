import type { PupilFlags, StepChange } from '../../core/cases/pupil-case.js';
import type { Deadline } from '../../core/record/deadlines.js';
import { DAY6_LEAD_SCHOOL_DAYS, day6Starts, DEFAULT_PROVISION_FROM_DAY, type Day6Start } from '../../core/reminders/due-items.js';
import type { PupilCase } from '../../core/cases/pupil-case.js';
import type { SchoolCalendar } from '../../core/calendar/school-calendar.js';
import type { ItemKind, ItemRef } from '../../core/record/record-items.js';
import { ukDate, ukDatesIn } from '../../core/text/uk-date.js';
import type { KnowledgePack } from '../../knowledge/schema/pack.js';
import { schoolName } from '../../core/text/school-name.js';
import type { DialogContext } from '../dialog.js';
import { byWho, type StaffNamer } from '../staff-words.js';

/** Words for reading a pupil's record back, shared by the summary, the chronology, plans and lists. */

const ITEM_NAMES: Record<ItemKind, string> = { pcp: 'PCP', psp: 'PSP', review: 'Review', referral: 'Referral', exclusion: 'Exclusion' };

/** "PCP 1", "Review 3". */
export const itemName = (ref: ItemRef): string => `${ITEM_NAMES[ref.kind]} ${ref.n}`;

/** A service by its name in the pack, or its id when the pack no longer lists it. */
export const serviceName = (pack: KnowledgePack, id: string): string => pack.services.find((s) => s.id === id)?.name ?? id;

/** "Step 3: Staff member and SENDCo work together", from the pack when it names its steps. */
export function stepTitle(pack: KnowledgePack, step: number): string {
  const title = pack.pathway?.steps.find((s) => s.number === step)?.title;
  return title ? `Step ${step}: ${title}` : `Step ${step}`;
}

/** What the record says about the pupil's needs and care, in the words staff use. */
export function flagWords(flags: PupilFlags): string[] {
  return [
    ...(flags.senSupport ? ['SEN support'] : []),
    ...(flags.ehcp ? ['EHCP'] : []),
    ...(flags.lookedAfter ? ['Looked after'] : []),
    ...(flags.previouslyLookedAfter ? ['Previously looked after'] : []),
    ...(flags.socialWorker ? ['Social worker'] : []),
  ];
}

/** A school as people name it: the staff file's name, else its id's words ("oak-primary" → "Oak Primary"). */
export const schoolCalled = (ctx: Pick<DialogContext, 'staff'>, schoolId: string): string => ctx.staff?.schoolName?.(schoolId) ?? schoolName(schoolId);

/** Who did something: by name and role, "you" for the reader, never an id (staff-words). */
export { byWho };

/** "1 day", "3 days": the core's, shared with every view. */
export { count } from '../../core/text/plural.js';

const CAUSES: Record<StepChange['cause'], string> = {
  review: 'after a review',
  referral: 'on a referral',
  plan: 'when a plan was written',
  set: 'set by the SENDCo',
};

/**
 * "Step 2 to Step 3, after a review: <reason>". A reason the bot wrote (after a review or a
 * referral) may be from before dates read "Mon 23 Nov 2026"; a SENDCo's own words stay as typed.
 */
export function stepChangeWords(c: StepChange): string {
  return `Step ${c.from} to Step ${c.to}, ${CAUSES[c.cause]}: ${c.cause === 'set' ? c.reason : ukDatesIn(c.reason)}`;
}

/** Who agreed a step change: the person who recorded it, and anyone else by role. */
export function agreedWords(c: StepChange, viewerId: string, who?: StaffNamer): string {
  return `Agreed by ${byWho(c.agreedBy, viewerId, who)}${c.agreedWith ? ` with ${c.agreedWith}` : ''}`;
}

/** Timeline entries with nothing more on record, by what they record. */
const EVENTS: Record<string, string> = {
  'case.created': 'Pupil added to the record',
  'step.up': 'Moved up a step (recorded before reasons were kept)',
  'step.down': 'Moved down a step (recorded before reasons were kept)',
};

/** An event's words; one this version does not know is named by its own words ("flags.changed" → "Flags changed"). */
export function eventWords(what: string): string {
  const known = EVENTS[what];
  if (known) return known;
  const words = what.replace(/[._:-]+/g, ' ').trim();
  return words ? `${words.charAt(0).toUpperCase()}${words.slice(1)}` : 'Recorded';
}

/** "Wed 25 Nov 2026, overdue" or "Fri 25 Dec 2026 (in the holidays; first school day Tue 5 Jan 2027)". */
export function whenDue(d: Pick<Deadline, 'dueDate' | 'offDay' | 'overdue'>): string {
  const off = d.offDay ? ` (${offDayWords(d.offDay.why)}${d.offDay.firstSchoolDay ? `; first school day ${ukDate(d.offDay.firstSchoolDay)}` : ''})` : '';
  return `${ukDate(d.dueDate)}${off}${d.overdue ? ': overdue' : ''}`;
}

function offDayWords(why: string): string {
  if (why === 'weekend') return 'at the weekend';
  if (why === 'school holiday') return 'in the holidays';
  if (why === 'closure') return 'while the school is closed';
  if (why === 'bank holiday') return 'a bank holiday';
  return why.replace(/^bank holiday: /, '');
}

/** What a dated item is, in a few words: "PSP review", "EHC needs assessment: the LA’s 6-week decision", "Full-time provision from day 6 of the suspension". */
export function deadlineName(pack: KnowledgePack, d: Pick<Deadline, 'kind' | 'after'>): string {
  const weeks = (which: 'decisionWeeks' | 'completionWeeks', fallback: number) => pack.rules?.ehcAssessment[which] ?? fallback;
  switch (d.kind) {
    case 'pcp-review':
      return 'PCP review';
    case 'psp-review':
      return 'PSP review';
    case 'ptt-review':
      return 'Part-time timetable review';
    case 'ehc-decision':
      return `EHC needs assessment: the LA’s ${weeks('decisionWeeks', 6)}-week decision`;
    case 'ehc-completion':
      return `EHC needs assessment: the LA’s ${weeks('completionWeeks', 20)}-week deadline to finish`;
    case 'day6-provision':
      return `Full-time provision from day ${pack.rules?.permanentExclusion.provisionFromDay ?? 6} of the ${d.after === 'suspension' ? 'suspension' : 'permanent exclusion'}`;
    case 'pep':
      return 'Termly PEP (personal education plan)';
    // The school's own, never a pupil's; named here so every kind has words.
    case 'self-reflection':
      return 'Inclusion self-reflection';
  }
}

/** One deadline in a sentence, e.g. "PSP 1 review due Wed 25 Nov 2026" or "EHC needs assessment: the LA’s 6-week decision due …". */
export function deadlineWords(pack: KnowledgePack, d: Deadline): string {
  const when = whenDue(d);
  const asked = d.requestedOn ? ` (requested ${ukDate(d.requestedOn)})` : '';
  switch (d.kind) {
    case 'pcp-review':
    case 'psp-review':
      return `${d.plan ? itemName(d.plan) : d.kind === 'pcp-review' ? 'PCP' : 'PSP'} review due ${when}`;
    case 'ehc-completion':
      return `${deadlineName(pack, d)} ${when}${asked}`;
    case 'day6-provision':
      return `${deadlineName(pack, d)}: ${when}${d.actBy ? `; ${day6ReminderWords(d.actBy)}` : ''}`;
    default:
      return `${deadlineName(pack, d)} due ${when}${asked}`;
  }
}

/**
 * The day-6 reminder's date said for what it is: the bot's own lead time before the sixth school day
 * (DAY6_LEAD_SCHOOL_DAYS), not a deadline from the seeds, which set only day 6 (001).
 * "reminders from Wed 25 Nov 2026, 3 school days ahead (the duty is day 6)".
 */
export function day6ReminderWords(remindOn: string): string {
  return `reminders from ${ukDate(remindOn)}, ${DAY6_LEAD_SCHOOL_DAYS} school days ahead (the duty is day 6)`;
}

/**
 * Which school day of the exclusion full-time provision started on, and how late against the day-6
 * duty (001, "Day 6 provision"): "school day 7 of the suspension: 1 school day late (due day 6, Mon 30 Nov 2026)",
 * or "school day 6 of the permanent exclusion: on time".
 */
export function day6StartWords(d: Pick<Day6Start, 'exclusion' | 'provisionOn' | 'schoolDay' | 'lateBy'>, fromDay: number): string {
  const of = `school day ${d.schoolDay} of the ${d.exclusion.kind === 'permanent' ? 'permanent exclusion' : 'suspension'}`;
  return d.lateBy > 0 ? `${of}: ${d.lateBy} school ${d.lateBy === 1 ? 'day' : 'days'} late (due day ${fromDay}, ${ukDate(d.provisionOn)})` : `${of}: on time (due by day ${fromDay}, ${ukDate(d.provisionOn)})`;
}

/**
 * One sentence for each exclusion whose full-time provision is recorded as started (day6Starts),
 * saying when, on which school day of the exclusion, and whether late against the day-6 duty (001):
 * "Full-time provision after the suspension from Mon 23 Nov 2026 started on Tue 1 Dec 2026, school day 7
 * of the suspension: 1 school day late (due day 6, Mon 30 Nov 2026)." `keep` picks which exclusions.
 */
export function provisionStartedLines(pack: KnowledgePack, calendar: SchoolCalendar, c: PupilCase, keep: (d: Day6Start) => boolean = () => true): { line: string; late: boolean }[] {
  const fromDay = pack.rules?.permanentExclusion.provisionFromDay ?? DEFAULT_PROVISION_FROM_DAY;
  return day6Starts(c, fromDay, calendar)
    .filter(keep)
    .map((d) => ({
      line: `Full-time provision after the ${d.exclusion.kind === 'permanent' ? 'permanent exclusion' : 'suspension'} from ${ukDate(d.exclusion.startDate)} started on ${ukDate(d.startedOn)}, ${day6StartWords(d, fromDay)}.`,
      late: d.lateBy > 0,
    }));
}
