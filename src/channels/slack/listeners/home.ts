import type { AllMiddlewareArgs, App, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import { homeTab } from '../blocks/home.js';
import { slackPerson } from '../person.js';
import type { SlackDeps } from '../slack-deps.js';
import type { Person } from '../../../app/assistant.js';

/** Publishes a person's App Home: start buttons, reviews due, their pupils. */
export async function publishHome(deps: SlackDeps, client: WebClient, person: Person, userId: string): Promise<void> {
  const views = await deps.assistant.home(person);
  await client.views.publish({ user_id: userId, view: homeTab(views) });
}

export const onHomeOpened = (deps: SlackDeps) => async ({ event, body, client }: SlackEventMiddlewareArgs<'app_home_opened'> & AllMiddlewareArgs) => {
  if (event.tab !== 'home') return;
  const person = slackPerson(body.team_id, event.user);
  if (person) await publishHome(deps, client, person, event.user);
};

export function registerHome(app: App, deps: SlackDeps): void {
  app.event('app_home_opened', onHomeOpened(deps));
}
