import { text, type View } from '../core/views/view.js';
import { plainYesNo } from './answer-words.js';
import { nearControlWord } from './command-typos.js';
import { fromStep, type ConversationState, type Turn } from './conversation-state.js';
import type { DialogContext, FormDialog, FormState, Question } from './dialog.js';
import { intoNextForm } from './next-form.js';
import { answerForm, answerGiven, currentQuestion, FREE_TEXT_KINDS, nextQuestion, takeAnswer, type FormStep, type Pending } from './form-runner.js';
import { recognise, type Intent } from './intents.js';
import { readAnswer, type ReadAnswer } from './read-answer.js';
import { findDialog } from './registry.js';
import { stoppedView } from './turn-failure.js';
import { menuView } from './views/menu-view.js';

/** Dialogs that only answer a question and save nothing, so another form can wait while they run. */
const ASKS_ONLY: ReadonlySet<string> = new Set(['what-next', 'signpost']);

/** Runs a command as if no form were open (the conversation's own top level). */
export type RunCommand = (state: ConversationState, input: string) => Promise<Turn>;

const HINTS = {
  cancel: 'To stop the form, type "cancel".',
  back: 'To change your last answer, type "back".',
  help: 'For help with this question, type "help".',
} as const;

/**
 * A line typed while a form is open. "cancel" (or stop, never mind) ends the form and says so; "quit"
 * leaves the chat with the form still open, for the terminal to keep as a draft;
 * "help" explains the question; a command that only shows something ("my reviews", "signpost
 * attendance") is answered and the form carries on, since nothing is lost; a command that would
 * start another form asks first, since leaving loses the answers typed so far. Words the current
 * question accepts are always an answer ("suspension" at "Suspension or permanent exclusion?").
 */
export async function formTurn(ctx: DialogContext, state: ConversationState & { active: FormState }, input: string, run: RunCommand): Promise<Turn> {
  const active = state.active;
  const dialog = findDialog(active.dialogId);
  if (!dialog) return { state: { misunderstood: 0 }, views: [menuView('That conversation has expired. Here is what I can do.', { role: ctx.user.role })] };
  const intent = recognise(input);
  if (intent.kind === 'cancel') return stop(dialog);
  // Leaving the chat keeps the form as it is: the terminal keeps it as a draft to carry on next time.
  if (intent.kind === 'quit') return { state, views: [{ blocks: [text('Goodbye.')] }], quit: true };
  if (state.leaving !== undefined) return confirmLeave(ctx, dialog, state, input, intent, run);
  if (intent.kind === 'help') return { state, views: [carryOn(ctx, dialog, active, `${currentQuestion(dialog, ctx, active)?.help ?? ''} Answer the question below, type "back" to change your last answer, or "cancel" to stop.`.trim())] };
  if (intent.kind === 'more' && state.more) return showThenResume(ctx, state, await run({ misunderstood: 0, more: state.more }, input));
  if (intent.kind === 'read') {
    const answer = await asAnswer(ctx, dialog, active, input, false);
    if (answer) return afterAnswer(ctx, await takeAnswer(dialog, ctx, active, answer.pending, answer.read), input);
    return showThenResume(ctx, state, await run({ misunderstood: 0 }, input));
  }
  if (intent.kind === 'dialog' || intent.kind === 'my-reviews') {
    const sameDialog = intent.kind === 'dialog' && intent.dialogId === active.dialogId;
    // "what next for 4021" at what-next's first question: the words after the command are the answer.
    // Words for later questions ("share 4021 with teams:…") answer them in turn, as when the form opens.
    if (sameDialog && intent.initialText && active.history.length === 0)
      return afterAnswer(ctx, await answerGiven(dialog, ctx, await answerForm(dialog, ctx, active, intent.initialText), intent.values), input);
    const answer = await asAnswer(ctx, dialog, active, input, sameDialog);
    if (answer) return afterAnswer(ctx, await takeAnswer(dialog, ctx, active, answer.pending, answer.read), input);
    if (intent.kind === 'my-reviews' || (intent.dialogId === 'signpost' && intent.initialText)) {
      const shown = await run({ misunderstood: 0 }, input);
      return { state, views: [...shown.views, ...resumeViews(ctx, state)] };
    }
    // Nothing answered yet, so nothing to lose: go straight there.
    if (active.history.length === 0) return leaveFor(dialog, input, run);
    // A guidance question saves nothing: the form is put aside, not lost, and taken up again after
    // the answer (tester, issue 11: "what next for 4021" halfway through a correction lost it).
    if (intent.kind === 'dialog' && ASKS_ONLY.has(intent.dialogId) && !ASKS_ONLY.has(active.dialogId) && !state.paused) {
      const asked = await run({ misunderstood: 0 }, input);
      return { ...asked, state: { ...asked.state, paused: active }, views: [{ blocks: [text(`Your ${dialog.draftName ?? `“${dialog.title}” form`} is kept as it was: you go back to it after this.`, 'muted')] }, ...asked.views] };
    }
    return { state: { ...state, leaving: input }, views: [askToLeave(dialog, input)] };
  }
  return afterAnswer(ctx, await answerForm(dialog, ctx, active, input), input);
}

