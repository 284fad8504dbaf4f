import { writesPupilRecords } from '../core/access/policy.js';
import type { PupilCase } from '../core/cases/pupil-case.js';
import type { Choice, Lookup } from '../core/views/view.js';
import type { Answers, DialogContext, Question } from './dialog.js';

/**
 * Answers keep the case's ids; the case itself is read fresh (and access-checked) when needed. The
 * reference and the words it was shown with (`label`) let a picker show the pupil chosen when a form
 * comes back; answers kept before pickers have neither.
 */
export interface PupilPick {
  schoolId: string;
  caseId: string;
  ref?: string;
  label?: string;
}

/**
 * A picker of pupils for someone who has pupils to pick from: a teacher or SENDCo at a school. An
 * admin (who sees no pupil data) or an LA officer types the reference, as before.
 */
export const pupilLookup = (ctx: DialogContext): { lookup?: Lookup } => (writesPupilRecords(ctx.user) ? { lookup: 'pupil' } : {});

/** How a picked pupil shows in a picker: their reference as the value, described in words. */
export function shownPupil(answer: unknown): Choice | undefined {
  const p = answer as PupilPick | null | undefined;
  return p?.ref ? { value: p.ref, label: p.label ?? p.ref } : undefined;
}

/** Staff often say "what next for AB?": initials pick a pupil when exactly one they can see has them. */
export async function byInitials(ctx: DialogContext, typed: string): Promise<PupilCase | 'several' | undefined> {
  if (!/^[A-Za-z]{1,3}$/.test(typed)) return undefined;
  const matches = (await ctx.cases.visibleCases(ctx.user)).filter((c) => c.initials === typed.toUpperCase());
  return matches.length > 1 ? 'several' : matches[0];
}

/**
 * A reference nobody can use here may be mistyped, new, or (for a teacher) a pupil they do not
 * work with yet. Which of these is not said, as the access rules hide pupils a teacher does not
 * work with, so the message says what to do in each case.
 */
function notFound(ctx: DialogContext, ref: string, optional: boolean): string {
  const check = `I can’t find a pupil with reference ${ref} among the pupils you work with. Check the reference${optional ? ', or leave it blank to carry on without one' : ''}.`;
  const share = ctx.user.role === 'teacher' ? ' If the pupil is recorded but you don’t work with them yet, ask your SENDCo to add you.' : '';
  // "Cancel" is a button on a form and a word in a typed conversation.
  return `${check}${share} To add a new pupil, cancel this and start "new pupil".`;
}

/** Which pupil? Looks the reference up at the user's school, through the access policy. */
export function pupilQuestion(ctx: DialogContext, opts: { optional?: boolean; prompt?: string } = {}): Question {
  return {
    id: 'pupil',
    kind: 'text',
    prompt: opts.prompt ?? 'Which pupil? Type their pupil reference or initials (not their name).',
    help: 'The reference your school uses for the pupil, such as 4021. A pupil not recorded yet is added first, with "new pupil".',
    optional: !!opts.optional,
    ...pupilLookup(ctx),
    shown: shownPupil,
    async parse(raw) {
      const ref = raw.trim();
      if (!/^[A-Za-z0-9][A-Za-z0-9-]{0,19}$/.test(ref)) return { ok: false, message: 'A pupil reference is letters, digits and dashes, up to 20 characters (no names, please).' };
      const found = (await ctx.cases.findByRef(ctx.user, ref)) ?? (await byInitials(ctx, ref));
      if (found === 'several')
        return { ok: false, message: `More than one of your pupils has the initials ${ref.toUpperCase()}. Please type their pupil reference instead.` };
      if (!found) return { ok: false, message: notFound(ctx, ref, !!opts.optional) };
      const pick: PupilPick = { schoolId: found.schoolId, caseId: found.id, ref: found.pupilRef, label: describePupil(found) };
      return { ok: true, value: pick };
    },
  };
}

export function pickedPupil(answers: Answers): PupilPick | undefined {
  const p = answers.pupil as PupilPick | null | undefined;
  return p ?? undefined;
}

export async function loadPicked(ctx: DialogContext, answers: Answers): Promise<PupilCase | undefined> {
  const p = pickedPupil(answers);
  return p ? ctx.cases.get(ctx.user, p.schoolId, p.caseId) : undefined;
}

export const describePupil = (c: Pick<PupilCase, 'pupilRef' | 'initials' | 'yearGroup'>) =>
  `${c.initials} (ref ${c.pupilRef}, ${c.yearGroup === 0 ? 'Reception' : `Year ${c.yearGroup}`})`;

/**
 * The pupil question for dialogs whose later questions depend on the record as it is when the
 * pupil is picked: `also` reads the freshly loaded case into extra answers (the step they are on,
 * the facts as they stand). Saving still checks against the record then.
 */
export function pupilQuestionReading(ctx: DialogContext, also: (c: PupilCase) => Answers | Promise<Answers>): Question {
  const base = pupilQuestion(ctx);
  return {
    ...base,
    async parse(raw) {
      const p = await base.parse(raw);
      if (!p.ok) return p;
      const c = await loadPicked(ctx, { pupil: p.value });
      return c ? { ok: true, value: p.value, also: await also(c) } : p;
    },
  };
}
