import type { AllMiddlewareArgs, App, BlockAction, BlockElementAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { ButtonPresses, changedSomething } from '../../../app/button-presses.js';
import { outOfDateViews } from '../../../dialogs/views/out-of-date-view.js';
import { unpackGuidanceInput } from '../../../core/guidance/guidance-input.js';
import { detailsModal } from '../blocks/details-modal.js';
import { formModal } from '../blocks/form-modal.js';
import { ACTION, decodeMetadata, OpenFormValue, RefineSearchValue, VALUE_ACTION } from '../blocks/ids.js';
import { formValuesFromState } from '../blocks/form-modal.js';
import { searchModal } from '../blocks/search-modal.js';
import { slackPerson } from '../person.js';
import { formIn, show, type ReplyTarget } from '../reply.js';
import type { SlackDeps } from '../slack-deps.js';

type ButtonArgs = SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs;
type AnyActionArgs = SlackActionMiddlewareArgs<BlockAction<BlockElementAction>> & AllMiddlewareArgs;

const personOf = (body: BlockAction) => slackPerson(body.user.team_id ?? body.team?.id, body.user.id, false, body.user.name ?? body.user.username);

/**
 * Where a button's reply goes: a message button answers privately, a Home or modal button in the DM.
 * `replace` puts the reply in place of the message the button was on, where there is one.
 */
function target({ body, client, respond }: ButtonArgs | AnyActionArgs, replace = false): ReplyTarget {
  return { client, triggerId: body.trigger_id, user: body.user.id, ...(body.response_url ? { respond: { fn: respond, url: body.response_url, ...(replace ? { replace } : {}) } } : { channel: body.user.id }) };
}

const parseJson = (s: string | undefined): unknown => {
  try {
    return s ? JSON.parse(s) : undefined;
  } catch {
    return undefined;
  }
};

/**
 * A button from an older version of the app (an action_id or a value it no longer understands):
 * say so, with a fresh menu, privately. Acked first, so Slack never shows an error.
 */
export const onStaleAction = (deps: SlackDeps) => async (args: AnyActionArgs) => {
  await args.ack();
  await staleReply(deps, args);
};

/** The out-of-date notice and the person's menu, for a button already acked. */
async function staleReply(deps: SlackDeps, args: ButtonArgs | AnyActionArgs): Promise<void> {
  deps.log.warn('button refused', { reason: 'out-of-date button' });
  const person = personOf(args.body);
  await show(deps, target(args), outOfDateViews(person ? await deps.assistant.text(person, 'help') : []));
}

/**
 * Menu, reminder and LA buttons send a command as if typed, keyed on the message or view the
 * button was on, so a double click does nothing twice. A button whose work is then done (snooze,
 * done, acknowledge) has its message replaced by the answer, as a Teams card updates in place, so
 * it cannot be pressed again; a button that only shows something, or was refused, leaves it.
 */
export const onCommandButton = (deps: SlackDeps) => {
  const presses = new ButtonPresses(deps.assistant);
  return async (args: ButtonArgs) => {
    await args.ack();
    const person = personOf(args.body);
    if (!person || !args.action.value) return;
    const { container, view } = args.body;
    const cardId = (container as { message_ts?: string } | undefined)?.message_ts ?? view?.id;
    const views = await presses.press(person, cardId, args.action.value);
    await show(deps, target(args, deps.assistant.changes(args.action.value) && changedSomething(views)), views);
  };
};

/**
 * Previous and Next under a list or a long record: the command runs as if typed (it only shows
 * something, so a repeat is harmless) and its page replaces the message the button was on, as a
 * Teams card updates in place. From the Home tab, where nothing can be replaced, it comes as a DM.
 */
export const onPageButton = (deps: SlackDeps) => async (args: ButtonArgs) => {
  await args.ack();
  const person = personOf(args.body);
  if (!person || !args.action.value) return;
  await show(deps, target(args, true), await deps.assistant.text(person, args.action.value));
};

/** "Open form" on a message: messages can't hold a form, so the button opens it as a modal. */
export const onOpenForm = (deps: SlackDeps) => async (args: ButtonArgs) => {
  await args.ack();
  const person = personOf(args.body);
  const value = OpenFormValue.safeParse(parseJson(args.action.value));
  if (!person) return;
  if (!value.success) return staleReply(deps, args);
  await show(deps, target(args), await deps.assistant.open(person, value.data.dialogId, value.data.prefill ?? {}));
};

/** "Refine search": the search box and filters as a modal, filled in with the last search. */
export const onRefineSearch = (deps: SlackDeps) => async (args: ButtonArgs) => {
  await args.ack();
  const person = personOf(args.body);
  const value = RefineSearchValue.safeParse(parseJson(args.action.value));
  if (!person) return;
  if (!value.success) return staleReply(deps, args);
  // The button carries only the words and filters (values are short); the pack supplies the areas.
  const views = await deps.assistant.search(person, value.data.query, value.data.filters);
  const search = views.flatMap((v) => v.blocks).find((b) => b.type === 'search');
  if (search?.type === 'search') await args.client.views.open({ trigger_id: args.body.trigger_id, view: searchModal(search.search) });
};

/**
 * "Show details" under guidance: the details, worked out again from the input the button carries,
 * in a modal; on top of the modal the button was in (a form's result), since Slack opens a modal
 * from inside another only by pushing it. A value this version did not write gets the out-of-date notice.
 */
export const onShowDetails = (deps: SlackDeps) => async (args: ButtonArgs) => {
  await args.ack();
  const person = personOf(args.body);
  const input = unpackGuidanceInput(args.action.value);
  if (!person) return;
  if (!input) return staleReply(deps, args);
  const view = detailsModal(await deps.assistant.details(person, input));
  if (args.body.view) await args.client.views.push({ trigger_id: args.body.trigger_id, view });
  else await args.client.views.open({ trigger_id: args.body.trigger_id, view });
};

/** "← Back" inside a form modal: the previous step's questions, with what was typed kept. */
export const onBack = (deps: SlackDeps) => async (args: ButtonArgs) => {
  await args.ack();
  const view = args.body.view;
  const person = personOf(args.body);
  const meta = view && decodeMetadata(view.private_metadata);
  if (view && person && !meta) return staleReply(deps, args);
  if (!view || !person || !meta) return;
  const previous = meta.history.at(-1) ?? meta.shown;
  const views = await deps.assistant.back(person, meta.dialogId, { formId: meta.formId, shown: previous, values: formValuesFromState(view.state) });
  const form = formIn(views);
  if (form) await args.client.views.update({ view_id: view.id, hash: view.hash, view: formModal(form, meta.history.slice(0, -1)) });
};

const any = (kind: string) => ({ action_id: new RegExp(`^${kind}(:\\d+)?$`) });

export function registerActions(app: App, deps: SlackDeps): void {
  app.action<BlockAction<ButtonAction>>(any(ACTION.command), onCommandButton(deps));
  app.action<BlockAction<ButtonAction>>(any(ACTION.page), onPageButton(deps));
  app.action<BlockAction<ButtonAction>>(any(ACTION.openForm), onOpenForm(deps));
  app.action<BlockAction<ButtonAction>>(any(ACTION.refineSearch), onRefineSearch(deps));
  app.action<BlockAction<ButtonAction>>(any(ACTION.back), onBack(deps));
  app.action<BlockAction<ButtonAction>>(any(ACTION.details), onShowDetails(deps));
  // Bolt runs every listener that matches, so the catch-all names what it is not: today's buttons and inputs.
  const known = [...Object.values(ACTION), VALUE_ACTION].join('|');
  app.action<BlockAction<BlockElementAction>>({ action_id: new RegExp(`^(?!(?:${known})(?::\\d+)?$)`) }, onStaleAction(deps));
}
