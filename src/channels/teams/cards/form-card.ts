import { isRealDate } from '../../../core/dates.js';
import type { ConfirmFirst, FormView, Lookup, QuestionView, ReadFirst } from '../../../core/views/view.js';
import type { ChoiceSetInput, Element, Input, TextBlock } from './adaptive-types.js';
import { answerFormAction, cancelFormAction, DATASET, inputIdFor, peoplePickerValue, submitFormAction } from './actions.js';
import { detailsElements, idSource, type IdSource } from './details.js';
import { headingBlock, problemText, smallPrint, textBlock, tonedText } from './elements.js';
import { recommendationElement } from './recommendation.js';

/**
 * A whole dialog as one card of inputs. Required answers are checked by Teams before sending;
 * everything else (a date that does not exist, a pupil not found) comes back from the server
 * with the message in red right under the input, and every answer kept.
 */

/** For a question that sets no limit of its own (QuestionView.maxLength). */
export const TEXT_MAX = 300;
export const LONGTEXT_MAX = 2000;

const NUMBER = /^-?\d+(\.\d+)?$/;

function label(q: QuestionView): string {
  return q.optional ? `${q.prompt} (optional)` : q.prompt;
}

function errorMessage(q: QuestionView): string {
  return q.kind === 'choice' || q.kind === 'yesno' || q.lookup ? 'Please pick one.' : 'Please answer this one.';
}

/** The core has already turned the last answer into a choice's value when it matched one. */
const choiceValue = (q: QuestionView): string | undefined =>
  q.value !== undefined && (q.kind === 'yesno' ? ['yes', 'no'] : (q.choices ?? []).map((c) => c.value)).includes(q.value) ? q.value : undefined;

const YES_NO = [
  { title: 'Yes', value: 'yes' },
  { title: 'No', value: 'no' },
];

function choiceInput(q: QuestionView, base: Pick<ChoiceSetInput, 'id' | 'label' | 'isRequired' | 'errorMessage'>): ChoiceSetInput {
  const choices = q.kind === 'yesno' ? YES_NO : (q.choices ?? []).map((c) => ({ title: c.label, value: c.value }));
  const value = choiceValue(q);
  return {
    type: 'Input.ChoiceSet',
    ...base,
    choices,
    style: q.kind === 'yesno' || choices.length <= 4 ? 'expanded' : 'compact',
    // Long labels ("A plan is in place, not yet reviewed") wrap at phone width instead of being cut.
    wrap: true,
    ...(value !== undefined ? { value } : {}),
    ...(q.kind === 'choice' && choices.length > 4 ? { placeholder: 'Choose one' } : {}),
  };
}

const LOOKUP_PLACEHOLDER: Record<Lookup, string> = { pupil: 'Type a reference or initials', staff: 'Type a name' };

/**
 * A picker that searches as the person types (Data.Query): the bot's pupils, or Teams' people picker.
 * What is chosen already (or was typed and refused) is the first static choice, so it shows and is
 * sent again; the form's ready-made choices (QuestionView.offered) follow, so a client that cannot
 * search (the Agents Playground) still offers the person's pupils or colleagues to pick. Teams shows
 * both: its schema allows `choices` beside `choices.data`.
 */
function lookupInput(q: QuestionView, lookup: Lookup, base: Pick<ChoiceSetInput, 'id' | 'label' | 'isRequired' | 'errorMessage'>): ChoiceSetInput {
  const asValue = (v: string) => (lookup === 'staff' ? peoplePickerValue(v) : v);
  const current = q.picked ? { title: q.picked.label, value: asValue(q.picked.value) } : q.value?.trim() ? { title: q.value.trim(), value: asValue(q.value.trim()) } : undefined;
  const offered = (q.offered ?? []).map((c) => ({ title: c.label, value: asValue(c.value) })).filter((c) => c.value !== current?.value);
  return {
    type: 'Input.ChoiceSet',
    ...base,
    // Teams' people picker is the plain (compact) style, as Microsoft's examples have it.
    ...(lookup === 'pupil' ? { style: 'filtered' as const } : {}),
    choices: current ? [current, ...offered] : offered,
    // Labels such as "AB (ref 4021, Year 8)" wrap at phone width instead of being cut.
    ...(offered.length ? { wrap: true } : {}),
    'choices.data': { type: 'Data.Query', dataset: DATASET[lookup] },
    placeholder: q.defaultLabel ? `${LOOKUP_PLACEHOLDER[lookup]}, or leave blank for: ${q.defaultLabel}` : LOOKUP_PLACEHOLDER[lookup],
    ...(current ? { value: current.value } : {}),
  };
}

