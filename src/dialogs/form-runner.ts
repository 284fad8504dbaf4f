import type { QuestionView, View } from '../core/views/view.js';
import type { Answers, DialogContext, FormDialog, FormState, Question, Reopen } from './dialog.js';
import { readAnswer, type ReadAnswer } from './read-answer.js';

/** What a turn of a form produces: the next state (undefined when finished) and what to show. */
export interface FormStep {
  state?: FormState;
  views: View[];
  /** The words typed were kept whole, as the answer to a free-text question (they go into the record). */
  keptWords?: true;
  /** How an unsure answer was read ("Took “Monday” as Mon 30 Nov 2026"), already among `views`. */
  note?: string;
}

/** Questions whose answer is the person's own words, kept as typed (not read into a choice, date or number). */
export const FREE_TEXT_KINDS: ReadonlySet<Question['kind']> = new Set(['text', 'longtext', 'list']);

/** Where a form is: its first unanswered question (none once complete), and how many are answered of how many. */
export interface Pending {
  next?: Question;
  total: number;
  answered: number;
}

/** The question waiting for an answer, given the answers so far. */
export function nextQuestion(dialog: FormDialog, ctx: DialogContext, answers: Answers): Pending {
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
    ...(q.before?.length ? { before: q.before } : {}),
    ...(q.typedHint ? { typedHint: q.typedHint } : {}),
    ...(q.maxLength ? { maxLength: q.maxLength } : {}),
    ...(q.lookup ? { lookup: q.lookup } : {}),
    ...(q.confirm ? { confirm: q.confirm } : {}),
    ...(error ? { error } : {}),
  };
}

async function advance(dialog: FormDialog, ctx: DialogContext, state: FormState, lead: View[] = []): Promise<FormStep> {
  const p = nextQuestion(dialog, ctx, state.answers);
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
    // Going back is changing course: answers typed with the command and a suggestion no longer apply.
    const { given: _given, suggested: _suggested, ...kept } = state;
    const last = kept.history.at(-1);
    if (!last) return advance(dialog, ctx, kept, [{ blocks: [{ type: 'text', text: 'That is the first question; there is nothing to go back to.', tone: 'muted' }] }]);
    const answers = { ...kept.answers };
    delete answers[last];
    return advance(dialog, ctx, { ...kept, answers, history: kept.history.slice(0, -1) });
  }
  const p = nextQuestion(dialog, ctx, state.answers);
  if (!p.next) return advance(dialog, ctx, state);
  const q = withSuggestion(p.next, state);
  return takeAnswer(dialog, ctx, state, { ...p, next: q }, await readAnswer(q, input));
}

/**
 * The question as it is asked now: after a refusal that suggested an answer ("the first one after it
 * is Mon 23 Nov 2026"), a blank answer takes that, read again as if typed so every check still runs.
 */
export function withSuggestion(q: Question, state: FormState): Question {
  const s = state.suggested;
  return s?.id === q.id ? { ...q, fallback: { value: s.value, label: s.label, checked: true } } : q;
}

/**
 * The waiting question's answer, already read (mid-form reads the words once to tell an answer from
 * a command): kept, and the form moves on; or the question asked again with the reason.
 */
