import type { QuestionView, View } from '../core/views/view.js';
import type { Answers, DialogContext, FormDialog, FormState, Question } from './dialog.js';
import { readAnswer } from './read-answer.js';

/** What a turn of a form produces: the next state (undefined when finished) and what to show. */
export interface FormStep {
  state?: FormState;
  views: View[];
}

function pending(dialog: FormDialog, ctx: DialogContext, answers: Answers): { next?: Question; total: number; answered: number } {
  const qs = dialog.questions(ctx, answers);
  const answered = qs.filter((q) => q.id in answers).length;
  return { next: qs.find((q) => !(q.id in answers)), total: qs.length, answered };
}

export function questionView(dialog: FormDialog, q: Question, progress: { answered: number; total: number }, error?: string): QuestionView {
  return {
    dialogId: dialog.id,
    id: q.id,
    prompt: q.prompt,
    kind: q.kind,
    optional: !!q.optional || !!q.fallback,
    progress,
    ...(q.help ? { help: q.help } : {}),
    ...(q.choices ? { choices: q.choices.map(({ value, label }) => ({ value, label })) } : {}),
    ...(q.fallback ? { defaultLabel: q.fallback.label } : {}),
    ...(error ? { error } : {}),
  };
}

async function advance(dialog: FormDialog, ctx: DialogContext, state: FormState, lead: View[] = []): Promise<FormStep> {
  const p = pending(dialog, ctx, state.answers);
  if (!p.next) return { views: [...lead, ...(await dialog.finish(ctx, state.answers))] };
  return { state, views: [...lead, { blocks: [{ type: 'question', question: questionView(dialog, p.next, p) }] }] };
}

/**
 * Starts a dialog: its intro and first question, or, for someone who may not use it, only the
 * reason and what they can do instead (no state, so the next line is a fresh command).
 */
export async function startForm(dialog: FormDialog, ctx: DialogContext, initial: Answers = {}): Promise<FormStep> {
  const refusal = dialog.refuse?.(ctx);
  if (refusal) return { views: [refusalView(refusal)] };
  const intro = dialog.intro?.(ctx);
  // One question at a time is a typed conversation, so say how to go back or stop.
  const tip = 'Type "back" to change an answer or "cancel" to stop.';
  const lead: View[] = intro ? [{ blocks: [{ type: 'heading', text: dialog.title }, { type: 'text', text: `${intro} ${tip}`, tone: 'muted' }] }] : [];
  return advance(dialog, ctx, { dialogId: dialog.id, answers: { ...initial }, history: [] }, lead);
}

/**
 * One answer to the current question. A bad answer re-asks the same question with a kind
 * message and keeps everything answered so far; "back" undoes the last answer.
 */
export async function answerForm(dialog: FormDialog, ctx: DialogContext, state: FormState, raw: string): Promise<FormStep> {
  const input = raw.trim();
  if (/^back$/i.test(input)) {
    const last = state.history.at(-1);
    if (!last) return advance(dialog, ctx, state, [{ blocks: [{ type: 'text', text: 'That is the first question; there is nothing to go back to.', tone: 'muted' }] }]);
    const answers = { ...state.answers };
    delete answers[last];
    return advance(dialog, ctx, { ...state, answers, history: state.history.slice(0, -1) });
  }
  const p = pending(dialog, ctx, state.answers);
  const q = p.next;
  if (!q) return advance(dialog, ctx, state);

  const reask = (message: string): FormStep => ({ state, views: [{ blocks: [{ type: 'question', question: questionView(dialog, q, p, message) }] }] });
  const read = await readAnswer(q, input);
  if (!read.ok) return reask(read.message);
  const next: FormState = { ...state, answers: { ...state.answers, ...read.also, [q.id]: read.value }, history: [...state.history, q.id] };
  return advance(dialog, ctx, next);
}

/** A dialog refused before it started. */
export function refusalView(message: string): View {
  return { blocks: [{ type: 'text', text: message, tone: 'warning' }] };
}

/** The question currently waiting for an answer, for "help" and re-display. */
export function currentQuestion(dialog: FormDialog, ctx: DialogContext, state: FormState): QuestionView | undefined {
  const p = pending(dialog, ctx, state.answers);
  return p.next ? questionView(dialog, p.next, p) : undefined;
}
