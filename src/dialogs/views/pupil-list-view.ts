import { exclusionStanding } from '../../core/record/pupil-figures.js';
import type { PupilCase } from '../../core/cases/pupil-case.js';
import { endOfWeek, type Deadline } from '../../core/record/deadlines.js';
import { ukDate } from '../../core/text/uk-date.js';
import type { Page } from '../../core/views/paging.js';
import { heading, text, type Block, type MenuItem, type Row, type View } from '../../core/views/view.js';
import type { StaffMember } from '../../core/staff.js';
import type { DialogContext } from '../dialog.js';
import { describePupil } from '../pupil-question.js';
import type { ListDef } from '../read/lists.js';
import { commandFor, LIST_IDS, type ListId } from '../read/read-request.js';
import { to } from '../read/subject.js';
import { count, deadlineWords, flagWords, schoolCalled } from './record-words.js';

/** A pupil on a list, with what put them there. */
export interface Listed {
  c: PupilCase;
  deadlines?: Deadline[];
}

/** What a busy reader needs on one line: step, plan, risk, needs and care. */
function statusLine(c: PupilCase): string {
  const psp = c.psps.some((p) => p.status === 'active');
  const pcp = c.pcps.some((p) => p.status === 'active');
  return [
    `Step ${c.currentStep}`,
    ...(psp ? ['on a PSP'] : pcp ? ['PCP in place'] : []),
    ...(exclusionStanding(c).permanent ? ['permanently excluded'] : exclusionStanding(c).atRisk ? ['at risk of permanent exclusion'] : []),
    ...flagWords(c.flags).map((f) => (f === 'SEN support' || f === 'EHCP' ? f : f.toLowerCase())),
  ].join(' · ');
}

/**
 * One page of a list of pupils: a row each with a button to their summary, and Previous and Next
 * when the list is longer than a page.
 */
export function pupilListView(ctx: DialogContext, def: ListDef, shown: Page<Listed>): View {
  const { user } = ctx;
  const blocks: Block[] = [heading(def.title(user))];
  if (def.id === 'deadlines') blocks.push(text(`Due by ${ukDate(endOfWeek(ctx.today()))}, or overdue.`, 'muted'));
  if (!shown.total) {
    blocks.push(text(def.empty(user, ctx), 'muted'));
    blocks.push(listMenu(def.id, user));
    return { blocks };
  }
  const rows: Row[] = shown.items.map(({ c, deadlines }) => ({
    title: `${describePupil(c)}${user.schoolId ? '' : ` · ${schoolCalled(ctx, c.schoolId)}`}`,
    detail: deadlines ? deadlines.map((d) => deadlineWords(ctx.pack, d)).join('; ') : statusLine(c),
    open: to.pupil({ c, viewer: user }, `Open ${c.initials} ${c.pupilRef}`),
    ...(deadlines?.some((d) => d.overdue) ? { tone: 'warning' as const } : {}),
  }));
  blocks.push({ type: 'rows', rows });
  if (shown.pages > 1)
    blocks.push({
      type: 'pager',
      page: shown.page,
      pages: shown.pages,
      of: count(shown.total, 'pupil'),
      ...(shown.page > 1 ? { previous: commandFor({ kind: 'list', list: def.id, page: shown.page - 1 }) } : {}),
      ...(shown.page < shown.pages ? { next: commandFor({ kind: 'list', list: def.id, page: shown.page + 1 }) } : {}),
    });
  blocks.push(listMenu(def.id, user));
  return { blocks };
}

const LIST_LABELS: Record<ListId, { label: string; description: string }> = {
  mine: { label: 'My pupils', description: 'Everyone you work with' },
  psp: { label: 'On a PSP', description: 'Pupils with an active Pastoral Support Programme' },
  risk: { label: 'At risk', description: 'Pupils at risk of permanent exclusion' },
  care: { label: 'Looked after', description: 'Looked after, previously looked after, or with a social worker' },
  deadlines: { label: 'Due this week', description: 'Pupils with a review or deadline due this week, or overdue' },
};

/** The other lists, as buttons; an LA officer's copies hold no plans, so not the PSP list. */
function listMenu(current: ListId | undefined, user: StaffMember): Block {
  const offered = LIST_IDS.filter((id) => id !== current && !(id === 'psp' && user.role === 'la-officer'));
  return { type: 'actions', actions: offered.map((id) => ({ label: LIST_LABELS[id].label, command: commandFor({ kind: 'list', list: id, page: 1 }) })) };
}

/** "lists": every list, with what it holds, and how to read one pupil's record. */
export function listsView(): View {
  const items: MenuItem[] = LIST_IDS.map((id) => ({ command: commandFor({ kind: 'list', list: id, page: 1 }), ...LIST_LABELS[id] }));
  return {
    blocks: [
      heading('Lists of pupils'),
      { type: 'menu', items },
      text('For one pupil: "pupil 4021" for their summary, "timeline 4021" for everything in date order, "show pcp 1 for 4021" for a plan in full. Add "page 2" to see more of a list.', 'muted'),
    ],
  };
}
