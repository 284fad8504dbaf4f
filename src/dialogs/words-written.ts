import type { DialogContext, FormDialog } from './dialog.js';
import type { FormValues } from './form-submit.js';

/**
 * The submitted answers a person wrote in their own words, to read for worries. A choice sent as
 * its own code ("not-notified", "previously-looked-after") is the bot's word, not theirs: a fresh
 * tester (issue 12) chose "Yes, but the LA has not been told" and was warned of an informal
 * exclusion quoting “not-notified”. Every value when there is no dialog or context to tell by, or
 * the questions cannot be worked out (a value is never left unread by mistake).
 */
export function wordsWritten(dialog: FormDialog | undefined, ctx: DialogContext | undefined, values: FormValues): string[] {
  const all = Object.values(values);
  if (!dialog || !ctx) return all;
  let codes: Map<string, Set<string>>;
  try {
    // The follow-up questions depend on the answers (as codes), so ask with the submitted ones.
    codes = new Map(dialog.questions(ctx, values).flatMap((q) => (q.choices?.length ? [[q.id, new Set(q.choices.map((c) => c.value))] as const] : [])));
  } catch {
    return all;
  }
  return Object.entries(values).flatMap(([id, v]) => (codes.get(id)?.has(v) ? [] : [v]));
}