/**
 * Something shown in the middle of a form (a pupil's record, a page of a list): nothing is lost, so
 * the form carries on, its question asked again, and "more" then shows the next page.
 */
function showThenResume(ctx: DialogContext, state: ConversationState & { active: FormState }, shown: Turn): Turn {
  const { more: _old, ...rest } = state;
  return { state: { ...rest, ...(shown.state.more ? { more: shown.state.more } : {}) }, views: [...shown.views, ...resumeViews(ctx, state)] };
}

/**
 * The current question's reading of these words when it takes them as its answer, so they are not
 * read as a command; undefined when it does not. Read once, and kept by takeAnswer.
 */
async function asAnswer(ctx: DialogContext, dialog: FormDialog, active: FormState, input: string, sameDialog: boolean): Promise<{ pending: Pending & { next: Question }; read: ReadAnswer } | undefined> {
  const p = nextQuestion(dialog, ctx, active.answers);
  if (!p.next) return undefined;
  const pending = { ...p, next: p.next };
  // Free text takes anything, so there a command is an answer only when it names this form at its first
  // question ("help with attendance" at signpost's "What do you need help with?"); "pcp for 4022" halfway
  // through a PCP is asked about like any other command.
  // A single word there ("PCP" at "Interventions already tried") is an answer too: far likelier than a
  // wish to leave the form, and "back" puts it right, where leaving would lose every answer so far.
  if (FREE_TEXT_KINDS.has(p.next.kind)) return (sameDialog && active.history.length === 0) || /^\S+$/.test(input.trim()) ? { pending, read: await readAnswer(p.next, input) } : undefined;
  const read = await readAnswer(p.next, input);
  return read.ok ? { pending, read } : undefined;
}

/**
 * A form's step after a typed answer; an answer asked again that looks like a slip of "cancel", "back"
 * or "help" says how to do that, and a form that finished by handing on to another carries on into it.
 */
async function afterAnswer(ctx: DialogContext, step: FormStep, input: string): Promise<Turn> {
  const control = step.state ? nearControlWord(input) : undefined;
  return fromStep(control ? { ...step, views: withHint(step.views, HINTS[control]) } : await intoNextForm(ctx, step));
}

/** Adds a hint to the error of a question asked again ("cancle" → how to stop). */
function withHint(views: View[], hint: string): View[] {
  return views.map((v) => ({ blocks: v.blocks.map((b) => (b.type === 'question' && b.question.error ? { ...b, question: { ...b.question, error: `${b.question.error} ${hint}` } } : b)) }));
}

function stop(dialog: FormDialog): Turn {
  return { state: { misunderstood: 0 }, views: [stoppedView(dialog)] };
}

/** Ends the form, says so, and runs the command that was typed instead. */
async function leaveFor(dialog: FormDialog, command: string, run: RunCommand): Promise<Turn> {
  const next = await run({ misunderstood: 0 }, command);
  return { ...next, views: [stoppedView(dialog), ...next.views] };
}

function askToLeave(dialog: FormDialog, command: string): View {
  return { blocks: [text(`Leave “${dialog.title}” to do “${command.trim()}”? Your answers to it so far would not be saved. Type "yes" to leave, or "no" to carry on with the form.`)] };
}

/**
 * After something answered in the middle of a form (a search, "my reviews", "whoami" in the
 * terminal, a draft taken up): the form's question again, under `note`, so the next line is plainly its
 * answer. Nothing when no form is open.
 */
export function resumeViews(ctx: DialogContext, state: ConversationState, note?: string): View[] {
  const dialog = state.active && findDialog(state.active.dialogId);
  return state.active && dialog ? [carryOn(ctx, dialog, state.active, note ?? `Still on “${dialog.title}”: answer the question below, or type "cancel" to stop.`)] : [];
}

/** The current question again, after a note. */
function carryOn(ctx: DialogContext, dialog: FormDialog, active: FormState, note: string): View {
  const q = currentQuestion(dialog, ctx, active);
  return { blocks: [text(note, 'muted'), ...(q ? [{ type: 'question' as const, question: q }] : [])] };
}

async function confirmLeave(ctx: DialogContext, dialog: FormDialog, state: ConversationState & { active: FormState }, input: string, intent: Intent, run: RunCommand): Promise<Turn> {
  const { leaving, ...rest } = state;
  const yes = plainYesNo(input);
  if (yes === true) return leaveFor(dialog, leaving!, run);
  if (yes === false) return { state: rest, views: [carryOn(ctx, dialog, state.active, `Carrying on with “${dialog.title}”.`)] };
  // Another command instead: that is now the one waiting.
  if (intent.kind === 'dialog' || intent.kind === 'my-reviews') return { state: { ...rest, leaving: input }, views: [askToLeave(dialog, input)] };
  return { state, views: [{ blocks: [text(`Please type "yes" to leave “${dialog.title}” and do “${leaving!.trim()}”, or "no" to carry on with the form.`, 'warning')] }] };
}
