import { isRealDate } from '../../../core/dates.js';
import type { Lookup, QuestionView } from '../../../core/views/view.js';
import { blockIdFor, PUPIL_LOOKUP_ACTION, VALUE_ACTION } from './ids.js';
import type { InputBlock, InputBlockElement, PlainTextOption } from './slack-types.js';
import { LIMITS, oneLine, plain } from './text.js';

/**
 * One question as a modal input: block_id `q_<question id>`, action_id `value`, and the element
 * its kind needs, with the last answer filled in when the element can hold it.
 */

/** For a question that sets no limit of its own (QuestionView.maxLength); Slack's own limit caps any. */
export const TEXT_MAX = 300;
export const LONGTEXT_MAX = 2000;
/** Up to this many choices show as radio buttons (Slack allows 10); more as a menu. */
export const RADIO_MAX = 5;

const INTEGER = /^-?\d{1,15}$/;

export const option = (text: string, value: string): PlainTextOption => ({ text: plain(oneLine(text), LIMITS.optionText), value });

const YES_NO: PlainTextOption[] = [option('Yes', 'yes'), option('No', 'no')];

function options(q: QuestionView): PlainTextOption[] {
  if (q.kind === 'yesno') return YES_NO;
  return (q.choices ?? []).slice(0, LIMITS.selectOptions).map((c) => option(c.label, c.value));
}

/** The core has already turned the last answer into a choice's value when it matched one. */
const picked = (q: QuestionView, opts: readonly PlainTextOption[]): PlainTextOption | undefined => opts.find((o) => o.value === q.value);

function choiceElement(q: QuestionView): InputBlockElement {
  const opts = options(q);
  const initial = picked(q, opts);
  const start = initial ? { initial_option: initial } : {};
  if (q.kind === 'yesno' || opts.length <= RADIO_MAX) return { type: 'radio_buttons', action_id: VALUE_ACTION, options: opts, ...start };
  return { type: 'static_select', action_id: VALUE_ACTION, placeholder: plain('Choose one'), options: opts, ...start };
}

function textElement(q: QuestionView, multiline: boolean): InputBlockElement {
  const max = Math.min(q.maxLength ?? (multiline ? LONGTEXT_MAX : TEXT_MAX), LIMITS.plainTextInputMax);
  const value = q.value ? q.value.slice(0, max) : '';
  return { type: 'plain_text_input', action_id: VALUE_ACTION, max_length: max, ...(multiline ? { multiline: true } : {}), ...(value ? { initial_value: value } : {}) };
}

/** Slack user ids are kept as `slack:<team>:<user>`; Slack's own picker holds the user id alone. */
const slackUserOf = (staffId: string | undefined): string | undefined => staffId?.match(/^slack:[A-Z0-9]+:([UW][A-Z0-9]+)$/)?.[1];

/**
 * A picker that searches as the person types: the bot's pupils (an external_select, whose options
 * Slack asks the options load URL for), or Slack's own picker of the workspace's people.
 */
function lookupElement(q: QuestionView, lookup: Lookup): InputBlockElement {
  if (lookup === 'staff') {
    const user = slackUserOf(q.picked?.value ?? q.value?.trim());
    return { type: 'users_select', action_id: VALUE_ACTION, placeholder: plain('Choose someone'), ...(user ? { initial_user: user } : {}) };
  }
  // What is chosen already (or was typed and refused) shows chosen, to be sent again.
  const current = q.picked ? option(q.picked.label, q.picked.value) : q.value?.trim() ? option(q.value.trim(), q.value.trim().slice(0, LIMITS.optionValue)) : undefined;
  return { type: 'external_select', action_id: PUPIL_LOOKUP_ACTION, min_query_length: 1, placeholder: plain('Type a reference or initials'), ...(current ? { initial_option: current } : {}) };
}

export function questionElement(q: QuestionView): InputBlockElement {
  if (q.lookup) return lookupElement(q, q.lookup);
  const value = q.value?.trim() ?? '';
  switch (q.kind) {
    case 'text':
      return textElement(q, false);
    case 'longtext':
    case 'list':
      return textElement(q, true);
    case 'number':
      return { type: 'number_input', action_id: VALUE_ACTION, is_decimal_allowed: false, ...(INTEGER.test(value) ? { initial_value: String(Number(value)) } : {}) };
    case 'date':
      return { type: 'datepicker', action_id: VALUE_ACTION, placeholder: plain('Pick a date'), ...(isRealDate(value) ? { initial_date: value } : {}) };
    case 'choice':
    case 'yesno':
      return choiceElement(q);
  }
}

/** Under the input: what went wrong last time, help, what a blank answer means, and "one per line". */
export function hintText(q: QuestionView): string | undefined {
  const parts = [
    q.error ? `⚠️ ${q.error}` : undefined,
    q.help,
    q.defaultLabel ? `Leave blank for: ${q.defaultLabel}.` : undefined,
    q.kind === 'list' ? 'One per line.' : undefined,
  ].filter((p): p is string => !!p && !!p.trim());
  return parts.length ? parts.join(' ') : undefined;
}

export function questionInput(q: QuestionView): InputBlock {
  const hint = hintText(q);
  return {
    type: 'input',
    block_id: blockIdFor(q.id).slice(0, LIMITS.id),
    label: plain(oneLine(q.prompt) || q.id, LIMITS.inputLabel),
    optional: q.optional,
    element: questionElement(q),
    ...(hint ? { hint: plain(hint, LIMITS.hint) } : {}),
  };
}
