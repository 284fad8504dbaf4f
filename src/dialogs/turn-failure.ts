import { AppError, type ErrorCode } from '../core/errors.js';
import { text, type View } from '../core/views/view.js';
import type { ConversationState, Turn } from './conversation-state.js';
import type { DialogContext, FormDialog } from './dialog.js';
import { currentQuestion } from './form-runner.js';
import { findDialog } from './registry.js';

/** Failures that trying again cannot mend: the person may not do it, or the record or the store is gone from under them. */
const ENDS_THE_FORM: ReadonlySet<ErrorCode> = new Set(['forbidden', 'not-found', 'store-locked', 'store-invalid']);

const SORRY = 'Something went wrong on my side.';

/** What the person is told: an AppError's own words (written for staff), otherwise a kind line with nothing internal. */
function said(err: unknown): string {
  return err instanceof AppError && err.code !== 'store-invalid' ? err.message : SORRY;
}

/** The line that closes a form that was stopped, by the person or by a failure. */
export function stoppedView(dialog: FormDialog, extra = ''): View {
  return { blocks: [text(`Stopped “${dialog.title}”. ${dialog.keptOnStop ?? 'Nothing from it was saved.'}${extra}`)] };
}

/**
 * The turn after a failure (a refused or failed save, a store error, a bug), so the conversation
 * never waits on a question the person can no longer see. Inside a form, a failure that trying
 * again cannot mend ends the form and says so; any other failure asks the same question again,
 * keeping every answer and saying what to type. Outside a form nothing was started.
 */
export function afterFailure(ctx: DialogContext, state: ConversationState, err: unknown): Turn {
  const message = said(err);
  const active = state.active;
  const dialog = active && findDialog(active.dialogId);
  if (!active || !dialog) return { state: { misunderstood: 0 }, views: [{ blocks: [text(message === SORRY ? `${SORRY} Nothing was saved; please try again.` : message, 'warning')] }] };
  const ends = err instanceof AppError && ENDS_THE_FORM.has(err.code);
  const q = ends ? undefined : safely(() => currentQuestion(dialog, ctx, active));
  if (!q) return { state: { misunderstood: 0 }, views: [{ blocks: [text(message, 'warning')] }, stoppedView(dialog)] };
  // Kept in the conversation, and as a draft if the person leaves the chat (chat-session.ts).
  const error = `${message} Nothing was saved. Your answers so far are kept, as a draft if you leave: answer this again to try once more, type "back" to change an answer, or "cancel" to stop.`;
  return { state: { misunderstood: 0, active }, views: [{ blocks: [{ type: 'question', question: { ...q, error } }] }] };
}

function safely<T>(f: () => T): T | undefined {
  try {
    return f();
  } catch {
    return undefined;
  }
}
