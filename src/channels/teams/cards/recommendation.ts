import type { Recommendation, RecommendationKind, ServiceLink } from '../../../core/guidance/types.js';
import type { RecommendationPart } from '../../../core/views/view.js';
import type { Container, ContainerStyle, Element } from './adaptive-types.js';
import { contactButtons, contactNotes } from './contacts.js';
import { actionSets, clip, container, FULL, smallPrint, textBlock, type Budget } from './elements.js';

/**
 * One piece of guidance: what to do, why it applies, who leads it, where it comes from, and who to
 * contact. Safeguarding stands out on the attention band, warnings on the warning band.
 */

const STYLE: Record<RecommendationKind, ContainerStyle> = { safeguarding: 'attention', warning: 'warning', action: 'emphasis', info: 'emphasis' };

function serviceContacts(s: ServiceLink): Element[] {
  const buttons = contactButtons(s.contacts);
  return [
    textBlock(`**Contact:** ${s.name}`, { spacing: 'Small' }),
    ...contactNotes(s.contacts),
    ...actionSets(buttons, 'None'),
  ];
}

/** The recommendation, or the part of it a first screen or its details show (RecommendationPart). */
export function recommendationElement(rec: Recommendation, budget: Budget = FULL, part?: RecommendationPart): Container {
  // "8. SENDCo and staff member…" would be read as a numbered list and indented past the card's edge.
  const words = rec.title.replace(/^(\d+[a-z]?)\. /, '$1\\. ');
  // The attention band marks safeguarding; its title keeps the default colour, which reads on the band in every theme.
  const title = textBlock(rec.kind === 'safeguarding' ? `⚠ ${words}` : words, { weight: 'Bolder' });
  if (part === 'notice') {
    // A warning's one-sentence obligation on its band; its full words are in the details.
    const brief = textBlock(rec.kind === 'safeguarding' ? `⚠ ${rec.brief ?? words}` : (rec.brief ?? words), { weight: 'Bolder' });
    return container([brief, ...(rec.because ? [textBlock(`**Why:** ${rec.because}`, { spacing: 'Small' })] : [])], STYLE[rec.kind], { spacing: 'Small' });
  }
  if (part === 'brief') {
    const lines = [...(rec.because ? [`**Why:** ${rec.because}`] : []), `**Led by:** ${rec.ledByLabel}`];
    return container([title, textBlock(lines.join('\n\n'), { spacing: 'Small' })], STYLE[rec.kind], { spacing: 'Small' });
  }
  const items: Element[] = [title];
  if (part !== 'refs') {
    // A legal warning in full is never clipped, whatever the card's budget.
    items.push(textBlock(part === 'words' ? rec.detail : clip(rec.detail, budget.maxChars), { spacing: 'Small' }));
    if (rec.because) items.push(textBlock(`**Why:** ${rec.because}`, { spacing: 'Small' }));
    items.push(textBlock(`**Led by:** ${rec.ledByLabel}`, { spacing: 'Small' }));
  }
  if (part === 'words') return container(items, STYLE[rec.kind], { spacing: 'Medium' });
  for (const s of rec.services) items.push(...serviceContacts(s));
  items.push(smallPrint(`Source: ${rec.citation}`));
  return container(items, STYLE[rec.kind], { spacing: 'Medium' });
}
