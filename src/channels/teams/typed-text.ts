import type { Activity } from 'botbuilder';

/**
 * What the person typed, as Teams delivered it: `text`, or, when some clients leave that empty,
 * the HTML of a text/html attachment (never any other attachment, and never a file). It is not
 * cleaned here: the core cleans every channel's text once (cleanChannelText), and decoding
 * entities twice would change the words ("&amp;lt;b&amp;gt;" typed as text would lose its tags' letters).
 */
export function typedText(a: Partial<Activity>): string {
  const typed = (a.text ?? '').trim();
  if (typed) return typed;
  const html = a.attachments?.find((x) => x.contentType === 'text/html' && typeof x.content === 'string');
  return html ? (html.content as string) : '';
}
