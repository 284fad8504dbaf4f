import { saysNothing } from './answer-words.js';
import type { Answers, Question, Reopen, Suggestion } from './dialog.js';

const NEED_ANSWER = 'I need an answer to this one.';
const CANT_SKIP = 'This one can’t be skipped.';

/** Words that always leave a question ("skip", "-"). */
const SKIP = /^(skip|-)$/i;

export type ReadAnswer = { ok: true; value: unknown; also: Answers; reopen?: Reopen; note?: string } | { ok: false; message: string; typed?: string; suggest?: Suggestion };

async function leave(q: Question, input: string, why?: string): Promise<ReadAnswer> {
  if (q.fallback?.checked) {
    // Read as if typed, so checks that look things up (and the answers they add) run for a blank too.
    const parsed = await q.parse(String(q.fallback.value));
    return parsed.ok ? { ok: true, value: parsed.value, also: parsed.also ?? {} } : parsed;
  }
  if (q.fallback) return { ok: true, value: q.fallback.value, also: {} };
  if (q.optional) return { ok: true, value: null, also: {} };
  if (input === '') return { ok: false, message: NEED_ANSWER };
  return { ok: false, message: why ? `${CANT_SKIP} ${why}` : CANT_SKIP };
}

/**
 * One answer to one question, typed or sent from a form: blank or "skip" takes the question's
 * fallback or leaves an optional one; anything else goes to the question's parser. Words that say
 * "nothing here" (saysNothing) are an answer first on a yes/no or choice question ("None" is
 * Neither for looked after, no for a social worker); elsewhere, or when no choice takes them, they
 * leave the question. The same reading
 * for every channel, so "none" means the same in the terminal as on a card.
 */
export async function readAnswer(q: Question, raw: string): Promise<ReadAnswer> {
  const input = raw.trim();
  const answers = q.kind === 'yesno' || q.kind === 'choice';
  // "None" at an optional question that holds a value already (a correction's next PEP date) clears
  // it; only a blank keeps it (tester, issue 11: "none" kept the old date).
  if (q.optional && !answers && saysNothing(input)) return { ok: true, value: null, also: {} };
  if (input === '' || SKIP.test(input) || (saysNothing(input) && !answers)) return leave(q, input);
  const parsed = await q.parse(input);
  if (parsed.ok) return { ok: true, value: parsed.value, also: parsed.also ?? {}, ...(parsed.reopen ? { reopen: parsed.reopen } : {}), ...(parsed.note ? { note: parsed.note } : {}) };
  return saysNothing(input) ? leave(q, input, parsed.message) : parsed;
}
