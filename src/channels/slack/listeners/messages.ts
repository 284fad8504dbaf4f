import type { AllMiddlewareArgs, App, SlackEventMiddlewareArgs } from '@slack/bolt';
import { slackPerson } from '../person.js';
import { show } from '../reply.js';
import type { SlackDeps } from '../slack-deps.js';

/** A direct message to the bot: the same words as the terminal chat, answered in the DM. */
export const onDirectMessage = (deps: SlackDeps) => async ({ message, body, client }: SlackEventMiddlewareArgs<'message'> & AllMiddlewareArgs) => {
  // Edits, joins and the bot's own messages carry a subtype or bot_id; only people's new words count.
  // A message with a file attached (file_share) is words too: its text is read, the file never fetched.
  if (message.channel_type !== 'im' || (message.subtype !== undefined && message.subtype !== 'file_share') || 'bot_id' in message) return;
  const person = slackPerson(body.team_id, message.user);
  if (!person) return;
  const views = await deps.assistant.text(person, message.text ?? '');
  await show(deps, { client, channel: message.channel }, views);
};

/** "@Graduated Response who helps with attendance?" in a channel: others can read it, so only public help. */
export const onMention = (deps: SlackDeps) => async ({ event, body, client }: SlackEventMiddlewareArgs<'app_mention'> & AllMiddlewareArgs) => {
  const person = slackPerson(body.team_id, event.user, true);
  if (!person) return;
  const words = (event.text ?? '').replace(/<@[A-Z0-9]+>/g, '').trim();
  const views = await deps.assistant.text(person, words || 'help');
  await show(deps, { client, channel: event.channel, threadTs: event.thread_ts ?? event.ts }, views);
};

export function registerMessages(app: App, deps: SlackDeps): void {
  app.message(onDirectMessage(deps));
  app.event('app_mention', onMention(deps));
}
