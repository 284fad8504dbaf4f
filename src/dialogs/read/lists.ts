import { exclusionStanding } from '../../core/record/pupil-figures.js';
import type { PupilCase } from '../../core/cases/pupil-case.js';
import { dueThisWeek, endOfWeek, pupilDeadlines, type Deadline } from '../../core/record/deadlines.js';
import type { StaffMember } from '../../core/staff.js';
import { ukDate } from '../../core/text/uk-date.js';
import type { DialogContext } from '../dialog.js';
import type { ListId } from './read-request.js';

/**
 * The lists of pupils staff ask for, as data: who is on each, and what each is called for the
 * person reading it. Pupils come from CaseService.visibleCases, so a teacher's lists hold only their
 * pupils and an LA officer's only pupils referred to the LA (whose copies hold no plans).
 */
export interface ListDef {
  id: ListId;
  title: (user: StaffMember) => string;
  /** Said when nobody is on the list. */
  empty: (user: StaffMember, ctx: DialogContext) => string;
  /** Whether a pupil is on the list, and the deadlines that put them there (deadlines list). */
  pick: (c: PupilCase, ctx: DialogContext) => { deadlines?: Deadline[] } | undefined;
}

const isLa = (u: StaffMember) => u.role === 'la-officer';

export const LISTS: Record<ListId, ListDef> = {
  mine: {
    id: 'mine',
    title: (u) => (isLa(u) ? 'Pupils referred to the LA' : u.role === 'sendco' || u.role === 'headteacher' ? 'Pupils at your school' : 'Your pupils'),
    empty: (u) => (isLa(u) ? 'No school has referred a pupil to the LA yet.' : u.role === 'teacher' ? 'No pupils yet: add one with "new pupil", or ask your SENDCo to add you to a pupil you work with.' : 'No pupils yet: add one with "new pupil".'),
    pick: () => ({}),
  },
  psp: {
    id: 'psp',
    title: () => 'Pupils on a PSP',
    empty: (u) => (isLa(u) ? 'Plans stay with the school, so this list is for school staff.' : 'None of your pupils is on an active Pastoral Support Programme.'),
    pick: (c) => (c.psps.some((p) => p.status === 'active') ? {} : undefined),
  },
  risk: {
    id: 'risk',
    title: () => 'Pupils at risk of permanent exclusion',
    empty: () => 'None of your pupils is recorded as at risk of permanent exclusion.',
    // A pupil already permanently excluded is not "at risk" of it (exclusionStanding).
    pick: (c) => (exclusionStanding(c).atRisk ? {} : undefined),
  },
  care: {
    id: 'care',
    title: () => 'Pupils looked after, previously looked after or with a social worker',
    empty: () => 'None of your pupils is recorded as looked after, previously looked after or with a social worker.',
    pick: (c) => (c.flags.lookedAfter || c.flags.previouslyLookedAfter || c.flags.socialWorker ? {} : undefined),
  },
  deadlines: {
    id: 'deadlines',
    title: () => 'Pupils with deadlines this week',
    empty: (_u, ctx) => `Nothing is due for your pupils by ${ukDate(endOfWeek(ctx.today()))}, and nothing is overdue.`,
    pick: (c, ctx) => {
      const due = dueThisWeek(pupilDeadlines(c, { pack: ctx.pack, calendar: ctx.calendar, today: ctx.today() }), ctx.today());
      return due.length ? { deadlines: due } : undefined;
    },
  },
};
