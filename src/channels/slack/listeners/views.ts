import type { AllMiddlewareArgs, App, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { inTime } from '../../../app/in-time.js';
import { text, type View } from '../../../core/views/view.js';
import { formErrors, formModal, formValuesFromState, resultModal } from '../blocks/form-modal.js';
import { CALLBACK, decodeMetadata } from '../blocks/ids.js';
import { ERROR_TEXT_MAX } from '../blocks/text.js';
import { messageFrom } from '../blocks/message.js';
import { searchFromState } from '../blocks/search-modal.js';
import { slackPerson } from '../person.js';
import type { SlackDeps } from '../slack-deps.js';
import { formIn } from '../reply.js';
import { publishHome } from './home.js';

type SubmitArgs = SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs;

/**
 * A finished form that hands on to the next one (the self-reflection's next area): the modal carries
 * on with it, whatever led the reply above it; nothing goes to the DM until the last one is done.
 */
const nextModal = (views: readonly View[]) => {
  const next = formIn(views);
  return next ? formModal(next, [], noticesOf(views)) : undefined;
};

/** The views beside a returned form: the notices its words raised, which lead the reply. */
const noticesOf = (views: readonly View[]): View[] => views.filter((v) => !v.blocks.some((b) => b.type === 'form'));

const STILL_WORKING: View[] = [{ blocks: [text('Still working on that. This window will update when it is done; there is no need to submit again.', 'muted')] }];
const UNREADABLE: View[] = [{ blocks: [text('That form came from an older version of me and I can’t read it. Please start again; nothing was saved.', 'warning')] }];

/**
 * A form modal submitted. Problems with the fields shown go next to them (response_action:
 * errors); new follow-up questions replace the modal with the longer form (and a Back button);
 * a finished form shows its result and a copy goes to the DM, where it stays.
 */
export const onFormSubmit = (deps: SlackDeps) => async ({ ack, body, view, client }: SubmitArgs) => {
  const person = slackPerson(body.user.team_id ?? body.team?.id, body.user.id);
  const meta = decodeMetadata(view.private_metadata);
  if (!person || !meta) return void (await ack({ response_action: 'update', view: resultModal(UNREADABLE, 'Sorry') }));

  const work = deps.forms.submit(person, meta.dialogId, { formId: meta.formId, shown: meta.shown, values: formValuesFromState(view.state) });
  const done = await inTime(work, deps.answerWithinMs);
  if (!done) {
    await ack({ response_action: 'update', view: resultModal(STILL_WORKING, 'Working on it') });
    void work
      .then((late) => client.views.update({ view_id: view.id, view: late.done ? (nextModal(late.views) ?? resultModal(late.views, late.failed ? 'Sorry' : 'Done')) : formModal(late.form, [...meta.history, meta.shown], noticesOf(late.views)) }))
      .catch((err: Error) => deps.log.error('late modal update failed', { error: err.name }));
    return;
  }
  const outcome = done.value;
  // Failed on our side and the form could not be rebuilt: say so in the modal; nothing was saved. (When it
  // can be, the form comes back below as one with a notice does, every answer in it, to send again.)
  if (outcome.done && outcome.failed) return void (await ack({ response_action: 'update', view: resultModal(outcome.views, 'Sorry') }));
  if (!outcome.done) {
    // A notice raised by the words typed leads the modal: Slack's errors could not show it.
    const notices = noticesOf(outcome.views);
    const fresh = outcome.form.questions.some((q) => !meta.shown.includes(q.id));
    if (fresh) return void (await ack({ response_action: 'update', view: formModal(outcome.form, [...meta.history, meta.shown], notices) }));
    // Field errors alone cannot carry a notice, and a problem too long for one (a refusal that names dates
    // and the law) would be cut: then the same step comes back with the notice on top, every answer in place.
    if (notices.length || outcome.form.questions.some((q) => (q.error?.length ?? 0) > ERROR_TEXT_MAX))
      return void (await ack({ response_action: 'update', view: formModal(outcome.form, meta.history, notices) }));
    return void (await ack({ response_action: 'errors', errors: formErrors(outcome.form) }));
  }
  const next = nextModal(outcome.views);
  if (next) return void (await ack({ response_action: 'update', view: next }));
  await ack({ response_action: 'update', view: resultModal(outcome.views, 'Done') });
  // The modal closes when dismissed; the DM keeps the record of what was done, and Home refreshes.
  const message = messageFrom(outcome.views);
  await deps.outbox.send(body.user.id, () => client.chat.postMessage({ channel: body.user.id, ...message })).catch((err: Error) => deps.log.warn('result copy to DM failed', { error: err.name }));
  await publishHome(deps, client, person, body.user.id).catch((err: Error) => deps.log.warn('home refresh failed', { error: err.name }));
};

export const onSearchSubmit = (deps: SlackDeps) => async ({ ack, body, view }: SubmitArgs) => {
  const person = slackPerson(body.user.team_id ?? body.team?.id, body.user.id);
  if (!person) return void (await ack());
  const { query, filters } = searchFromState(view.state);
  if (!query) return void (await ack({ response_action: 'errors', errors: { s_query: 'Please type what you need help with, e.g. “attendance”.' } }));
  await ack({ response_action: 'update', view: resultModal(await deps.assistant.search(person, query, filters), 'Services') });
};

export function registerViews(app: App, deps: SlackDeps): void {
  app.view<ViewSubmitAction>(CALLBACK.form, onFormSubmit(deps));
  app.view<ViewSubmitAction>(CALLBACK.search, onSearchSubmit(deps));
}
