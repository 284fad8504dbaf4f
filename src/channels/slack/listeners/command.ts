import type { AllMiddlewareArgs, App, SlackCommandMiddlewareArgs } from '@slack/bolt';
import type { Person } from '../../../app/assistant.js';
import { isLinkLaChannel, type LaChannelLink } from '../../../app/la-channel-link.js';
import { text, type View } from '../../../core/views/view.js';
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
  if (isLinkLaChannel(command.text) && deps.laLink) return void (await respond({ response_type: 'ephemeral', ...messageFrom(await linkLaChannel(deps, deps.laLink, person, body.channel_id, body.channel_name)) }));
  const words = command.text.trim().replace(/^([a-z]+)-([a-z]+)\b/i, '$1 $2');
  const views = await deps.assistant.text(person, words || 'help');
  await show(deps, { client, triggerId: body.trigger_id, respond: { fn: respond, url: body.response_url }, channel: body.channel_id }, views);
};

/** Run by an admin in the LA team's channel: referral notices go there from now on. */
async function linkLaChannel(deps: SlackDeps, link: LaChannelLink, person: Person, channelId: string, channelName: string): Promise<View[]> {
  if (deps.assistant.whoIs(person)?.role !== 'admin') return [{ blocks: [text('Only an admin can choose the LA team’s channel.', 'warning')] }];
  if (channelName === 'directmessage' || channelId.startsWith('D')) return [{ blocks: [text('Run this in the LA team’s channel, not in a direct message.', 'warning')] }];
  await link.set({ channel: 'slack', target: channelId, linkedBy: person.id, linkedAt: new Date().toISOString() });
  return [{ blocks: [text('This channel is now the LA inclusion team’s: referrals to the LA will be posted here. If it is private, invite the bot: /invite @Graduated Response.', 'success')] }];
}

export function registerCommand(app: App, command: string, deps: SlackDeps): void {
  app.command(command, onSlashCommand(deps));
}
