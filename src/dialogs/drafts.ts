import { londonDayAndTime } from '../core/calendar/london-time.js';
import { text, type View } from '../core/views/view.js';
import type { DialogContext, FormState } from './dialog.js';
import { loadPicked } from './pupil-question.js';
import { recognise } from './intents.js';
import { findDialog } from './registry.js';
import { AREA_DIALOG_PREFIX } from './self-reflection/flow.js';

/**
 * The words around a kept draft of an unfinished form, the same for any channel that keeps one
 * (today the terminal): offering it back, taking "carry on" or "discard", and saying it was kept.
 */

/** What a person types to take a draft back, or to throw it away. */
const CARRY_ON = /^(carry on|continue|resume|carry on with it|go on|yes)[.!]*$/i;
// Not "no": throwing answers away takes a word that means it.
const DISCARD = /^(discard|discard it|delete it|throw it away|bin it)[.!]*$/i;

/**
 * "carry on" or "discard" for a waiting draft of the form `draftDialogId`. The self-reflection's own
 * command ("self-reflection", "inclusion review") also carries on a half-done area: it resumes the
 * school's reflection, so it takes up the same question with the same answers as "carry on" does,
 * rather than starting the area again and putting the draft aside.
 */
export function readDraftReply(input: string, draftDialogId?: string): 'carry-on' | 'discard' | undefined {
  const t = input.trim().replace(/\s+/g, ' ');
  if (CARRY_ON.test(t)) return 'carry-on';
  if (DISCARD.test(t)) return 'discard';
  const intent = draftDialogId?.startsWith(AREA_DIALOG_PREFIX) ? recognise(t) : undefined;
  return intent?.kind === 'dialog' && intent.dialogId === 'self-reflection' ? 'carry-on' : undefined;
}

/** Whether a form holds anything worth keeping: at least one answer. */
export const worthKeeping = (form: FormState | undefined): form is FormState => !!form && Object.keys(form.answers).length > 0;

const article = (noun: string) => (/^[aeiou]/i.test(noun) ? 'an' : 'a');

/**
 * "PCP for 4021": the form by the name staff use, and the pupil by their reference when one was
 * picked and this person may still see them (read through the access rules, as every read is).
 */
export async function draftSubject(ctx: DialogContext, form: FormState): Promise<{ noun: string; full: string }> {
  const dialog = findDialog(form.dialogId);
  const noun = dialog?.draftName ?? (dialog ? `“${dialog.title}” form` : 'form');
  const pupil = await loadPicked(ctx, form.answers).catch(() => undefined);
  return { noun, full: pupil ? `${noun} for ${pupil.pupilRef}` : noun };
}

/** Offered when the chat starts: "You left a PCP for 4021 unfinished (Mon 30 Nov 17:20)…". */
export async function draftOffer(ctx: DialogContext, form: FormState, savedAt: Date): Promise<View> {
  const { full } = await draftSubject(ctx, form);
  return { blocks: [text(`You left ${article(full)} ${full} unfinished (${londonDayAndTime(savedAt)}). Type "carry on" to continue or "discard".`)] };
}

/** Said on leaving with a form open: where its answers are. */
export async function keptView(ctx: DialogContext, form: FormState, until: Date): Promise<View> {
  const { full } = await draftSubject(ctx, form);
  return { blocks: [text(`Your unfinished ${full} is kept as a draft until ${londonDayAndTime(until)}. Next time you start the chat, type "carry on" to continue it.`)] };
}

/** Said on leaving when the draft could not be written: the answers are not kept, and the person should know. */
export async function notKeptView(ctx: DialogContext, form: FormState): Promise<View> {
  const { full } = await draftSubject(ctx, form);
  return { blocks: [text(`I could not keep your unfinished ${full} as a draft, so its answers are not saved.`, 'warning')] };
}

/** After "discard". */
export async function discardedView(ctx: DialogContext, form: FormState): Promise<View> {
  const { full } = await draftSubject(ctx, form);
  return { blocks: [text(`Discarded your unfinished ${full}. Nothing from it was saved.`)] };
}

/** When a new form takes the place of an older draft that was offered and not taken up. */
export async function replacedView(ctx: DialogContext, old: FormState, savedAt: Date): Promise<View> {
  const { full } = await draftSubject(ctx, old);
  return { blocks: [text(`This form is now kept as your draft in place of the unfinished ${full} from ${londonDayAndTime(savedAt)}: one unfinished form is kept at a time.`, 'muted')] };
}

/** While a form is open and its draft cannot be written. */
export const DRAFT_FAILED: View = { blocks: [text('I could not keep a draft of this form, so if you leave the chat now its answers will be lost. Finish it, or type "cancel".', 'warning')] };

/** When the chat opens and the person's draft was in a drafts file that could not be read (it was set aside at start-up). */
export const UNREADABLE_DRAFT: View = {
  blocks: [text('You left an unfinished form, but the file it was kept in could not be read, so it cannot be offered back. Nothing else is affected: please start the form again. The file was kept aside for whoever runs the bot.', 'warning')],
};
