import type { Recommendation, RecommendationKind, ServiceLink } from '../../../core/guidance/types.js';
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

export function recommendationElement(rec: Recommendation, budget: Budget = FULL): Container {
  const items: Element[] = [
    // The attention band marks safeguarding; its title keeps the default colour, which reads on the band in every theme.
    textBlock(rec.kind === 'safeguarding' ? `⚠ ${rec.title}` : rec.title, { weight: 'Bolder' }),
    textBlock(clip(rec.detail, budget.maxChars), { spacing: 'Small' }),
  ];
  if (rec.because) items.push(textBlock(`**Why:** ${rec.because}`, { spacing: 'Small' }));
  items.push(textBlock(`**Led by:** ${rec.ledByLabel}`, { spacing: 'Small' }));
  for (const s of rec.services) items.push(...serviceContacts(s));
  items.push(smallPrint(`Source: ${rec.citation}`));
  return container(items, STYLE[rec.kind], { spacing: 'Medium' });
}
