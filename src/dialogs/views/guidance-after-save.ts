import type { PupilCase } from '../../core/cases/pupil-case.js';
import { guide } from '../../core/guidance/guide.js';
import { situationFromCase, type AskedToday } from '../../core/guidance/situation.js';
import type { View } from '../../core/views/view.js';
import type { DialogContext } from '../dialog.js';
import { describePupil } from '../pupil-question.js';
import { guidanceView } from './guidance-view.js';
import { overdueReviewOf } from './overdue-review.js';

/**
 * What next for a pupil just saved, as every dialog shows it after a save: the same situation
 * (with the school calendar, so suspension days are counted in school days this term and year)
 * and the same card, so no dialog's guidance can drift from another's.
 */
export function guidanceAfterSave(ctx: DialogContext, saved: PupilCase, asked: AskedToday = {}): View {
  const today = ctx.today();
  const overdueReview = overdueReviewOf(ctx, saved, today);
  const situation = { ...situationFromCase(saved, today, asked, ctx.calendar), ...(overdueReview ? { overdueReview } : {}) };
  const pupil = describePupil(saved);
  return guidanceView(ctx.pack, guide(ctx.pack, situation, today), pupil, { situation, today, pupil });
}
