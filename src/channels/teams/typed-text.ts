import type { Activity } from 'botbuilder';
import { htmlToText } from '../../core/text/html-text.js';

/**
 * What the person typed. Some Teams clients send the words only as an HTML attachment with the
 * `text` empty; then its text is read (never any other attachment, and never a file).
 */
export function typedText(a: Partial<Activity>): string {
  const typed = (a.text ?? '').trim();
  if (typed) return typed;
  const html = a.attachments?.find((x) => x.contentType === 'text/html' && typeof x.content === 'string');
  return html ? htmlToText(html.content as string) : '';
}
