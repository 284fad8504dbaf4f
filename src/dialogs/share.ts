import { canBeSharedWith, canBeUnshared } from '../core/access/policy.js';
import { notATeacherHere, notRemovable } from '../core/cases/case-service.js';
import { heading, textNaming } from '../core/views/view.js';
import { choice, type AnswerChoice } from './choice-match.js';
import type { Answers, DialogContext, FormDialog, Question } from './dialog.js';
import { pickedPupil, pupilLookup, shownPupil, type PupilPick } from './pupil-question.js';
import { staffIdFrom } from './staff-id.js';
import { staffQuestion } from './staff-question.js';
import { staffNamer, staffSubject } from './staff-words.js';
import { onlySharers } from './who-may.js';

/**
 * `share 4021 with <id>` and `unshare 4021 <id>`: a SENDCo (or an admin of the school) says which
 * teachers work with a pupil, and so see them (a teacher sees only those pupils). The pupil is named
 * by reference and nothing else of the record is shown, as an admin sees no pupil data.
 */

/** Kept in the answers with the pupil: the reference, and who is named on the pupil now. */
interface Sharing {
  pupilRef: string;
  sharedWith: string[];
}

const sharingOf = (a: Answers): Sharing => ({ pupilRef: String(a.pupilRef ?? ''), sharedWith: (a.sharedWith as string[] | undefined) ?? [] });

function pupilByRef(ctx: DialogContext): Question {
  return {
    id: 'pupil',
    kind: 'text',
    prompt: 'Which pupil? Type their pupil reference (not their name).',
    // A SENDCo picks from the school's pupils; an admin, who sees no pupil data, types the reference.
    ...pupilLookup(ctx),
    shown: shownPupil,
    async parse(raw) {
      const ref = raw.trim();
      if (!/^[A-Za-z0-9][A-Za-z0-9-]{0,19}$/.test(ref)) return { ok: false, message: 'A pupil reference is letters, digits and dashes, up to 20 characters (no names, please).' };
      const found = await ctx.cases.sharing(ctx.user, ref);
      if (!found) return { ok: false, message: `I can’t find a pupil with reference ${ref} at your school. Check the reference, or type "cancel".` };
      // Named by reference only: an admin sharing a pupil sees nothing else of the record.
      const pick: PupilPick = { schoolId: found.schoolId, caseId: found.caseId, ref: found.pupilRef, label: `Pupil ${found.pupilRef}` };
      return { ok: true, value: pick, also: { pupilRef: found.pupilRef, sharedWith: found.staffIds } };
    },
  };
}

function shareWith(ctx: DialogContext, a: Answers): Question {
  const { pupilRef, sharedWith } = sharingOf(a);
  return staffQuestion(ctx, {
    id: 'staffId',
    prompt: `Which teacher should work with pupil ${pupilRef}? Pick them, or type their id in this bot (they can see it by typing "whoami"); in a Slack message you can @-mention them.`,
    check(id, target) {
      if (sharedWith.includes(id)) return { ok: false, message: `${staffSubject(staffNamer(ctx), id).said} already works with pupil ${pupilRef}. Pick someone else, or "cancel".` };
      const school = pickedPupil(a)!.schoolId;
      return canBeSharedWith(target, { schoolId: school }) ? { ok: true, value: id } : { ok: false, message: notATeacherHere(id, target, school) };
    },
  });
}

/** Those named on the pupil whom taking off changes anything: teachers, and ids the directory no longer knows. */
const removable = (ctx: DialogContext, sharedWith: readonly string[]) => sharedWith.filter((id) => canBeUnshared(ctx.staff?.find(id), id, ctx.user));

function unshareFrom(ctx: DialogContext, a: Answers): Question {
  const { pupilRef, sharedWith } = sharingOf(a);
  const offered = removable(ctx, sharedWith);
  const choices: AnswerChoice[] = offered.map((id) => {
    const who = ctx.staff?.find(id);
    // By name where the staff file has one (a fresh tester, issue 12, was offered raw ids to pick from).
    return { value: id, label: who ? `${who.displayName ?? id} (${who.role})` : `${id} (no longer has a role here)` };
  });
  return {
    id: 'staffId',
    kind: 'choice',
    prompt: `Which teacher should no longer work with pupil ${pupilRef}?`,
    choices,
    parse(raw) {
      const read = staffIdFrom(raw, ctx.user.id, (id) => sharedWith.includes(id));
      // Someone named who sees the pupil anyway (a SENDCo, or you): said why, with the teachers to pick from.
      if (read.ok && sharedWith.includes(read.id) && !offered.includes(read.id))
        return { ok: false, message: `${notRemovable(read.id, ctx.staff?.find(read.id), ctx.user)} Type one of: ${choices.map((c) => c.label).join('; ')}, or "cancel".` };
      if (read.ok && offered.includes(read.id)) return { ok: true, value: read.id };
      return choice(choices, raw);
    },
  };
}

export const shareDialog: FormDialog = {
  id: 'share',
  submitLabel: 'Share',
  title: 'Share a pupil with a teacher',
  shortTitle: 'Share a pupil',
  refuse: onlySharers('share a pupil with a teacher'),
  intro: () => 'A teacher sees only the pupils they work with; a SENDCo sees every pupil at the school.',
  questions: (ctx, a) => (pickedPupil(a) ? [pupilByRef(ctx), shareWith(ctx, a)] : [pupilByRef(ctx)]),
  async finish(ctx, a) {
    const id = a.staffId as string;
    const p = pickedPupil(a)!;
    const saved = await ctx.cases.share(ctx.user, { schoolId: p.schoolId, id: p.caseId }, id, ctx.staff?.find(id));
    const { said, people } = staffSubject(staffNamer(ctx), id);
    return [{ blocks: [heading('Pupil shared'), textNaming(`${said} now works with pupil ${saved.pupilRef} and can see their record. To take that away, type "unshare ${saved.pupilRef}" and pick them.`, 'success', people)] }];
  },
};

export const unshareDialog: FormDialog = {
  id: 'unshare',
  submitLabel: 'Stop sharing',
  title: 'Stop sharing a pupil',
  refuse: onlySharers('stop sharing a pupil'),
  intro: () => 'Someone taken off a pupil no longer sees them (a SENDCo still sees every pupil at the school).',
  questions(ctx, a) {
    const base = pupilByRef(ctx);
    const pupil: Question = {
      ...base,
      async parse(raw) {
        const p = await base.parse(raw);
        if (!p.ok || removable(ctx, p.also?.sharedWith as string[]).length) return p;
        const ref = String(p.also?.pupilRef ?? raw.trim());
        return { ok: false, message: `No teacher is named on pupil ${ref}, so there is no one to take off (a SENDCo sees every pupil at the school whether named or not). To name a teacher: share ${ref} with <their id>. Type another pupil reference, or "cancel".` };
      },
    };
    return pickedPupil(a) ? [pupil, unshareFrom(ctx, a)] : [pupil];
  },
  async finish(ctx, a) {
    const id = a.staffId as string;
    const p = pickedPupil(a)!;
    const saved = await ctx.cases.unshare(ctx.user, { schoolId: p.schoolId, id: p.caseId }, id, ctx.staff?.find(id));
    const { said, people } = staffSubject(staffNamer(ctx), id);
    return [{ blocks: [heading('No longer shared'), textNaming(`${said} no longer works with pupil ${saved.pupilRef}${ctx.staff?.find(id)?.role === 'teacher' ? ' and can no longer see their record' : ''}.`, 'success', people)] }];
  },
};
