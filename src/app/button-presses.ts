import { text, type View } from '../core/views/view.js';
import type { Assistant, Person } from './assistant.js';
import { Once } from './once.js';

/** A double click or a resend arrives within seconds; a fresh press on the same card later is rare and may act again. */
const WINDOW_MS = 10 * 60_000;

/**
 * Makes a command button (menu, reminder, LA buttons) safe to press twice. A command that only
 * shows something is simply run again: the same answer, and fresh. A command that changes
 * something (snooze, done, acknowledge, grant) runs once per person, card and command within
 * 10 minutes, in this process and across a restart; a repeat is told it was already done.
 */
export class ButtonPresses {
  readonly #done: Once<View[]>;

  constructor(private readonly assistant: Assistant) {
    this.#done = new Once<View[]>({ ttlMs: WINDOW_MS, persist: { store: assistant.idempotency, namespace: 'button:', restored: () => [] } });
  }

  /**
   * `cardId` is the message or view the button was on (Teams `replyToId`, Slack message ts or
   * view id). Throws only what the data folder throws when recording the press.
   */
  async press(person: Person, cardId: string | undefined, command: string): Promise<View[]> {
    if (!this.assistant.changes(command)) return this.assistant.text(person, command);
    const key = `${person.id}|${cardId ?? ''}|${command}`;
    const { value, repeat } = await this.#done.run(key, () => this.assistant.text(person, command), changedSomething);
    return repeat ? [alreadyDone, ...value] : value;
  }
}

/**
 * A refusal or a failure comes back as a warning (the Assistant turns errors into kind messages),
 * and nothing changed, so it is not kept: pressing again may then work.
 */
export const changedSomething = (views: readonly View[]): boolean => !views.some((v) => v.blocks.some((b) => b.type === 'text' && b.tone === 'warning'));

const alreadyDone: View = { blocks: [text('That button was already pressed, so nothing was done twice.', 'muted')] };
