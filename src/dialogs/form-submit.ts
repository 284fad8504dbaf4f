import { randomUUID } from 'node:crypto';
import { isRealDate } from '../core/dates.js';
import type { Choice, FormView, View } from '../core/views/view.js';
import type { Answers, DialogContext, FormDialog, Question } from './dialog.js';
import { choice } from './choice-match.js';
import { offeredChoices } from './lookups.js';
import { questionView, refusalView } from './form-runner.js';
import { yesNo } from './parse.js';
import { readAnswer } from './read-answer.js';

/** Raw answers as a form sends them: question id → what was typed or picked. */
export type FormValues = Record<string, string>;

export interface FormSubmission {
  formId: string;
  values: FormValues;
  /** The questions that were on the form, so a blank one is "left empty" rather than "not asked yet". */
  shown: string[];
}

/**
 * A finished form, or the form to show again. `failed` marks a submit that went wrong on our side:
 * the views say so, nothing was saved, and the same form may be sent again; the form comes back
 * with every answer in it when it can be rebuilt, so nothing typed is lost.
 */
export type FormOutcome = { done: true; views: View[]; failed?: true } | { done: false; form: FormView; views: View[]; failed?: true };

/**
 * Reads every answer on a form in question order, so that an answer which brings up follow-up
 * questions (e.g. suspensions → how long) is read before them. Stops at nothing: every problem is
 * collected so the person sees all of them at once.
 */
async function readAnswers(dialog: FormDialog, ctx: DialogContext, sub: FormSubmission): Promise<{ answers: Answers; errors: Record<string, string> }> {
  const answers: Answers = {};
  const errors: Record<string, string> = {};
  const shown = new Set(sub.shown);
  const settled = (q: Question) => q.id in answers || q.id in errors;
  // Each pass settles one question; the bound only guards against a dialog whose questions never settle.
  for (let pass = 0; pass < 200; pass++) {
    const q = dialog.questions(ctx, answers).find((x) => !settled(x) && (shown.has(x.id) || (sub.values[x.id] ?? '').trim() !== ''));
    if (!q) break;
    const read = await readAnswer(q, sub.values[q.id] ?? '');
    if (!read.ok) errors[q.id] = read.message;
    else {
      Object.assign(answers, read.also, { [q.id]: read.value });
      // This answer stands, and shows an earlier one must change: that one is marked, as typed.
      if (read.reopen) {
        delete answers[read.reopen.id];
        errors[read.reopen.id] = read.reopen.message;
      }
    }
  }
  return { answers, errors };
}

async function formView(dialog: FormDialog, ctx: DialogContext, answers: Answers, errors: Record<string, string>, sub: FormSubmission): Promise<FormView> {
  const qs = dialog.questions(ctx, answers);
  const progress = { answered: qs.filter((q) => q.id in answers).length, total: qs.length };
  const problems = Object.keys(errors).length;
  // Follow-up questions: new on this form and still to answer (one answered from values sent with it is not).
  const fresh = sub.shown.length > 0 ? qs.filter((q) => !sub.shown.includes(q.id) && !(q.id in answers)).length : 0;
  const notice = problems
    ? `${problems === 1 ? 'One answer needs' : `${problems} answers need`} attention; everything else is kept.`
    : fresh
      ? `Thank you. Your answers bring up ${fresh === 1 ? 'one more question' : 'a few more questions'}.`
      : undefined;
  const intro = dialog.intro?.(ctx);
  const offered = await offeredFor(ctx, qs);
  return {
    dialogId: dialog.id,
    formId: sub.formId,
    title: dialog.title,
    ...(dialog.shortTitle ? { shortTitle: dialog.shortTitle } : {}),
    ...(intro ? { intro } : {}),
    ...(notice ? { notice } : {}),
    submitLabel: dialog.submitLabel ?? 'Submit',
    questions: qs.map((q) => {
      const ready = offered.get(q.id);
      const v = { ...questionView(dialog, q, progress, errors[q.id]), ...(ready?.length ? { offered: ready } : {}) };
      const raw = sub.values[q.id];
      // A lookup answered shows its pick (value and words), or nothing when it was left ("skip", blank).
      if (q.lookup && q.id in answers) {
        const picked = raw?.trim() ? q.shown?.(answers[q.id]) : undefined;
        return picked ? { ...v, value: picked.value, picked } : v;
      }
      // What the bot already knows fills a question the first time it is shown, and only then.
      const value = raw === undefined && !sub.shown.includes(q.id) ? q.initial : shownValue(q, raw, answers[q.id]);
      return value === undefined || value === '' ? v : { ...v, value };
    }),
  };
}

