import { AppError } from '../core/errors.js';
import { AFTER_NOTICE, hasSafeguardingNotice, yourWordsView } from '../core/safeguarding/concern-notice.js';
import { leadWith, screenTexts } from '../core/safeguarding/screen.js';
import { cleanChannelText } from '../core/text/channel-text.js';
import { heading, text, type Block } from '../core/views/view.js';
import type { Logger } from '../logger.js';
import { plainYesNo } from './answer-words.js';
import { suggestCommand } from './command-typos.js';
import { detailsIn, fromStep, moreIn, type ConversationState, type Turn } from './conversation-state.js';
import type { DialogContext } from './dialog.js';
import { intoNextForm } from './next-form.js';
import { answerForm, answerGiven, startForm } from './form-runner.js';
import { recognise, wordsToScreen } from './intents.js';
import { runLaReport } from './la-report.js';
import { formTurn, resumeViews } from './mid-form.js';
import { myReviews } from './my-reviews.js';
import { runRead } from './read/run-read.js';
import { findDialog } from './registry.js';
import { afterFailure } from './turn-failure.js';
import { menuView } from './views/menu-view.js';
import type { View } from '../core/views/view.js';

export { newConversation, type ConversationState, type Turn } from './conversation-state.js';

/** AppError codes that are the person's to mend, said to them in words (turn-failure.ts), not failures. */
const PERSON_CAN_MEND: ReadonlySet<string> = new Set(['invalid-input', 'conflict', 'forbidden', 'not-found']);

/** Misunderstandings in a row before the menu is shown. */
export const MENU_AFTER_MISUNDERSTANDINGS = 2;

/**
 * One turn of the conversation, channel-neutral: text in, views out. The line is read for a
 * worry first (the one check every text gets), and a notice leads the reply whatever the turn
 * does with the words. A worry typed at a question that cannot keep the words (a yes/no, a choice,
 * a date) would be in no record, so the person's full words follow the notice, once, before the
 * question again. A failure never leaves the conversation waiting on a question the person
 * cannot see: the form asks its question again or ends and says so (turn-failure.ts).
 */
export async function converse(ctx: DialogContext, state: ConversationState, raw: string, log: Logger): Promise<Turn> {
  const input = cleanChannelText(raw);
  const notices = await screenTexts(ctx.pack, [wordsToScreen(input)], ctx.recordConcerns, log);
  const t = await guarded(ctx, state, input, log, notices.length > 0);
  // A worry typed where a form could not keep it (a yes/no, a choice, a date): the words, once, before the question again.
  // Not when the reply already gives them back whole (an answer over a field's limit is shown to copy).
  const lost = state.active !== undefined && !t.keptWords && hasSafeguardingNotice(notices) && !showsWhole(t.views, input);
  // The details behind a first screen wait for "details"; any other reply forgets them.
  const kept = t.state.details ? {} : detailsIn(t.views);
  return { ...t, state: { ...t.state, ...kept }, views: leadWith(notices, lost ? [yourWordsView(input), ...t.views] : t.views) };
}

async function guarded(ctx: DialogContext, state: ConversationState, input: string, log: Logger, noticed: boolean): Promise<Turn> {
  try {
    const { active } = state;
    const t = active ? await formTurn(ctx, { ...state, active }, input, (s, i) => command(ctx, s, i, noticed)) : await command(ctx, state, input, noticed);
    return withPaused(ctx, t, t.state.paused ?? state.paused);
  } catch (err) {
    // A refusal the person can mend (a clash, an answer the record cannot take) is told to them in
    // words and is no fault: logged at info, so it never lands as a JSON line on a terminal chat's
    // screen (which shows warnings and worse). Anything else is a failure worth an operator's eye.
    const code = err instanceof AppError ? err.code : 'unexpected';
    if (PERSON_CAN_MEND.has(code)) log.info('turn refused', { code, dialog: state.active?.dialogId });
    else log.error('turn failed', { code, dialog: state.active?.dialogId });
    return afterFailure(ctx, state, err);
  }
}

/**
 * A form put aside for a guidance question (mid-form.ts): kept while that question's own form runs,
 * and taken up again, its question asked, once it has ended (answered, or cancelled).
 */
