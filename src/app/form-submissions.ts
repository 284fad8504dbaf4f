import { text, type View } from '../core/views/view.js';
import type { FormOutcome, FormSubmission } from '../dialogs/form-submit.js';
import type { Assistant, Person } from './assistant.js';
import { Once } from './once.js';

/**
 * Makes a form's submit safe to repeat: a double click, a Teams resend of the same invoke, or an
 * old copy of the form pressed again records nothing twice. A form that came back with problems
 * may be sent again, corrected; a form that finished answers with what it did the first time.
 */
export class FormSubmissions {
  readonly #results = new Once<FormOutcome>({ ttlMs: 24 * 60 * 60_000 });

  constructor(private readonly assistant: Assistant) {}

  async submit(person: Person, dialogId: string, sub: FormSubmission): Promise<FormOutcome> {
    const key = `${person.id}|${sub.formId}`;
    const { value, repeat } = await this.#results.run(key, () => this.assistant.submit(person, dialogId, sub));
    if (!value.done || value.failed) {
      this.#results.forget(key);
      return value;
    }
    return repeat ? { done: true, views: [alreadyDone, ...value.views] } : value;
  }
}

const alreadyDone: View = { blocks: [text('This form was already sent, so nothing new was saved. Here is what it did.', 'muted')] };
