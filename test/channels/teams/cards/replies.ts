import type { FormView, View } from '../../../../src/core/views/view.js';
import { converse, newConversation } from '../../../../src/dialogs/conversation.js';
import type { DialogContext } from '../../../../src/dialogs/dialog.js';
import { openForm, submitForm, type FormOutcome, type FormValues } from '../../../../src/dialogs/form-submit.js';
import { myReviews } from '../../../../src/dialogs/my-reviews.js';
import { DIALOGS, findDialog } from '../../../../src/dialogs/registry.js';
import { recogniseRead } from '../../../../src/dialogs/read/read-request.js';
import { runRead } from '../../../../src/dialogs/read/run-read.js';
import { searchServices } from '../../../../src/dialogs/signpost-dialog.js';
import { menuView } from '../../../../src/dialogs/views/menu-view.js';
import { silentLogger } from '../../../../src/logger.js';

/** Replies exactly as the core makes them, for the cards to be rendered from. */

/**
 * The dialogs that ask something, so open as a form. The others (self-reflection's start, summary,
 * sharing and schools) answer at once with a view or the next form, and are covered by name below.
 */
export const formDialogIds = (ctx: DialogContext): string[] => Object.keys(DIALOGS).filter((id) => DIALOGS[id]!.questions(ctx, {}).length > 0);

export function dialog(id: string) {
  const d = DIALOGS[id];
  if (!d) throw new Error(`no dialog ${id}`);
  return d;
}

export function formOf(o: FormOutcome): FormView {
  if (o.done) throw new Error('expected the form to come back');
  return o.form;
}

/** Submits a form as a card does: every question shown, blanks included. */
export function submitAll(ctx: DialogContext, id: string, form: FormView, values: FormValues): Promise<FormOutcome> {
  return submitForm(dialog(id), ctx, { formId: form.formId, values, shown: form.questions.map((q) => q.id) });
}

/** Someone who may use the dialog: the world's SENDCo, or an admin for an admin's form ("grant"). */
const userFor = (ctx: DialogContext, id: string): DialogContext => (dialog(id).refuse?.(ctx) ? { ...ctx, user: { id: 'teams:admin-1', role: 'admin' } } : ctx);

/**
 * A dialog opened, its pupil picked where it has one, so the whole form shows; a referral with
 * parents' permission given, which it asks first and without which there is no more to it.
 */
export async function openedWithPupil(ctx: DialogContext, id: string): Promise<FormView> {
  const who = userFor(ctx, id);
  const opened = formOf(await openForm(dialog(id), who, {}, `form-${id}`));
  if (opened.questions[0]?.id !== 'pupil') return opened;
  const picked = formOf(await submitAll(who, id, opened, { pupil: '4021' }));
  if (!picked.questions.some((q) => q.id === 'parentalPermission')) return picked;
  return formOf(await submitAll(who, id, picked, { pupil: '4021', parentalPermission: 'yes' }));
}

/** The what-next form for an unrecorded pupil ("skip"), with every question showing. */
export async function whatNextUnrecorded(ctx: DialogContext): Promise<FormView> {
  const opened = formOf(await openForm(dialog('what-next'), ctx, {}, 'form-wn'));
  return formOf(await submitAll(ctx, 'what-next', opened, { pupil: 'skip' }));
}

export const UNRECORDED_ANSWERS: FormValues = {
  pupil: 'skip',
  step: '2',
  plan: 'reviewed-no-change',
  suspensions: '2',
  longest: '3',
  totalDays: '5',
  returning: '0',
  permanent: 'no',
  risk: 'yes',
  deteriorating: 'no',
  care: 'neither',
  socialWorker: 'no',
  send: 'sen-support',
  ptt: 'not-notified',
  considerSuspension: 'no',
  notes: '',
};

/** Guidance for a pupil answered on the card, optionally with notes. */
export async function unrecordedGuidance(ctx: DialogContext, notes = ''): Promise<View[]> {
  const form = await whatNextUnrecorded(ctx);
  const all = formOf(await submitAll(ctx, 'what-next', form, { pupil: 'skip', suspensions: '2' }));
  const done = await submitAll(ctx, 'what-next', all, { ...UNRECORDED_ANSWERS, notes });
  if (!done.done) throw new Error(`what next did not finish: ${JSON.stringify(done.form.questions.filter((q) => q.error))}`);
  return done.views;
}

/** Guidance for the recorded pupil 4021. */
export async function pupilGuidance(ctx: DialogContext): Promise<View[]> {
  const form = await openedWithPupil(ctx, 'what-next');
  const done = await submitAll(ctx, 'what-next', form, { pupil: '4021', considerSuspension: 'no', deteriorating: 'yes', notes: '' });
  if (!done.done) throw new Error('what next did not finish');
  return done.views;
}

/** A PCP review without positive change, recorded with the step up: "Review saved" then guidance. */
export async function completeReview(ctx: DialogContext): Promise<View[]> {
  const values = { pupil: '4021', date: '', positive: 'no', notes: 'Still leaving lessons', nextReviewDate: '2026-12-18', stepUp: 'yes' };
  const first = await submitAll(ctx, 'review', await openedWithPupil(ctx, 'review'), values);
  const done = first.done ? first : await submitAll(ctx, 'review', first.form, values);
  if (!done.done) throw new Error('review did not finish');
  return done.views;
}

