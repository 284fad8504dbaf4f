import type { PupilCase } from '../../core/cases/pupil-case.js';
import type { PupilSituation } from '../../core/guidance/types.js';
import { pupilDeadlines } from '../../core/record/deadlines.js';
import type { DialogContext } from '../dialog.js';
import { itemName } from './record-words.js';

/**
 * The pupil's most overdue plan review (PCP or PSP), by the school calendar, for the first
 * sentence of their guidance; undefined when none is overdue (a review due in the holidays is
 * not overdue before the first school day after it).
 */
export function overdueReviewOf(ctx: Pick<DialogContext, 'pack' | 'calendar'>, c: PupilCase, today: string): PupilSituation['overdueReview'] {
  const d = pupilDeadlines(c, { pack: ctx.pack, calendar: ctx.calendar, today }).find((x) => x.overdue && (x.kind === 'pcp-review' || x.kind === 'psp-review'));
  if (!d) return undefined;
  return { plan: d.plan ? itemName(d.plan) : d.kind === 'pcp-review' ? 'PCP' : 'PSP', dueDate: d.dueDate };
}
