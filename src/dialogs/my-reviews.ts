import { pspReviewWindow } from '../core/plans/review-dates.js';
import { reviewsDue } from '../core/plans/reviews-due.js';
import { heading, text, type Block, type View } from '../core/views/view.js';
import type { PupilCase } from '../core/cases/pupil-case.js';
import type { DialogContext } from './dialog.js';
import { count } from '../core/text/plural.js';
import { dueDateText } from './views/due-wording.js';

/**
 * Reviews this person should hold: a SENDCo sees the school's, a teacher the plans they own or share.
 * Days are counted to the first school day a review could be held, so a review due in the holidays
 * is not overdue on the first day back.
 */
export async function myReviews(ctx: DialogContext, visible?: readonly PupilCase[]): Promise<View> {
  // A caller that has just read the person's cases passes them in, so they are read (and audited) once.
  const cases = visible ?? (await ctx.cases.visibleCases(ctx.user));
  const mine = ctx.user.role === 'sendco' ? cases : cases.filter((c) => c.staffIds.includes(ctx.user.id));
  const due = reviewsDue(mine, ctx.today(), ctx.calendar, pspReviewWindow(ctx.pack));
  if (!due.length) return { blocks: [heading('My reviews'), text('No plan reviews are due for your pupils.')] };
  const line = (d: (typeof due)[number]) => {
    const when = d.daysUntilDue < 0 ? `OVERDUE by ${count(-d.daysUntilDue, 'day')}` : d.daysUntilDue === 0 ? 'due today' : `due in ${count(d.daysUntilDue, 'day')}`;
    return `${d.initials} (ref ${d.pupilRef}): ${d.plan === 'pcp' ? 'PCP' : 'PSP'} review ${when}, ${dueDateText(d.dueDate, d.offDay)}`;
  };
  const overdue = due.filter((d) => d.daysUntilDue < 0);
  const blocks: Block[] = [heading('My reviews')];
  if (overdue.length) blocks.push(text(`${count(overdue.length, 'review')} overdue.`, 'warning'));
  blocks.push({ type: 'list', items: due.map(line) });
  // One button per pupil on card channels; the terminal shows the same commands to type.
  const soonest = due.slice(0, 8);
  blocks.push({ type: 'menu', items: soonest.map((d) => ({ command: `review for ${d.pupilRef}`, label: `Record review: ${d.initials}`, description: `${d.plan === 'pcp' ? 'PCP' : 'PSP'} review for ${d.initials} (ref ${d.pupilRef})` })) });
  return { blocks };
}
