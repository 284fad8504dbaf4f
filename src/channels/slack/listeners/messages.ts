import type { AllMiddlewareArgs, App, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { Person } from '../../../app/assistant.js';
import { cleanChannelText } from '../../../core/text/channel-text.js';
import { text } from '../../../core/views/view.js';
import { asksForFile } from '../../../dialogs/read/read-request.js';
import { slackPerson } from '../person.js';
import { show } from '../reply.js';
import type { SlackDeps } from '../slack-deps.js';

/** A direct message to the bot: the same words as the terminal chat, answered in the DM. */
export const onDirectMessage = (deps: SlackDeps) => async ({ message, body, client }: SlackEventMiddlewareArgs<'message'> & AllMiddlewareArgs) => {
  // Edits, joins and the bot's own messages carry a subtype or bot_id; only people's new words count.
  // A message with a file attached (file_share) is words too: its text is read, the file never fetched.
  if (message.channel_type !== 'im' || (message.subtype !== undefined && message.subtype !== 'file_share') || 'bot_id' in message) return;
  // Slack puts the sender's profile in a person's message; their name, where given, is how colleagues see them named.
  const profile = (message as { user_profile?: { real_name?: unknown; display_name?: unknown } }).user_profile;
  const person = slackPerson(body.team_id, message.user, false, profile?.real_name || profile?.display_name);
  if (!person) return;
  const views = await deps.assistant.text(person, message.text ?? '');
  await show(deps, { client, channel: message.channel, user: message.user, inDm: true }, views);
};

/** "@Graduated Response who helps with attendance?" in a channel: others can read it, so only public help. */
export const onMention = (deps: SlackDeps) => async ({ event, body, client }: SlackEventMiddlewareArgs<'app_mention'> & AllMiddlewareArgs) => {
  const person = slackPerson(body.team_id, event.user, true);
  if (!person) return;
  const words = (event.text ?? '').replace(/<@[A-Z0-9]+>/g, '').trim();
  if (asksForFile(cleanChannelText(words))) return fileToDm(deps, client, person, event.user!, words, { channel: event.channel, threadTs: event.thread_ts ?? event.ts });
  const views = await deps.assistant.text(person, words || 'help');
  await show(deps, { client, channel: event.channel, threadTs: event.thread_ts ?? event.ts }, views);
};

/**
 * A file about a pupil asked for in a channel: answered in the person's DM, where the file goes
 * too, and the thread only says so, with nothing about the pupil.
 */
async function fileToDm(deps: SlackDeps, client: WebClient, person: Person, user: string, words: string, thread: { channel: string; threadTs: string }): Promise<void> {
  const views = await deps.assistant.text({ ...person, shared: false }, words);
  const dm = (await client.conversations.open({ users: user })).channel?.id;
  if (dm) await show(deps, { client, channel: dm, user, inDm: true }, views);
  const said = dm ? 'I have answered in our direct messages, where only you can see it: files about a pupil are only sent there.' : 'Files about a pupil only go to our direct messages. Open a DM with me and ask there.';
  await show(deps, { client, ...thread }, [{ blocks: [text(said)] }]);
}

export function registerMessages(app: App, deps: SlackDeps): void {
  app.message(onDirectMessage(deps));
  app.event('app_mention', onMention(deps));
}
