import type { ServiceLink } from '../../../core/guidance/types.js';
import type { Contact } from '../../../knowledge/schema/common.js';
import { escape, oneLine } from './text.js';

/**
 * Contacts as mrkdwn lines: email and websites as links, phone numbers and addresses as text
 * (Slack does not open tel: links from buttons, and a number in text can be read or copied).
 */

/** Link text: Slack ends a link's label at the first `|`, and `&<>` must be escaped. */
const linkLabel = (text: string): string => escape(oneLine(text).replace(/\|/g, '–'));

/** A URL inside `<…|…>`: escaped, and a `|` (which would end the URL) percent-encoded. */
const linkUrl = (url: string): string => escape(url.replace(/\|/g, '%7C').replace(/\s/g, '%20'));

/** "Exclusions and fair access | Worcestershire County Council" → "Exclusions and fair access". */
function webLabel(c: Contact): string {
  const label = c.label?.split(' | ')[0]?.trim();
  return label ? label : 'Website';
}

const note = (parts: (string | undefined)[]): string => {
  const shown = parts.filter((p): p is string => !!p && !!p.trim());
  return shown.length ? ` – ${escape(oneLine(shown.join('; ')))}` : '';
};

export function contactLine(c: Contact): string {
  switch (c.kind) {
    case 'phone':
      return `📞 ${escape(c.value)}${note([c.label, c.hours])}`;
    case 'email':
      return `✉️ <mailto:${linkUrl(c.value)}|${linkLabel(c.value)}>${note([c.label])}`;
    case 'web':
      return /^https?:\/\//i.test(c.value) ? `🌐 <${linkUrl(c.value)}|${linkLabel(webLabel(c))}>` : `🌐 ${escape(c.value)}`;
    case 'address':
      return `📍 ${escape(oneLine(c.value))}`;
  }
}

/** Most contacts a service shows; the directory rarely has more than four. */
export const MAX_CONTACTS = 6;

export const contactLines = (contacts: readonly Contact[]): string[] => contacts.slice(0, MAX_CONTACTS).map(contactLine);

/** "*Contact:* Family Front Door" and its contacts, one per line. */
export function serviceContactLines(s: ServiceLink): string[] {
  return [`*Contact:* ${escape(oneLine(s.name))}`, ...contactLines(s.contacts)];
}
