import type { AllMiddlewareArgs, App, SlackCommandMiddlewareArgs } from '@slack/bolt';
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
  const words = command.text.trim().replace(/^([a-z]+)-([a-z]+)\b/i, '$1 $2');
  const views = await deps.assistant.text(person, words || 'help');
  await show(deps, { client, triggerId: body.trigger_id, respond: { fn: respond, url: body.response_url }, channel: body.channel_id }, views);
};

export function registerCommand(app: App, command: string, deps: SlackDeps): void {
  app.command(command, onSlashCommand(deps));
}