export async function takeAnswer(dialog: FormDialog, ctx: DialogContext, state: FormState, p: Pending & { next: Question }, read: ReadAnswer): Promise<FormStep> {
  const { suggested: _was, given, ...rest } = state;
  if (!read.ok) {
    // A refusal that names an answer to type instead makes that the blank answer while it is asked again.
    const again: FormState = { ...rest, ...(given ? { given } : {}), ...(read.suggest ? { suggested: { id: p.next.id, ...read.suggest } } : {}) };
    const q = withSuggestion(p.next, again);
    // Words too long to keep come back with the question, to shorten rather than write again. What
    // was to be read first (a long timetable's warning) was shown with the question and is not
    // repeated under every refusal. A question that confirms it keeps it, marked as read above, so
    // the terminal does not print ~850 words of checks again for a blank "Record this suspension?".
    const shown = questionView(dialog, q.before && !q.confirm ? { ...q, before: undefined } : q, p, read.message);
    const asked: QuestionView = { ...shown, ...(q.before?.length && q.confirm ? { readAbove: true as const } : {}) };
    return { state: again, views: [{ blocks: [{ type: 'question', question: read.typed ? { ...asked, value: read.typed } : asked }] }] };
  }
  const q = p.next;
  const next: FormState = { ...rest, answers: { ...state.answers, ...read.also, [q.id]: read.value }, history: [...state.history, q.id] };
  // How an unsure answer was read comes first, so a wrong guess is seen before the next question.
  const lead: View[] = read.note ? [{ blocks: [{ type: 'text', text: read.note, tone: 'muted' }] }] : [];
  const step = read.reopen ? await reopen(dialog, ctx, next, read.reopen) : await advance(dialog, ctx, next, lead);
  if (read.reopen && lead.length) step.views.unshift(...lead);
  // Answers typed with the command for the questions after this one are taken now, as they come up.
  const carried = given && step.state ? await answerGiven(dialog, ctx, step, given) : step;
  const noted = read.note ? { ...carried, note: read.note } : carried;
  return FREE_TEXT_KINDS.has(q.kind) ? { ...noted, keptWords: true } : noted;
}

/**
 * An answer kept that shows an earlier one must change: the earlier answer is taken back and its
 * question asked again with the reason (or, should the form no longer ask it, the next question under it).
 */
async function reopen(dialog: FormDialog, ctx: DialogContext, state: FormState, again: Reopen): Promise<FormStep> {
  const { [again.id]: _taken, ...answers } = state.answers;
  const next: FormState = { ...state, answers, history: state.history.filter((id) => id !== again.id) };
  const p = nextQuestion(dialog, ctx, next.answers);
  if (p.next?.id === again.id) return { state: next, views: [{ blocks: [{ type: 'question', question: questionView(dialog, p.next, p, again.message) }] }] };
  return advance(dialog, ctx, next, [{ blocks: [{ type: 'text', text: again.message, tone: 'warning' }] }]);
}

/**
 * Answers given with the command, by question id ("share 4021 with teams:…" names the teacher),
 * each taken as the typed answer when its question comes up; stops at the first one refused, which
 * is then asked again with the reason.
 */
export async function answerGiven(dialog: FormDialog, ctx: DialogContext, step: FormStep, values: Readonly<Record<string, string>> = {}): Promise<FormStep> {
  let current = step;
  const used = new Set<string>();
  // How each given answer was read is said in the end, not lost with the steps in between.
  const notes: string[] = [];
  const withNotes = (s: FormStep): FormStep => (notes.length ? { ...s, views: [{ blocks: notes.map((text) => ({ type: 'text' as const, text, tone: 'muted' as const })) }, ...s.views.filter((v) => !isNote(v, notes))] } : s);
  while (current.state) {
    const next = nextQuestion(dialog, ctx, current.state.answers).next;
    if (!next || !(next.id in values) || used.has(next.id)) return withNotes(current);
    used.add(next.id);
    current = await answerForm(dialog, ctx, current.state, values[next.id]!);
    if (current.note) notes.push(current.note);
    // Refused, and asked again: the answers given for later questions wait for theirs, not lost.
    const left = Object.entries(values).filter(([id]) => !used.has(id));
    if (current.state && !(next.id in current.state.answers) && left.length) current = { ...current, state: { ...current.state, given: Object.fromEntries(left) } };
  }
  return withNotes(current);
}

/** A view that only shows one of `notes` (takeAnswer's lead), so it is not said twice. */
const isNote = (v: View, notes: readonly string[]): boolean => v.blocks.length === 1 && v.blocks[0]!.type === 'text' && notes.includes(v.blocks[0]!.text);

/** A dialog refused before it started. */
export function refusalView(message: string): View {
  return { blocks: [{ type: 'text', text: message, tone: 'warning' }] };
}

/** The question currently waiting for an answer, for "help" and re-display. */
export function currentQuestion(dialog: FormDialog, ctx: DialogContext, state: FormState): QuestionView | undefined {
  const p = nextQuestion(dialog, ctx, state.answers);
  // Shown again after "help" or a look at a record: with the blank answer a refusal suggested, if any.
  return p.next ? questionView(dialog, withSuggestion(p.next, state), p) : undefined;
}
