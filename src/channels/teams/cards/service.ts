import type { SignpostResult } from '../../../core/signpost/signpost.js';
import type { Container, Element } from './adaptive-types.js';
import { contactButtons, contactNotes } from './contacts.js';
import { actionSets, clip, container, FULL, smallPrint, textBlock, type Budget } from './elements.js';

/** One signposting result: who they are, why they matched, and Call / Email / Website buttons. */

const words = (slug: string) => slug.replace(/-/g, ' ').replace(/\b\w/g, (c) => c.toUpperCase());

/** Ages, delivery, districts and registration in one line, when the directory has them. */
function details(r: SignpostResult): string | undefined {
  const parts: string[] = [];
  if (r.ages) parts.push(`Ages ${r.ages.min}–${r.ages.max}`);
  if (r.modes?.length) parts.push(r.modes.map((m) => (m === 'online' ? 'online' : 'face to face')).join(' or '));
  if (r.districts?.length) parts.push(r.districts.map(words).join(', '));
  if (r.registered !== undefined) parts.push(r.registered ? 'registered' : 'not registered');
  return parts.length ? parts.join(' · ') : undefined;
}

export function serviceElement(rank: number, r: SignpostResult, budget: Budget = FULL): Container {
  const items: Element[] = [textBlock(`**${rank}. ${r.name}**`), textBlock(clip(r.summary, budget.maxChars), { spacing: 'Small' })];
  if (r.why.length) items.push(smallPrint(`Why it matched: ${r.why.join('; ')}`));
  const more = details(r);
  if (more) items.push(smallPrint(more, { spacing: 'None' }));
  items.push(...contactNotes(r.contacts), ...actionSets(contactButtons(r.contacts)));
  return container(items, 'emphasis', { spacing: 'Medium' });
}