/** Every card the bot sends, by name, built from the core. Needs the world with pupil 4021. */
export async function everyReply(ctx: DialogContext): Promise<Record<string, View[]>> {
  const replies: Record<string, View[]> = { menu: [menuView()], 'menu with intro': [menuView('Sorry, I didn’t understand that.')] };
  for (const id of formDialogIds(ctx)) {
    replies[`open ${id}`] = (await openForm(dialog(id), ctx, {}, `form-${id}`)).views;
    const whole = await openedWithPupil(ctx, id);
    replies[`whole ${id}`] = [{ blocks: [{ type: 'form', form: whole }] }];
    const first: FormValues = whole.questions[0]?.id === 'pupil' ? { pupil: '4021' } : {};
    replies[`blank submit ${id}`] = (await submitAll(ctx, id, whole, first)).views;
  }
  const wn = await whatNextUnrecorded(ctx);
  replies['half-filled what-next'] = (await submitAll(ctx, 'what-next', wn, { pupil: 'skip', step: '2', suspensions: 'lots', permanent: 'no' })).views;
  const pcp = await openedWithPupil(ctx, 'pcp');
  replies['half-filled pcp'] = (await submitAll(ctx, 'pcp', pcp, { pupil: '4021', 'pcp.planDate': '31/02/2027', reviewDate: '31/02/2027', wantsIsp: 'no' })).views;
  replies['pcp with incident support plan'] = (await submitAll(ctx, 'pcp', pcp, { pupil: '4021', wantsIsp: 'yes' })).views;
  replies['guidance for 4021'] = await pupilGuidance(ctx);
  replies['guidance answered on the card'] = await unrecordedGuidance(ctx);
  replies['guidance with safeguarding'] = await unrecordedGuidance(ctx, 'She says she is scared to go home and has bruises on her arms.');
  for (const q of ['attendance', 'online tuition year 10', 'autism', 'xyzzy plover', 'she says she is scared to go home and has bruises'])
    replies[`signpost ${q}`] = searchServices(ctx, q);
  replies['signpost with picked filters'] = searchServices(ctx, 'tuition', { phase: 'secondary', district: 'worcester', mode: 'face-to-face', age: 14 });
  replies['my reviews'] = [await myReviews(ctx)];
  // Typed turns, in case a channel shows the text conversation as cards: questions one at a time.
  let state = newConversation();
  for (const line of ['asdfgh', 'qwerty', 'what next', 'help', 'skip', '9', 'cancel']) {
    const t = await converse(ctx, state, line, silentLogger);
    state = t.state;
    replies[`typed "${line}"`] = t.views;
  }
  // Reading the record back: the summary, each record, the chronology and the lists.
  for (const words of ['pupil 4021', 'timeline 4021', 'show pcp 1 for 4021', 'show review 1 for 4021', 'show exclusion 2 for 4021', 'my pupils', 'deadlines this week', 'lists', 'pupil 9999'])
    replies[`read "${words}"`] = await runRead(ctx, recogniseRead(words)!);
  Object.assign(replies, await selfReflectionReplies(ctx));
  // Last, because it changes the pupil's case.
  replies['review saved'] = await completeReview(ctx);
  return replies;
}

/**
 * The Inclusion Self-Reflection's replies: the start, each area's form, the sharing question, the
 * summary at its longest (every item at 1, so every area is the weakest and every suggestion shows,
 * with notes as long as they may be) and the LA's view of a school that shares.
 */
async function selfReflectionReplies(ctx: DialogContext): Promise<Record<string, View[]>> {
  const tool = ctx.pack.selfReflection!;
  const open = async (id: string, who: DialogContext = ctx) => (await openForm(findDialog(id)!, who, {}, `form-${id}`)).views;
  const out: Record<string, View[]> = { 'self-reflection summary, none yet': await open('self-reflection-summary'), 'self-reflection start': await open('self-reflection') };
  for (const a of tool.areas) out[`self-reflection area ${a.id}`] = await open(`self-reflection/${a.id}`);
  out['self-reflection sharing'] = await open('self-reflection-sharing');
  const rateAll = async (score: number, note: string) => {
    for (const a of tool.areas) await ctx.reflections!.saveArea(ctx.user, tool, a.id, Object.fromEntries(a.items.map((i) => [i.id, score])), note);
  };
  await rateAll(2, 'Short note');
  await ctx.reflections!.complete(ctx.user, tool, true);
  await rateAll(1, 'Evidence and actions. '.repeat(180).trim());
  out['self-reflection share, last question'] = await open('self-reflection');
  out['self-reflection completed'] = (await submitAll(ctx, 'self-reflection-share', formOf(await openForm(dialog('self-reflection-share'), ctx, {}, 'form-share')), { share: 'yes' })).views;
  out['self-reflection summary'] = await open('self-reflection-summary');
  out['self-reflection schools (LA)'] = await open('self-reflection-schools', { ...ctx, user: { id: 'la-1', role: 'la-officer' } });
  return out;
}
