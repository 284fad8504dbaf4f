import type { RespondFn } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { FormView, View } from '../../core/views/view.js';
import { formModal } from './blocks/form-modal.js';
import { carriesFile, uploadFiles } from './file-upload.js';
import { messageFrom } from './blocks/message.js';
import type { SlackDeps } from './slack-deps.js';

/** The form in a reply, if the reply is a form to fill in. */
export const formIn = (views: readonly View[]): FormView | undefined => {
  for (const v of views) for (const b of v.blocks) if (b.type === 'form') return b.form;
  return undefined;
};

export interface ReplyTarget {
  client: WebClient;
  /** From a button or slash command: lets a form open as a modal straight away (valid for 3 s). */
  triggerId?: string;
  /**
   * From a slash command or message button: replies only this person sees, through its response_url.
   * `replace` puts the reply in place of the message the button was on (a page of a list).
   */
  respond?: { fn: RespondFn; url: string; replace?: boolean };
  /** Otherwise the reply goes to this channel (a DM, or a thread in a channel). */
  channel?: string;
  threadTs?: string;
  /** The Slack user the reply is for: a file it carries goes to their DM with the bot. */
  user?: string;
  /** `channel` is that person's DM with the bot, so a file goes there directly. */
  inDm?: boolean;
}

/**
 * Shows a reply the Slack way: a form opens as a modal when there is a trigger, otherwise replies
 * are messages, sent through the outbox so the channel's pace and Retry-After are respected. A file
 * the reply carries (the evidence pack) is uploaded to the person's DM.
 */
export async function show(deps: SlackDeps, to: ReplyTarget, reply: readonly View[]): Promise<void> {
  // A file goes up first, so the reply can say where it is (or that it could not be sent).
  const views = to.user && carriesFile(reply) ? [...reply, ...(await uploadFiles(deps, to.client, to.user, reply, to.inDm ? to.channel : undefined))] : reply;
  const form = formIn(views);
  if (form && to.triggerId) {
    await to.client.views.open({ trigger_id: to.triggerId, view: formModal(form) });
    return;
  }
  const message = messageFrom(views);
  if (to.respond) {
    // A response_url has its own allowance (a few uses in 30 minutes), not the channel's pace.
    const respond = to.respond.fn;
    const replace = to.respond.replace === true;
    await deps.outbox.send(`respond:${to.respond.url}`, () => respond({ response_type: 'ephemeral', replace_original: replace, ...message }));
    return;
  }
  if (to.channel) {
    const channel = to.channel;
    await deps.outbox.send(channel, () => to.client.chat.postMessage({ channel, ...message, ...(to.threadTs ? { thread_ts: to.threadTs } : {}) }));
  }
}
