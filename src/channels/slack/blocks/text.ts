import { clip } from '../../../core/views/fit.js';
import type { ContextBlock, HeaderBlock, MrkdwnElement, PlainTextElement, SectionBlock } from './slack-types.js';

/**
 * Slack's limits, from the @slack/types JSDoc and the Block Kit reference. Anything longer is
 * refused by the API (`invalid_blocks`), so every text is clipped to these before it is sent.
 */
export const LIMITS = {
  messageBlocks: 50,
  viewBlocks: 100,
  sectionText: 3000,
  headerText: 150,
  sectionFields: 10,
  fieldText: 2000,
  actionsElements: 25,
  contextElements: 10,
  /** Any text object (context elements included). */
  textObject: 3000,
  buttonText: 75,
  buttonValue: 2000,
  /** block_id, action_id and callback_id. */
  id: 255,
  selectOptions: 100,
  radioOptions: 10,
  optionText: 75,
  /** @slack/types says 75 (the Block Kit reference says 150); the stricter one is used. */
  optionValue: 75,
  inputLabel: 2000,
  hint: 2000,
  placeholder: 150,
  modalTitle: 24,
  modalButton: 24,
  privateMetadata: 3000,
  plainTextInputMax: 3000,
} as const;

/** Our own choices, not Slack's. */
export const FALLBACK_TEXT_MAX = 200;
/** Slack documents no limit for `response_action: 'errors'` messages; they show under an input, so keep them short. */
export const ERROR_TEXT_MAX = 300;

/**
 * Text for mrkdwn: Slack reads `<…>` as links and mentions and `&` as an entity, so what staff
 * typed (a search, a note) is escaped and can never become a link, a mention or @channel.
 */
export const escape = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Text cut to a length at a word boundary where one is near, with an ellipsis. */
// Cutting text is the core's, shared with every channel.
export { clip };

/**
 * mrkdwn cut to a length without breaking it: never inside an entity (`&amp;`) or a link
 * (`<https://…|label>`), which would show as garbage or a broken link.
 */
export function clipMarkup(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = clip(text, max).replace(/…$/, '');
  const open = cut.lastIndexOf('<');
  if (open > cut.lastIndexOf('>')) cut = cut.slice(0, open);
  cut = cut.replace(/&[a-z#0-9]*$/i, '').trimEnd();
  return `${cut}…`;
}

/** Escaped and clipped: typed text as mrkdwn of at most `max` characters. */
export const safe = (text: string, max: number): string => clipMarkup(escape(text), max);

/** One line: newlines in typed text would break a bullet or a field apart. */
export const oneLine = (text: string): string => text.replace(/\s*[\r\n]+\s*/g, ' ').trim();

export const plain = (text: string, max: number = LIMITS.textObject): PlainTextElement => ({ type: 'plain_text', text: clip(text, max), emoji: true });

/** mrkdwn already escaped by its builder. */
export const mrkdwn = (text: string, max: number = LIMITS.textObject): MrkdwnElement => ({ type: 'mrkdwn', text: clipMarkup(text, max) });

export const header = (text: string): HeaderBlock => ({ type: 'header', text: plain(oneLine(text), LIMITS.headerText) });

export const section = (markup: string): SectionBlock => ({ type: 'section', text: mrkdwn(markup, LIMITS.sectionText) });

/** Small grey print: one element per part, at most ten. */
export const context = (...parts: string[]): ContextBlock => ({
  type: 'context',
  elements: parts.slice(0, LIMITS.contextElements).map((p) => mrkdwn(p)),
});

/** "…and 12 more", under a list or a run of results that was shortened. */
export const andMore = (n: number): ContextBlock => context(`…and ${n} more`);

/** Splits lines into texts of at most `max` characters, keeping lines whole where they fit. */
export function chunkLines(lines: readonly string[], max: number): string[] {
  const chunks: string[] = [];
  let current = '';
  for (const raw of lines) {
    const line = clipMarkup(raw, max);
    if (current && current.length + 1 + line.length > max) {
      chunks.push(current);
      current = '';
    }
    current = current ? `${current}\n${line}` : line;
  }
  if (current) chunks.push(current);
  return chunks;
}
