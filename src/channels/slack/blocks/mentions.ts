import type { PersonRef } from '../../../core/views/view.js';
import { slackUserOf } from '../person.js';
import { escape } from './text.js';

/**
 * Escaped mrkdwn with each Slack user the core named (`people`) shown as a mention, `<@U034>`, in
 * place of the words that named them: Slack shows the reader that person's own name, which the
 * bot may not know. Each ref replaces the first of its words after the one before, so two people
 * named alike ("a teacher at Oak Primary") keep their order. Teams and other ids keep their words.
 */
export function withMentions(markup: string, people: readonly PersonRef[]): string {
  let out = markup;
  let from = 0;
  for (const p of people) {
    const user = slackUserOf(p.id);
    const words = escape(p.said);
    const at = words ? out.indexOf(words, from) : -1;
    if (!user || at < 0) continue;
    const mention = `<@${user.userId}>`;
    out = `${out.slice(0, at)}${mention}${out.slice(at + words.length)}`;
    from = at + mention.length;
  }
  return out;
}
