import type { AllMiddlewareArgs, App, SlackOptionsMiddlewareArgs } from '@slack/bolt';
import { PUPIL_LOOKUP_ACTION } from '../blocks/ids.js';
import { option } from '../blocks/inputs.js';
import { slackPerson } from '../person.js';
import type { SlackDeps } from '../slack-deps.js';

type OptionsArgs = SlackOptionsMiddlewareArgs<'block_suggestion'> & AllMiddlewareArgs;

/** Options offered at once: enough to narrow down by typing (Slack takes up to 100). */
const OFFERED = 25;
/** Longer words than any reference or initials are not a search anyone typed. */
const TYPED_MAX = 100;

/**
 * The pupil picker's options as the person types (a `block_suggestion` to the options load URL): the
 * pupils they may see whose reference or initials match, read through the core's access rules on
 * every request. Someone unknown, or with no role, is offered nothing. Slack waits 3 s for the answer.
 */
export const onPupilOptions = (deps: SlackDeps) => async ({ ack, body }: OptionsArgs) => {
  const person = slackPerson(body.user?.team_id ?? body.team?.id, body.user?.id);
  const typed = typeof body.value === 'string' ? body.value.slice(0, TYPED_MAX) : '';
  const choices = person ? await deps.assistant.lookup(person, 'pupil', typed, OFFERED) : [];
  await ack({ options: choices.map((c) => option(c.label, c.value)) });
};

export function registerOptions(app: App, deps: SlackDeps): void {
  app.options<'block_suggestion'>({ type: 'block_suggestion', action_id: PUPIL_LOOKUP_ACTION }, onPupilOptions(deps));
}