/** Each lookup question's ready-made choices (offeredChoices), by question id; a staff question that takes "me" offers "You" first. */
async function offeredFor(ctx: DialogContext, qs: readonly Question[]): Promise<Map<string, Choice[]>> {
  const offered = new Map<string, Choice[]>();
  for (const q of qs) if (q.lookup) offered.set(q.id, await offeredChoices(ctx, q.lookup, { me: q.fallback?.value === ctx.user.id }));
  return offered;
}

/**
 * What to show again in a field. For a choice, the choice's own value when the words match one
 * ("Yes", "y", "2", "Step 2 – …"), read by the same parser as a typed answer, so every channel can
 * preselect it without matching words itself. For a date typed in words ("tomorrow", "from Monday",
 * given with the command), the day it was read as, which a date picker can show.
 */
function shownValue(q: Question, raw: string | undefined, answer: unknown): string | undefined {
  if (q.kind === 'date' && raw?.trim() && typeof answer === 'string' && isRealDate(answer)) return answer;
  if (raw === undefined || (q.kind !== 'yesno' && q.kind !== 'choice')) return raw;
  const parsed = q.kind === 'yesno' ? yesNo(raw) : choice(q.choices ?? [], raw);
  if (!parsed.ok) return raw;
  return q.kind === 'yesno' ? (parsed.value ? 'yes' : 'no') : String(parsed.value);
}

/**
 * A whole form submitted at once (Teams card, Slack modal). Someone who may not use the dialog
 * gets the reason instead of a form, whether opening or submitting it. Finishes the dialog when every
 * question that applies has a usable answer; otherwise returns the form again with each problem
 * next to its question and every answer kept.
 */
export async function submitForm(dialog: FormDialog, ctx: DialogContext, sub: FormSubmission): Promise<FormOutcome> {
  const refusal = dialog.refuse?.(ctx);
  if (refusal) return { done: true, views: [refusalView(refusal)] };
  const { answers, errors } = await readAnswers(dialog, ctx, sub);
  const complete = dialog.questions(ctx, answers).every((q) => q.id in answers);
  if (complete && !Object.keys(errors).length) return { done: true, views: await dialog.finish(ctx, answers) };
  const form = await formView(dialog, ctx, answers, errors, sub);
  return { done: false, form, views: [{ blocks: [{ type: 'form', form }] }] };
}

/**
 * The form as it was sent, every answer in place and no complaints, after its save failed on our
 * side, so the person can send it again rather than write it again.
 */
export async function formAsSent(dialog: FormDialog, ctx: DialogContext, sub: FormSubmission): Promise<FormView> {
  const { answers } = await readAnswers(dialog, ctx, sub);
  return await formView(dialog, ctx, answers, {}, sub);
}

/**
 * Opens a dialog as a form. Words already given ("what next for AB") fill their question and are
 * checked at once; if they answer everything (e.g. "who helps with attendance?") the result comes
 * straight back.
 */
export function openForm(dialog: FormDialog, ctx: DialogContext, prefill: FormValues = {}, formId: string = randomUUID()): Promise<FormOutcome> {
  return submitForm(dialog, ctx, { formId, values: prefill, shown: [] });
}

/**
 * An earlier step of a form, for a Back button: only the questions that were on it, with what was
 * typed, and no complaints about blanks (the person is going back, not submitting).
 */
export async function earlierStep(dialog: FormDialog, ctx: DialogContext, sub: FormSubmission): Promise<FormView> {
  const { answers } = await readAnswers(dialog, ctx, { ...sub, shown: [] });
  const view = await formView(dialog, ctx, answers, {}, { ...sub, shown: [] });
  const keep = new Set(sub.shown);
  return { ...view, questions: view.questions.filter((q) => keep.has(q.id)) };
}

/** The first question's id, which words typed after a command answer. */
export function firstQuestionId(dialog: FormDialog, ctx: DialogContext): string | undefined {
  return dialog.questions(ctx, {})[0]?.id;
}
