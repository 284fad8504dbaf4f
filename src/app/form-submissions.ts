import { text, type View } from '../core/views/view.js';
import type { FormOutcome, FormSubmission } from '../dialogs/form-submit.js';
import type { Assistant, Person } from './assistant.js';
import { Once } from './once.js';

/**
 * Makes a form's submit safe to repeat: a double click, a Teams resend of the same invoke, or an
 * old copy of the form pressed again records nothing twice, within a day and across restarts
 * (the form id is kept in the data folder). A form that came back with problems, or whose save
 * failed, may be sent again; a form that finished answers with what it did the first time, or
 * after a restart, just that it was already sent.
 */
export class FormSubmissions {
  readonly #results: Once<FormOutcome>;

  constructor(private readonly assistant: Assistant) {
    this.#results = new Once<FormOutcome>({
      ttlMs: 24 * 60 * 60_000,
      // The views (pupil details) are never written down, so after a restart only the fact is known.
      persist: { store: assistant.idempotency, namespace: 'form:', restored: () => ({ done: true, views: [] }) },
    });
  }

  /** Throws only what the data folder throws when recording the form id (the work itself never throws). */
  async submit(person: Person, dialogId: string, sub: FormSubmission): Promise<FormOutcome> {
    const key = `${person.id}|${sub.formId}`;
    const finished = (v: FormOutcome) => v.done && !v.failed;
    const { value, repeat } = await this.#results.run(key, () => this.assistant.submit(person, dialogId, sub), finished);
    if (!repeat || !finished(value)) return value;
    return { done: true, views: [value.views.length ? alreadyDone : alreadySent, ...value.views] };
  }
}

const alreadyDone: View = { blocks: [text('This form was already sent, so nothing new was saved. Here is what it did.', 'muted')] };
const alreadySent: View = { blocks: [text('This form was already sent, so nothing new was saved.', 'muted')] };
