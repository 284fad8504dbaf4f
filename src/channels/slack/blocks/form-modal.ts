import type { FormView, QuestionView, View } from '../../../core/views/view.js';
import { blockToSlack } from './blocks.js';
import { button } from './buttons.js';
import { ACTION, blockIdFor, CALLBACK, encodeMetadata } from './ids.js';
import { questionInput } from './inputs.js';
import { fitBlocks } from './layout.js';
import type { KnownBlock, ModalView } from './slack-types.js';
import { clip, context, ERROR_TEXT_MAX, header, LIMITS, oneLine, plain, safe, section } from './text.js';

export { formValuesFromState } from './state.js';

/**
 * A whole dialog as a modal of inputs. Slack checks required answers before sending; everything
 * else (a date that does not exist, a pupil not found) comes back from the core: as
 * `response_action: 'errors'` (see `formErrors`), or as the form shown again with each problem
 * under its input. `history` holds the question sets of earlier steps, for "← Back".
 */

/** A modal title: "What next for this pupil?" loses its question mark before it loses words. */
function shortTitle(text: string): string {
  const t = oneLine(text) || 'Graduated response';
  const bare = t.replace(/[?.!:]+$/, '');
  return t.length <= LIMITS.modalTitle ? t : bare.length <= LIMITS.modalTitle ? bare : clip(bare, LIMITS.modalTitle);
}

const titleOf = (text: string): ModalView['title'] => plain(shortTitle(text), LIMITS.modalTitle);

function leadBlocks(form: FormView): KnownBlock[] {
  const lead: KnownBlock[] = [];
  // Modal titles hold 24 characters; a longer title is shown whole at the top.
  if (shortTitle(form.shortTitle ?? form.title).endsWith('…')) lead.push(header(form.title));
  if (form.intro?.trim()) lead.push(context(safe(form.intro, LIMITS.textObject)));
  if (form.notice?.trim()) {
    const hasErrors = form.questions.some((q) => q.error);
    lead.push(section(hasErrors ? `⚠️ *${safe(oneLine(form.notice), 2900)}*` : safe(form.notice, 2990)));
  }
  return lead;
}

/**
 * A question's blocks: what to read first (guidance, plain lines), then its input. A yes/no that
 * confirms a save (QuestionView.confirm) is asked the other way round: the brief (every check that
 * applies to this pupil, by title) and the question with its yes and no first, then the checks in
 * full under "Why these checks". The brief comes before the answer, so no one says yes without
 * having seen, say, the Virtual School's check (fresh tester, 1 Dec).
 */
function questionBlocks(q: QuestionView): KnownBlock[] {
  const before = (q.before ?? []).flatMap((b) => blockToSlack(b));
  if (!q.confirm) return [...before, questionInput(q)];
  return [section(safe(q.confirm.brief, 2990)), questionInput({ ...q, prompt: q.confirm.prompt }), section('*Why these checks*'), ...before];
}

/** The questions in the order a modal asks them: a confirm first, as the one to answer now. */
const asked = (qs: readonly QuestionView[]): QuestionView[] => [...qs.filter((q) => q.confirm), ...qs.filter((q) => !q.confirm)];

/** Blocks a notice above a form may take, so the form keeps room for its questions. */
const NOTICE_BLOCKS = 20;

/**
 * `before` is what leads the reply to a submit (the safeguarding notice raised by what was typed),
 * shown above the form so it is never lost when the form comes back.
 */
export function formModal(form: FormView, history: string[][] = [], before: readonly View[] = []): ModalView {
  const notices = before.length ? [...fitBlocks(before, NOTICE_BLOCKS), { type: 'divider' } as const] : [];
  const lead = [...notices, ...leadBlocks(form)];
  const back = history.length ? [{ type: 'actions', elements: [button('← Back', ACTION.back, 'back')] } as const] : [];
  // A modal holds 100 blocks; questions past that would be neither shown nor listed as shown.
  let room = LIMITS.viewBlocks - lead.length - back.length;
  const shown: { q: QuestionView; blocks: KnownBlock[] }[] = [];
  for (const q of asked(form.questions)) {
    const blocks = questionBlocks(q);
    if (blocks.length > room) break;
    shown.push({ q, blocks });
    room -= blocks.length;
  }
  const questions = shown.map((s) => s.q);
  return {
    type: 'modal',
    callback_id: CALLBACK.form,
    title: titleOf(form.shortTitle ?? form.title),
    submit: plain(form.submitLabel.trim() || 'Submit', LIMITS.modalButton),
    close: plain('Cancel', LIMITS.modalButton),
    private_metadata: encodeMetadata({ dialogId: form.dialogId, formId: form.formId, shown: questions.map((q) => q.id), history }),
    blocks: [...lead, ...shown.flatMap((s) => s.blocks), ...back],
  };
}

/** Each problem under its input, for `ack({ response_action: 'errors', errors })`. */
export function formErrors(form: FormView): Record<string, string> {
  return Object.fromEntries(form.questions.flatMap((q) => (q.error?.trim() ? [[blockIdFor(q.id), clip(oneLine(q.error), ERROR_TEXT_MAX)]] : [])));
}

/** What a finished form shows, in place of the form (`response_action: 'update'`): no submit, just "Done". */
export function resultModal(views: readonly View[], title = 'Graduated response'): ModalView {
  const blocks = fitBlocks(views, LIMITS.viewBlocks);
  return {
    type: 'modal',
    title: titleOf(title),
    close: plain('Done', LIMITS.modalButton),
    blocks: blocks.length ? blocks : [section('Done.')],
  };
}
