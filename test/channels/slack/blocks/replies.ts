import type { StaffMember } from '../../../../src/core/staff.js';
import type { FormView, SearchView, View } from '../../../../src/core/views/view.js';
import { homeViews } from '../../../../src/dialogs/home.js';
import { everyReply } from '../../teams/cards/replies.js';
import { worldWithPupil } from '../../teams/cards/world.js';

/**
 * Everything the bot can show in Slack, from the real core: every reply the Teams cards are
 * tested with (menu, every dialog's form, half-filled forms, guidance, searches, reviews, typed
 * turns) and the Home tab for a SENDCo with a pupil, a teacher, an LA officer and an admin.
 */

export const TEACHER: StaffMember = { id: 'teacher-1', role: 'teacher', schoolId: 'oak-primary' };
export const LA_OFFICER: StaffMember = { id: 'la-1', role: 'la-officer' };
export const ADMIN: StaffMember = { id: 'admin-1', role: 'admin' };

export const formsIn = (views: readonly View[]): FormView[] => views.flatMap((v) => v.blocks.flatMap((b) => (b.type === 'form' ? [b.form] : [])));
export const searchesIn = (views: readonly View[]): SearchView[] => views.flatMap((v) => v.blocks.flatMap((b) => (b.type === 'search' ? [b.search] : [])));

export async function slackWorld() {
  const w = await worldWithPupil();
  const replies: Record<string, View[]> = await everyReply(w.ctx);
  const homes: Record<string, View[]> = {
    'SENDCo with a pupil': await homeViews(w.ctx),
    teacher: await homeViews(w.ctxFor(TEACHER)),
    'LA officer': await homeViews(w.ctxFor(LA_OFFICER)),
    admin: await homeViews(w.ctxFor(ADMIN)),
  };
  return { ...w, replies, homes };
}
