import type { AllMiddlewareArgs, App, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { isLinkLaChannel } from '../../../app/la-channel-link.js';
import { messageFrom } from '../blocks/message.js';
import { slackPerson } from '../person.js';
import { show } from '../reply.js';
import type { SlackDeps } from '../slack-deps.js';

/**
 * `/graduated what-next 4021`, `/graduated signpost attendance`, … The same words as the
 * terminal chat. Acknowledged first (Slack allows 3 s); the reply is private to the person.
 */
export const onSlashCommand = (deps: SlackDeps) => async ({ ack, command, body, client, respond }: SlackCommandMiddlewareArgs & AllMiddlewareArgs) => {
  await ack();
  const person = slackPerson(body.team_id, body.user_id);
  if (!person) return void (await respond({ response_type: 'ephemeral', text: 'I couldn’t tell who you are from that request. Please try again.' }));
  if (isLinkLaChannel(command.text) && deps.laLink) {
    const inDm = body.channel_name === 'directmessage' || body.channel_id.startsWith('D');
    const views = await deps.laLink.linkBy(deps.assistant.whoIs(person), inDm ? undefined : { channel: 'slack', target: body.channel_id }, new Date(), 'If it is private, invite the bot first: /invite @Graduated Response.');
    return void (await respond({ response_type: 'ephemeral', ...messageFrom(views) }));
  }
  const words = command.text.trim();
  const views = await deps.assistant.text(person, words || 'help');
  await show(deps, { client, triggerId: body.trigger_id, respond: { fn: respond, url: body.response_url }, channel: body.channel_id, user: body.user_id }, views);
};

export function registerCommand(app: App, command: string, deps: SlackDeps): void {
  app.command(command, onSlashCommand(deps));
}
