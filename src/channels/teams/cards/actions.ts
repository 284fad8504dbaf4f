import { z } from 'zod/v4';
import type { SignpostFilters } from '../../../core/signpost/signpost.js';
import type { FormView, Lookup } from '../../../core/views/view.js';
import { cleanFilters } from '../../../core/signpost/clean-filters.js';
import type { ActionStyle, AssociatedInputs, ExecuteAction, JsonObject } from './adaptive-types.js';

/**
 * The contract between the cards and the handlers that receive their buttons. Every button is an
 * Action.Execute (Universal Actions, so Teams updates the card in place) with an Action.Submit
 * fallback; both carry the verb inside `data` too, because teams-ai routes Action.Submit by
 * `data.verb`. Inputs arrive merged into `data`, with ids prefixed so they never collide with it.
 */
export const VERB = { command: 'command', submitForm: 'form.submit', cancelForm: 'form.cancel', search: 'signpost.search' } as const;
export type Verb = (typeof VERB)[keyof typeof VERB];
export const VERBS: readonly Verb[] = Object.values(VERB);

/**
 * The datasets a picker asks for (`Data.Query`): pupils are searched by the bot (an
 * `application/search` invoke); staff by Teams' own people picker, which sends back the person's
 * Entra (AAD) object id, the id this bot keys staff on (`teams:<id>`).
 */
export const DATASET = { pupil: 'pupils', staff: 'graph.microsoft.com/users' } as const satisfies Record<Lookup, string>;

/** A staff id as Teams' people picker holds it: the bare AAD object id of a `teams:` id; any other id as it is. */
export const peoplePickerValue = (staffId: string): string => staffId.replace(/^teams:/, '');

/** Form inputs are `q_<questionId>`; search inputs are fixed. */
export const QUESTION_PREFIX = 'q_';
export const inputIdFor = (questionId: string): string => `${QUESTION_PREFIX}${questionId}`;
export const SEARCH_INPUT = { query: 's_query', phase: 's_phase', district: 's_district', mode: 's_mode', age: 's_age' } as const;
/** The "Any" choice on the search card; an empty value means the same. */
export const ANY = 'any';

export interface ActionOptions {
  associatedInputs?: AssociatedInputs;
  style?: ActionStyle;
}

export function executeAction(title: string, verb: Verb, data: JsonObject = {}, opts: ActionOptions = {}): ExecuteAction {
  const payload: JsonObject = { ...data, verb };
  const extra = { ...(opts.associatedInputs ? { associatedInputs: opts.associatedInputs } : {}), ...(opts.style ? { style: opts.style } : {}) };
  return {
    type: 'Action.Execute',
    title,
    verb,
    data: payload,
    ...extra,
    fallback: { type: 'Action.Submit', title, data: { ...payload }, ...extra },
  };
}

/** A button that sends a command exactly as if it had been typed, e.g. "what next" or "review for 4021". */
export const commandAction = (title: string, command: string): ExecuteAction =>
  executeAction(title, VERB.command, { command }, { associatedInputs: 'none' });

export const submitFormAction = (form: FormView): ExecuteAction =>
  executeAction(form.submitLabel, VERB.submitForm, { dialogId: form.dialogId, formId: form.formId, shown: form.questions.map((q) => q.id) }, { associatedInputs: 'auto', style: 'positive' });

/**
 * A button that submits the form with one question answered by the button itself (a confirm's yes
 * or no), the form's inputs with it; the data's `q_` value reads as that input would.
 */
export const answerFormAction = (form: FormView, title: string, questionId: string, value: string, style?: ActionStyle): ExecuteAction =>
  executeAction(title, VERB.submitForm, { dialogId: form.dialogId, formId: form.formId, shown: form.questions.map((q) => q.id), [inputIdFor(questionId)]: value }, { associatedInputs: 'auto', ...(style ? { style } : {}) });

export const cancelFormAction = (form: FormView): ExecuteAction =>
  executeAction('Cancel', VERB.cancelForm, { dialogId: form.dialogId, formId: form.formId }, { associatedInputs: 'none' });

export const searchAction = (): ExecuteAction => executeAction('Search', VERB.search, {}, { associatedInputs: 'auto', style: 'positive' });

// ---- What the handlers receive ------------------------------------------------------------------

export const CommandData = z.looseObject({ verb: z.literal(VERB.command), command: z.string().trim().min(1).max(300) });
export type CommandData = z.infer<typeof CommandData>;

export const FormSubmitData = z.looseObject({
  verb: z.literal(VERB.submitForm),
  dialogId: z.string().min(1).max(100),
  formId: z.string().min(1).max(100),
  shown: z.array(z.string().max(200)).max(500),
});
export type FormSubmitData = z.infer<typeof FormSubmitData>;

export const FormCancelData = z.looseObject({ verb: z.literal(VERB.cancelForm), dialogId: z.string().min(1).max(100), formId: z.string().min(1).max(100) });
export type FormCancelData = z.infer<typeof FormCancelData>;

export const SearchData = z.looseObject({ verb: z.literal(VERB.search) });
export type SearchData = z.infer<typeof SearchData>;

/** An input's value as a string: Teams sends strings, other clients may send numbers or booleans. */
function asText(v: unknown): string | undefined {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  if (typeof v === 'boolean') return String(v);
  return undefined;
}

/** The form's answers, question id → raw text, from the `q_` inputs merged into the data. */
export function formValuesFrom(data: Readonly<Record<string, unknown>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, v] of Object.entries(data)) {
    if (!key.startsWith(QUESTION_PREFIX) || key.length === QUESTION_PREFIX.length) continue;
    const text = asText(v);
    if (text !== undefined) out[key.slice(QUESTION_PREFIX.length)] = text;
  }
  return out;
}

/** A picked filter's text, or undefined for "Any" and blanks; cleanFilters checks the value. */
function picked(v: unknown): string | undefined {
  const text = asText(v)?.trim();
  return !text || text === ANY ? undefined : text;
}

/** The search card's query and filters; a bad filter is dropped rather than refused. */
export function searchFrom(data: Readonly<Record<string, unknown>>): { query: string; filters: SignpostFilters } {
  // Whole, so the safeguarding check reads every word; the search reads the start (searchPart).
  const query = (asText(data[SEARCH_INPUT.query]) ?? '').trim().replace(/\s+/g, ' ');
  return {
    query,
    filters: cleanFilters({ phase: picked(data[SEARCH_INPUT.phase]), district: picked(data[SEARCH_INPUT.district]), mode: picked(data[SEARCH_INPUT.mode]), age: picked(data[SEARCH_INPUT.age]) }),
  };
}
