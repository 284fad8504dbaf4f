import { AppError } from '../core/errors.js';
import { AFTER_NOTICE_TEXT } from '../core/safeguarding/concern-notice.js';
import { leadWith, screenTexts } from '../core/safeguarding/screen.js';
import { cleanChannelText } from '../core/text/channel-text.js';
import { heading, text, type View } from '../core/views/view.js';
import type { Logger } from '../logger.js';
import type { DialogContext, FormState } from './dialog.js';
import { answerForm, currentQuestion, startForm, type FormStep } from './form-runner.js';
import { recognise } from './intents.js';
import { myReviews } from './my-reviews.js';
import { DIALOGS } from './registry.js';
import { menuView } from './views/menu-view.js';

/** Everything a channel must keep between turns for one person in one conversation: plain JSON. */
export interface ConversationState {
  active?: FormState;
  misunderstood: number;
}

export interface Turn {
  state: ConversationState;
  views: View[];
  /** The user asked to leave (terminal only). */
  quit?: boolean;
}

export const newConversation = (): ConversationState => ({ misunderstood: 0 });

/** Misunderstandings in a row before the menu is shown. */
export const MENU_AFTER_MISUNDERSTANDINGS = 2;

/**
 * One turn of the conversation, channel-neutral: text in, views out. The line is read for a
 * worry first (the one check every text gets), and a notice leads the reply whatever the turn
 * does with the words. Errors become a kind message and the dialog state is kept, so nothing
 * typed is lost.
 */
export async function converse(ctx: DialogContext, state: ConversationState, raw: string, log: Logger): Promise<Turn> {
  const input = cleanChannelText(raw);
  const notices = await screenTexts(ctx.pack, [input], ctx.recordConcerns, (what) => log.error(what === 'audit' ? 'concern notice not audited' : 'concern check failed'));
  const t = await guarded(ctx, state, input, log, notices.length > 0);
  return { ...t, views: leadWith(notices, t.views) };
}

async function guarded(ctx: DialogContext, state: ConversationState, input: string, log: Logger, noticed: boolean): Promise<Turn> {
  try {
    return await turn(ctx, state, input, noticed);
  } catch (err) {
    const known = err instanceof AppError;
    log.error('turn failed', { code: known ? err.code : 'unexpected', dialog: state.active?.dialogId });
    const message = known && err.code !== 'store-invalid' ? err.message : 'Something went wrong on my side and nothing was saved from that step. Please try again; your earlier answers are kept.';
    return { state, views: [{ blocks: [text(message, 'warning')] }] };
  }
}

function fromStep(state: ConversationState, step: FormStep): Turn {
  return { state: { ...state, misunderstood: 0, ...(step.state ? { active: step.state } : { active: undefined }) }, views: step.views };
}

async function turn(ctx: DialogContext, state: ConversationState, input: string, noticed: boolean): Promise<Turn> {
  const intent = recognise(input);
  if (intent.kind === 'quit') return { state, views: [{ blocks: [text('Goodbye.')] }], quit: true };

  if (state.active) {
    const dialog = DIALOGS[state.active.dialogId];
    if (!dialog) return { state: { misunderstood: 0 }, views: [menuView('That conversation has expired. Here is what I can do.')] };
    if (intent.kind === 'cancel') return { state: { misunderstood: 0 }, views: [{ blocks: [text(`Stopped “${dialog.title}”. Nothing from it was saved.`)] }] };
    if (intent.kind === 'help') {
      const q = currentQuestion(dialog, ctx, state.active);
      const tip = q?.help ? `${q.help} ` : '';
      return { state, views: [{ blocks: [text(`${tip}Answer the question below, type "back" to change your last answer, or "cancel" to stop.`, 'muted'), ...(q ? [{ type: 'question' as const, question: q }] : [])] }] };
    }
    return fromStep(state, await answerForm(dialog, ctx, state.active, input));
  }

  switch (intent.kind) {
    case 'help':
      return { state: { misunderstood: 0 }, views: [menuView()] };
    case 'cancel':
      return { state: { misunderstood: 0 }, views: [{ blocks: [text('There is nothing to cancel. Type "help" to see what I can do.')] }] };
    case 'my-reviews':
      return { state: { misunderstood: 0 }, views: [await myReviews(ctx)] };
    case 'dialog': {
      const dialog = DIALOGS[intent.dialogId]!;
      const started = await startForm(dialog, ctx, intent.initial);
      // "signpost autism" or "what next for 4021": the words after the command answer the first question.
      const step = intent.initialText && started.state ? await answerForm(dialog, ctx, started.state, intent.initialText) : started;
      const lead = intent.initialText && started.state ? started.views.filter((v) => !v.blocks.some((b) => b.type === 'question')) : [];
      return fromStep(state, { ...step, views: [...lead, ...step.views] });
    }
    case 'unknown': {
      // The safeguarding or exclusion notice already answered: say where to record it, not "didn't understand".
      if (noticed) return { state: { misunderstood: 0 }, views: [{ blocks: [text(AFTER_NOTICE_TEXT, 'muted')] }] };
      const misunderstood = state.misunderstood + 1;
      if (misunderstood >= MENU_AFTER_MISUNDERSTANDINGS)
        return { state: { misunderstood: 0 }, views: [menuView('Sorry, I still didn’t follow. These are the things I can do:')] };
      return {
        state: { misunderstood },
        views: [{ blocks: [heading('Sorry, I didn’t understand that'), text('Try "what next", "signpost" followed by what you need (e.g. "signpost attendance"), or "help" for everything I can do.')] }],
      };
    }
  }
}
