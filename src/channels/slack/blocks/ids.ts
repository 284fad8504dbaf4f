import { cleanFilters } from '../../../core/signpost/clean-filters.js';
import { z } from 'zod/v4';
import type { SignpostFilters } from '../../../core/signpost/signpost.js';
import { LIMITS } from './text.js';

/**
 * The contract between the blocks and the Slack listeners: which action_id each button has, which
 * callback_id each modal has, and what their values and private_metadata carry.
 */

/**
 * Button action_ids. Several buttons of one kind in a view get `:1`, `:2`… so each is unique. A
 * page button sends its command like a command button, and its answer replaces the message it was on.
 */
export const ACTION = { command: 'gr_command', page: 'gr_page', openForm: 'gr_open_form', back: 'gr_back', refineSearch: 'gr_refine_search', details: 'gr_details' } as const;
export type ActionKind = (typeof ACTION)[keyof typeof ACTION];
const KINDS: readonly string[] = Object.values(ACTION);

/** The kind of button an action_id belongs to, without its `:<n>`; undefined for anything else. */
export function actionKind(actionId: string): ActionKind | undefined {
  const kind = actionId.replace(/:\d+$/, '');
  return KINDS.includes(kind) ? (kind as ActionKind) : undefined;
}

export const numberedAction = (kind: string, n: number): string => `${kind}:${n}`;

/** Modal callback_ids. */
export const CALLBACK = { form: 'gr_form', search: 'gr_search' } as const;

/** Every input's element has this action_id; the block_id says which question or filter it is. */
export const VALUE_ACTION = 'value';

/**
 * The pupil picker (an external_select) has its own action_id, so the options it asks for as the
 * person types (a block_suggestion to the options load URL) are told from any other select's.
 */
export const PUPIL_LOOKUP_ACTION = 'lookup_pupil';

const QUESTION_PREFIX = 'q_';
export const blockIdFor = (questionId: string): string => `${QUESTION_PREFIX}${questionId}`;
export function questionIdOf(blockId: string): string | undefined {
  return blockId.startsWith(QUESTION_PREFIX) && blockId.length > QUESTION_PREFIX.length ? blockId.slice(QUESTION_PREFIX.length) : undefined;
}

/** The search modal's input blocks. */
export const SEARCH_BLOCK = { query: 's_query', phase: 's_phase', district: 's_district', mode: 's_mode', age: 's_age' } as const;
/** The "Any" option of a search filter. */
export const ANY = 'any';

// ---- JSON in values and metadata -----------------------------------------------------------------

function parseJson<T>(schema: z.ZodType<T>, text: string | undefined): T | undefined {
  if (!text) return undefined;
  try {
    const r = schema.safeParse(JSON.parse(text));
    return r.success ? r.data : undefined;
  } catch {
    return undefined;
  }
}

const Id = z.string().min(1).max(100);
const QuestionId = z.string().min(1).max(200);

/** An "Open form" button: which dialog, and answers already given ("what next for AB"). */
export const OpenFormValue = z.object({ dialogId: Id, prefill: z.record(QuestionId, z.string().max(LIMITS.buttonValue)).default({}) });
export type OpenFormValue = z.infer<typeof OpenFormValue>;

/** As a button value (≤ 2000 characters): answers that do not fit are left for the form to ask. */
export function encodeOpenForm(v: OpenFormValue): string {
  const entries = Object.entries(v.prefill);
  for (let keep = entries.length; keep >= 0; keep--) {
    const text = JSON.stringify({ dialogId: v.dialogId, prefill: Object.fromEntries(entries.slice(0, keep)) });
    if (text.length <= LIMITS.buttonValue) return text;
  }
  return JSON.stringify({ dialogId: v.dialogId, prefill: {} });
}

export const decodeOpenForm = (value: string | undefined): OpenFormValue | undefined => parseJson(OpenFormValue, value);

/** Search filters as the blocks carry them; a bad one is dropped by the readers, not refused. */
const QUERY_MAX = 300;

/** A "Refine search" button: the search to open the search modal with. */
export const RefineSearchValue = z.object({
  query: z.string().max(QUERY_MAX),
  filters: z
    .looseObject({})
    .catch({})
    .transform((f): SignpostFilters => cleanFilters(f)),
});
export type RefineSearchValue = z.infer<typeof RefineSearchValue>;

export { cleanFilters };

export const encodeRefineSearch = (query: string, filters: SignpostFilters): string =>
  JSON.stringify({ query: query.slice(0, QUERY_MAX), filters: cleanFilters({ ...filters }) });

export const decodeRefineSearch = (value: string | undefined): RefineSearchValue | undefined => parseJson(RefineSearchValue, value);

/**
 * A form modal's private_metadata: the dialog and form it belongs to, the questions on it, and
 * the question sets of earlier steps (newest last) so "← Back" can show the previous step again.
 */
export const FormMetadata = z.object({
  dialogId: Id,
  formId: Id,
  shown: z.array(QuestionId).max(500),
  history: z.array(z.array(QuestionId).max(500)).max(50).default([]),
});
export type FormMetadata = z.infer<typeof FormMetadata>;

/** As private_metadata (≤ 3000 characters): the oldest steps are forgotten first if it is too long. */
export function encodeMetadata(m: FormMetadata): string {
  let history = m.history;
  for (;;) {
    const text = JSON.stringify({ dialogId: m.dialogId, formId: m.formId, shown: m.shown, history });
    if (text.length <= LIMITS.privateMetadata || !history.length) return text;
    history = history.slice(1);
  }
}

export const decodeMetadata = (text: string | undefined): FormMetadata | undefined => parseJson(FormMetadata, text);

/** The search modal needs nothing remembered; the channel to answer in may be kept. */
export const SearchMetadata = z.object({ channelId: z.string().regex(/^[A-Z0-9]{1,40}$/).optional() });
export type SearchMetadata = z.infer<typeof SearchMetadata>;
export const encodeSearchMetadata = (m: SearchMetadata = {}): string => JSON.stringify(SearchMetadata.catch({}).parse(m));
export const decodeSearchMetadata = (text: string | undefined): SearchMetadata | undefined => parseJson(SearchMetadata, text);
