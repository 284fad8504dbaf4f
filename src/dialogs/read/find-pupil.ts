import { caseAccess } from '../../core/access/policy.js';
import { caseAsItStands } from '../../core/facts/pupil-facts.js';
import { schoolCalled } from '../views/record-words.js';
import { heading, text, type View } from '../../core/views/view.js';
import type { DialogContext } from '../dialog.js';
import { staffNamer } from '../staff-words.js';
import { byInitials, describePupil } from '../pupil-question.js';
import { commandFor, type PupilAt } from './read-request.js';
import type { Subject } from './subject.js';

/**
 * The pupil a read names, through the access rules (CaseService audits each read and refusal). A
 * pupil the person may not see gets the same answer as one who is not recorded, so a teacher
 * learns nothing about pupils they do not work with. School staff name a pupil by their school's
 * reference (or initials, when only one of their pupils has them); an LA officer works across
 * schools, so a reference used at several of the schools that referred to the LA is asked about.
 */
export async function findPupil(ctx: DialogContext, at: PupilAt): Promise<{ subject: Subject } | { views: View[] }> {
  const { user } = ctx;
  if (user.role === 'admin') return { views: [{ blocks: [text('As an admin you manage roles and see no pupil records. A teacher or SENDCo at the school can read a pupil’s record.', 'warning')] }] };
  if (user.schoolId) {
    if (at.school && at.school !== user.schoolId) return { views: [notFound(ctx, at.ref)] };
    const byRef = await ctx.cases.findByRef(user, at.ref);
    if (byRef) return subject(ctx, byRef);
    const byIds = await byInitials(ctx, at.ref);
    if (byIds === 'several') return { views: [{ blocks: [text(`More than one of your pupils has the initials ${at.ref.toUpperCase()}. Please use their pupil reference, e.g. "pupil 4021".`, 'warning')] }] };
    // Found among the pupils listed: read again by id, so the read itself is checked and audited.
    const c = byIds && (await ctx.cases.get(user, byIds.schoolId, byIds.id));
    return c ? subject(ctx, c) : { views: [notFound(ctx, at.ref)] };
  }
  if (user.role !== 'la-officer') return { views: [notFound(ctx, at.ref)] };
  const ref = at.ref.toLowerCase();
  const matches = (await ctx.cases.visibleCases(user)).filter((c) => c.pupilRef.toLowerCase() === ref && (!at.school || c.schoolId === at.school));
  if (matches.length > 1) {
    await ctx.cases.disclosed(user, matches);
    return {
      views: [
        {
          blocks: [
            heading(`Pupil reference ${at.ref} at ${matches.length} schools`),
            {
              type: 'rows',
              rows: matches.map((c) => ({ title: `${describePupil(c)} · ${schoolCalled(ctx, c.schoolId)}`, open: { label: `Open at ${schoolCalled(ctx, c.schoolId)}`, command: commandFor({ kind: 'pupil', ref: c.pupilRef, school: c.schoolId }) } })),
            },
          ],
        },
      ],
    };
  }
  const only = matches[0];
  const c = only && (await ctx.cases.get(user, only.schoolId, only.id));
  return c ? subject(ctx, c) : { views: [notFound(ctx, at.ref)] };
}

function subject(ctx: DialogContext, c: Subject['c']): { subject: Subject } | { views: View[] } {
  const access = caseAccess(ctx.user, c);
  // Views read the facts as they stand now, worked out from the chronology.
  return access === 'none' ? { views: [notFound(ctx, c.pupilRef)] } : { subject: { c: caseAsItStands(c), access, viewer: ctx.user, who: staffNamer(ctx) } };
}

function notFound(ctx: DialogContext, ref: string): View {
  const mine = commandFor({ kind: 'list', list: 'mine', page: 1 });
  if (ctx.user.role === 'la-officer')
    return { blocks: [text(`I can’t find a pupil with reference ${ref} among the pupils schools have referred to the LA. Check the reference, or type "${mine}" to see them.`, 'warning')] };
  const share = ctx.user.role === 'teacher' ? ' If the pupil is recorded but you don’t work with them yet, ask your SENDCo to add you.' : '';
  return { blocks: [text(`I can’t find a pupil with reference ${ref} among the pupils you work with. Check the reference, or type "${mine}" to see them.${share}`, 'warning')] };
}
