import type { Contact } from '../../../knowledge/schema/common.js';
import type { OpenUrlAction, TextBlock } from './adaptive-types.js';
import { smallPrint } from './elements.js';

/** Contacts as buttons: Call (tel:), Email (mailto:), Website (https only); at most one of each. */

type Kind = Contact['kind'];
const BUTTON_KINDS: readonly Kind[] = ['phone', 'email', 'web'];

export function contactUrl(c: Contact): string | undefined {
  switch (c.kind) {
    case 'phone':
      return `tel:${c.value.replace(/\s+/g, '')}`;
    case 'email':
      return `mailto:${c.value}`;
    case 'web':
      // Teams opens https links only; an http address is shown as text instead.
      return /^https:\/\//i.test(c.value) ? c.value : undefined;
    case 'address':
      return undefined;
  }
}

function buttonTitle(c: Contact): string {
  // The number is in the title so it can be read and dialled where tel: links do not open (desktop).
  return c.kind === 'phone' ? `Call ${c.value}` : c.kind === 'email' ? 'Email' : 'Website';
}

const firstOf = (contacts: readonly Contact[], kind: Kind): Contact | undefined => contacts.find((c) => c.kind === kind && contactUrl(c));

/** Up to three buttons: the first usable phone, email and website, in that order. */
export function contactButtons(contacts: readonly Contact[]): OpenUrlAction[] {
  return BUTTON_KINDS.flatMap((kind) => {
    const c = firstOf(contacts, kind);
    const url = c && contactUrl(c);
    return c && url ? [{ type: 'Action.OpenUrl' as const, title: buttonTitle(c), url }] : [];
  });
}

/**
 * A website that cannot be a button (an http address) as a Markdown link named for the service
 * ("Worcestershire Virtual School"), not its address: a long URL is one unbreakable word, which ran
 * past a phone-width card or broke mid-word. Without a label, the host name; without a scheme it
 * could be opened with, the address as it is.
 */
function webLink(c: Contact): string {
  const url = c.value.trim();
  if (!/^https?:\/\/[^\s()]+$/i.test(url)) return url;
  const name = c.label?.split(' | ')[0]?.trim() || (url.replace(/^https?:\/\/(www\.)?/i, '').split(/[/?#]/)[0] ?? url);
  return `[${name.replace(/[[\]\\]/g, '')}](${url})`;
}

/** What buttons cannot carry: the email address, phone hours, a postal address or a non-https website. */
export function contactNotes(contacts: readonly Contact[]): TextBlock[] {
  const notes: string[] = [];
  const phone = firstOf(contacts, 'phone');
  if (phone?.kind === 'phone' && phone.hours) notes.push(`Phone lines: ${phone.hours}`);
  const email = firstOf(contacts, 'email');
  if (email) notes.push(`Email: ${email.value}`);
  if (!firstOf(contacts, 'web')) {
    const plain = contacts.find((c) => c.kind === 'web');
    if (plain) notes.push(`Website: ${webLink(plain)}`);
  }
  const address = contacts.find((c) => c.kind === 'address');
  if (address) notes.push(`Address: ${address.value}`);
  return notes.map((n) => smallPrint(n, { spacing: 'None' }));
}
