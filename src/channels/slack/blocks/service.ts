import type { SignpostResult } from '../../../core/signpost/signpost.js';
import type { Budget } from './budget.js';
import { contactLines } from './contacts.js';
import type { KnownBlock } from './slack-types.js';
import { context, escape, LIMITS, oneLine, safe, section } from './text.js';

/** One signposting result: rank, name and what they do with their contacts; why it matched in small print. */

const words = (slug: string) => slug.replace(/-/g, ' ').replace(/\b\w/g, (c) => c.toUpperCase());

/** Ages, delivery, districts and registration in one line, when the directory has them. */
export function serviceDetails(r: SignpostResult): string | undefined {
  const parts: string[] = [];
  if (r.ages) parts.push(`Ages ${r.ages.min}–${r.ages.max}`);
  if (r.modes?.length) parts.push(r.modes.map((m) => (m === 'online' ? 'online' : 'face to face')).join(' or '));
  if (r.districts?.length) parts.push(r.districts.map(words).join(', '));
  if (r.registered !== undefined) parts.push(r.registered ? 'registered' : 'not registered');
  return parts.length ? escape(parts.join(' · ')) : undefined;
}

export function serviceBlocks(rank: number, r: SignpostResult, budget: Budget): KnownBlock[] {
  const title = `*${rank}. ${safe(oneLine(r.name), 300)}*`;
  const contacts = contactLines(r.contacts);
  const room = LIMITS.sectionText - contacts.join('\n').length - title.length - 2;
  const summary = safe(r.summary, Math.max(200, Math.min(budget.maxChars, room)));
  const details = serviceDetails(r);
  const small = [...(r.why.length ? [`Why it matched: ${escape(r.why.join('; '))}`] : []), ...(details ? [details] : [])];
  return [section([title, summary, ...contacts].join('\n')), ...(small.length ? [context(...small)] : [])];
}
