import type { SlackHarness } from './harness.js';
import { USERS } from './harness.js';

type Json = Record<string, unknown>;

/** Slack's own escaping in mrkdwn, undone once, as Slack does when it shows the message. */
const unescapeMrkdwn = (t: string) => t.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

/** Every text object in blocks, in order, as Slack would show it (mrkdwn unescaped once). */
export function slackText(blocks: unknown): string {
  const parts: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    const n = node as Json;
    if (typeof n.text === 'string' && n.type === 'mrkdwn') parts.push(unescapeMrkdwn(n.text));
    else if (typeof n.text === 'string' && n.type === 'plain_text') parts.push(n.text);
    Object.values(n).forEach(walk);
  };
  walk(blocks);
  return parts.join('\n');
}

/** A modal's inputs filled for view_submission: block_id `q_<id>` → { value: element state }. */
export function modalState(view: Json, answers: Record<string, string>): Json {
  const values: Json = {};
  for (const block of (view.blocks as Json[]).filter((b) => b.type === 'input')) {
    const id = String(block.block_id).replace(/^q_/, '');
    const el = block.element as Json;
    const optional = block.optional === true;
    const options = (el.options as { value: string }[] | undefined) ?? [];
    const given = answers[id];
    let state: Json;
    switch (el.type) {
      case 'radio_buttons':
      case 'static_select': {
        const initial = (el.initial_option as { value: string } | undefined)?.value;
        const value = given ?? initial ?? (optional ? undefined : (options.find((o) => o.value === 'no') ?? options[0])?.value);
        state = { type: el.type, selected_option: value ? { value } : null };
        break;
      }
      case 'external_select': {
        // A picker: what the person picked from the options Slack fetched (a reference), else what it shows.
        const value = given ?? (el.initial_option as { value: string } | undefined)?.value;
        state = { type: 'external_select', selected_option: value ? { text: { type: 'plain_text', text: value }, value } : null };
        break;
      }
      case 'users_select':
        state = { type: 'users_select', selected_user: given ?? (el.initial_user as string | undefined) ?? null };
        break;
      case 'datepicker':
        state = { type: 'datepicker', selected_date: given ?? (el.initial_date as string | undefined) ?? (optional ? null : '2026-12-18') };
        break;
      case 'number_input':
        state = { type: 'number_input', value: given ?? (el.initial_value as string | undefined) ?? (optional ? null : '1') };
        break;
      default:
        state = { type: 'plain_text_input', value: given ?? (el.initial_value as string | undefined) ?? (optional ? null : 'Calmer mornings with a key adult check-in') };
    }
    values[String(block.block_id)] = { [String(el.action_id)]: state };
  }
  return { values };
}

/** Opens a form with `/graduated <text>` as the SENDCo; resolves with the modal Slack was asked to open. */
export async function openModal(h: SlackHarness, text: string): Promise<Json> {
  const before = h.api.calls.length;
  await h.command(USERS.sendco, text);
  return (await h.api.waitFor((c) => c.method === 'views.open' && h.api.calls.indexOf(c) >= before)).params.view as Json;
}

/** Submits a modal filled as `modalState` fills it; resolves with Slack's ack (response_action and a view or errors). */
export async function submitModal(h: SlackHarness, view: Json, answers: Record<string, string>, round = 0): Promise<{ response_action: string; view?: Json; errors?: Record<string, string> }> {
  const res = await h.interaction({ type: 'view_submission', user: h.user(USERS.sendco), view: { ...view, id: 'V1', hash: `h${round}`, state: modalState(view, answers) } });
  return JSON.parse(res.text) as { response_action: string; view?: Json; errors?: Record<string, string> };
}

/**
 * Opens a form with `/graduated <text>` and fills the modal as a careful member of staff would
 * (as completeForm does for Teams): given answers, else what is already there, else blank when
 * optional, "no" for yes/no, the first choice, or a sensible text. Submits until the modal shows
 * a result; resolves with the result's text.
 */
export async function completeModal(h: SlackHarness, text: string, answers: Record<string, string>): Promise<string> {
  return slackText((await completeModalView(h, text, answers)).blocks);
}

/** As completeModal, resolving with the result's view, for pressing its buttons. */
export async function completeModalView(h: SlackHarness, text: string, answers: Record<string, string>): Promise<Json> {
  let view = await openModal(h, text);
  for (let round = 0; round < 5; round++) {
    if (view.callback_id !== 'gr_form') return view;
    const ack = await submitModal(h, view, answers, round);
    if (ack.response_action !== 'update' || !ack.view) throw new Error(`modal not accepted: ${JSON.stringify(ack)}`);
    view = ack.view;
  }
  throw new Error(`modal did not finish: ${slackText(view.blocks)}`);
}

/**
 * Presses "Show details" on a view (a form's result) as the SENDCo; resolves with the call that
 * opened the details (views.push, as a button inside a modal must, or views.open).
 */
export async function showDetails(h: SlackHarness, view: Json): Promise<{ method: string; view: Json }> {
  const before = h.api.calls.length;
  // The button is a section's accessory, or (since the first screen was made shorter) alone in an actions block.
  const isDetails = (e: Json | undefined) => ((e?.text as Json | undefined)?.text as string | undefined) === 'Show details';
  const button = (view.blocks as Json[]).flatMap((b) => [b.accessory as Json | undefined, ...((b.elements as Json[] | undefined) ?? [])]).find(isDetails);
  if (!button) throw new Error(`no Show details button in ${slackText(view.blocks)}`);
  await h.interaction({ type: 'block_actions', user: h.user(USERS.sendco), container: { type: 'view', view_id: 'V1' }, view: { ...view, id: 'V1', hash: 'h9' }, actions: [{ type: 'button', action_id: button.action_id, block_id: 'b', value: button.value, action_ts: '1' }] });
  const call = await h.api.waitFor((c) => (c.method === 'views.push' || c.method === 'views.open') && h.api.calls.indexOf(c) >= before);
  return { method: call.method, view: call.params.view as Json };
}