export function questionInput(q: QuestionView): Input {
  const base = { id: inputIdFor(q.id), label: label(q), isRequired: !q.optional, ...(q.optional ? {} : { errorMessage: errorMessage(q) }) };
  if (q.lookup) return lookupInput(q, q.lookup, base);
  const placeholder = q.defaultLabel ? { placeholder: `Leave blank for: ${q.defaultLabel}` } : {};
  const text = q.value !== undefined && q.value !== '' ? { value: q.value } : {};
  switch (q.kind) {
    case 'text':
      return { type: 'Input.Text', ...base, maxLength: q.maxLength ?? TEXT_MAX, ...placeholder, ...text };
    case 'longtext':
      return { type: 'Input.Text', ...base, isMultiline: true, maxLength: q.maxLength ?? LONGTEXT_MAX, ...placeholder, ...text };
    case 'list':
      return { type: 'Input.Text', ...base, isMultiline: true, maxLength: q.maxLength ?? LONGTEXT_MAX, placeholder: 'One per line', ...text };
    case 'number':
      return { type: 'Input.Number', ...base, ...placeholder, ...(q.value && NUMBER.test(q.value.trim()) ? { value: Number(q.value.trim()) } : {}) };
    case 'date':
      return { type: 'Input.Date', ...base, ...(q.value && isRealDate(q.value.trim()) ? { value: q.value.trim() } : {}) };
    case 'choice':
    case 'yesno':
      return choiceInput(q, base);
  }
}

/** Help and "leave blank for", small under the input. */
function helpText(q: QuestionView): TextBlock | undefined {
  const parts = [q.help, q.defaultLabel ? `Leave blank for: ${q.defaultLabel}.` : undefined].filter((p): p is string => !!p);
  return parts.length ? smallPrint(parts.join(' '), { spacing: 'None' }) : undefined;
}

/** What to read before answering, above the input: guidance as on any card, and plain lines. */
export function readFirstElements(blocks: readonly ReadFirst[] = []): Element[] {
  return blocks.map((b) => (b.type === 'recommendation' ? recommendationElement(b.rec) : tonedText(b.text, b.tone)));
}

export function questionElements(q: QuestionView): Element[] {
  const help = helpText(q);
  return [
    ...readFirstElements(q.before),
    { ...questionInput(q), spacing: 'Medium' },
    ...(q.error ? [problemText(q.error, { size: 'Small', spacing: 'Small' })] : []),
    ...(help ? [help] : []),
  ];
}

/**
 * A yes/no that confirms a save (QuestionView.confirm) as the card's first screen: the question, the
 * brief (every check that applies to this pupil, by title, in bold), its yes and no
 * as buttons that send the whole form, and the reading behind "Why these checks". The brief comes
 * before the buttons, so no one records a suspension of a looked-after child without having seen the
 * Virtual School's check (fresh tester, 1 Dec). The buttons send the other inputs too, so an answer
 * changed further down is checked again.
 */
function confirmElements(form: FormView, q: QuestionView & { confirm: ConfirmFirst }, nextId: IdSource): Element[] {
  return [
    textBlock(q.confirm.prompt, { weight: 'Bolder', spacing: 'Medium' }),
    ...(q.error ? [problemText(q.error, { size: 'Small', spacing: 'Small' })] : []),
    textBlock(q.confirm.brief, { spacing: 'Small', weight: 'Bolder' }),
    {
      type: 'ActionSet',
      spacing: 'Small',
      actions: [answerFormAction(form, 'Yes, record it', q.id, 'yes', 'positive'), answerFormAction(form, 'No, do not record it', q.id, 'no')],
    },
    ...detailsElements(readFirstElements(q.before), nextId, { show: 'Why these checks', hide: 'Hide the checks' }),
  ];
}

export function formElements(form: FormView, nextId: IdSource = idSource('form')): Element[] {
  const hasErrors = form.questions.some((q) => q.error);
  const confirm = form.questions.find((q): q is QuestionView & { confirm: ConfirmFirst } => !!q.confirm);
  const intro = form.intro ? [textBlock(form.intro, { isSubtle: true, spacing: 'Small' })] : [];
  const notice = form.notice ? [hasErrors ? problemText(form.notice) : textBlock(form.notice, { weight: 'Bolder' })] : [];
  if (confirm) {
    // The question to answer now leads; the rest of the form follows, to change an answer if need be.
    return [
      headingBlock(form.title),
      ...confirmElements(form, confirm, nextId),
      ...notice,
      ...form.questions.filter((q) => q !== confirm).flatMap(questionElements),
      { type: 'ActionSet', spacing: 'Large', actions: [cancelFormAction(form)] },
    ];
  }
  return [
    headingBlock(form.title),
    ...intro,
    ...notice,
    ...form.questions.flatMap(questionElements),
    { type: 'ActionSet', spacing: 'Large', actions: [submitFormAction(form), cancelFormAction(form)] },
  ];
}
