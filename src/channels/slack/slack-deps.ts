import type { Assistant } from '../../app/assistant.js';
import type { FormSubmissions } from '../../app/form-submissions.js';
import type { Outbox } from '../../app/outbox.js';
import type { Logger } from '../../logger.js';
import type { LaChannelLink } from '../../app/la-channel-link.js';

/** What every Slack listener may use; built once in slack-channel.ts. */
export interface SlackDeps {
  assistant: Assistant;
  forms: FormSubmissions;
  outbox: Outbox;
  log: Logger;
  /** Slack wants a modal submit answered within 3 s; slower work updates the modal afterwards. */
  answerWithinMs: number;
  laLink?: LaChannelLink;
}