function withPaused(ctx: DialogContext, t: Turn, paused: ConversationState['paused']): Turn {
  if (!paused || t.quit) return t;
  if (t.state.active) return { ...t, state: { ...t.state, paused } };
  const { paused: _done, ...rest } = t.state;
  const back = { ...rest, active: paused };
  const dialog = findDialog(paused.dialogId);
  const name = dialog?.draftName ?? 'form';
  return { ...t, state: back, views: [...t.views, ...resumeViews(ctx, back, `Back to your unfinished ${name}, as you left it: answer the question below, or type "cancel" to stop.`)] };
}

/** The details kept from the last reply; kept again, so they can be asked for twice. */
const showDetails = (details: Block[]): Turn => ({ state: { misunderstood: 0, details }, views: [{ blocks: details }] });

/** A line typed with no form open. */
async function command(ctx: DialogContext, state: ConversationState, input: string, noticed: boolean): Promise<Turn> {
  // "yes" to "Did you mean “show 4021”?" runs the suggestion.
  if (state.suggested && plainYesNo(input) === true) return command(ctx, { misunderstood: 0 }, state.suggested, noticed);
  const intent = recognise(input);
  switch (intent.kind) {
    case 'quit':
      return { state, views: [{ blocks: [text('Goodbye.')] }], quit: true };
    case 'help':
      return { state: { misunderstood: 0 }, views: [menuView(undefined, { role: ctx.user.role })] };
    case 'cancel':
      return { state: { misunderstood: 0 }, views: [{ blocks: [text('There is nothing to cancel. Type "help" to see what I can do.')] }] };
    case 'my-reviews':
      return { state: { misunderstood: 0 }, views: [await myReviews(ctx)] };
    case 'read': {
      const views = await runRead(ctx, intent.read);
      return { state: { misunderstood: 0, ...moreIn(views) }, views };
    }
    case 'details':
      if (state.details) return showDetails(state.details);
      return { state: { misunderstood: 0 }, views: [{ blocks: [text('There are no details to show. Type "what next for" and a pupil reference for their guidance.')] }] };
    case 'la-report':
      return { state: { misunderstood: 0 }, views: await runLaReport(ctx, intent.request) };
    case 'more':
      if (state.more) return command(ctx, { misunderstood: 0 }, state.more, noticed);
      // "more" after guidance: its details are the more there is.
      if (state.details) return showDetails(state.details);
      return { state: { misunderstood: 0 }, views: [{ blocks: [text('There is no more to show. Type "my pupils" for your pupils, or "help" for everything I can do.')] }] };
    case 'dialog': {
      const dialog = findDialog(intent.dialogId)!;
      const started = await startForm(dialog, ctx, intent.initial);
      // "signpost autism" or "what next for 4021": the words after the command answer the first question.
      const first = intent.initialText && started.state ? await answerForm(dialog, ctx, started.state, intent.initialText) : started;
      // "share 4021 with teams:…": words for later questions answer them in turn.
      // A form that finishes by handing on to another (the self-reflection's areas) carries on into it.
      const step = await intoNextForm(ctx, await answerGiven(dialog, ctx, first, intent.values));
      const lead = intent.initialText && started.state ? started.views.filter((v) => !v.blocks.some((b) => b.type === 'question')) : [];
      return fromStep({ ...step, views: [...lead, ...step.views] });
    }
    case 'unknown': {
      // The safeguarding or exclusion notice already answered: say where to record it, not "didn't understand".
      if (noticed) return { state: { misunderstood: 0 }, views: [AFTER_NOTICE] };
      const meant = suggestCommand(input);
      const misunderstood = state.misunderstood + 1;
      if (misunderstood >= MENU_AFTER_MISUNDERSTANDINGS && !meant)
        return { state: { misunderstood: 0 }, views: [menuView('Sorry, I still didn’t follow. These are the things I can do:', { role: ctx.user.role })] };
      const tip = meant
        ? `Did you mean “${meant}”? Type "yes" for it, or "help" for everything I can do.`
        : 'Try "what next", "signpost" followed by what you need (e.g. "signpost attendance"), or "help" for everything I can do.';
      return { state: { misunderstood, ...(meant ? { suggested: meant } : {}) }, views: [{ blocks: [heading('Sorry, I didn’t understand that'), text(tip)] }] };
    }
  }
}

/** Whether a question in `views` gives `words` back whole to copy (QuestionView.value: a note over its limit). */
function showsWhole(views: readonly View[], words: string): boolean {
  return views.some((v) => v.blocks.some((b) => b.type === 'question' && b.question.value === words));
}
