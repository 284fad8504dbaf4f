import type { Recommendation, RecommendationKind } from '../../../core/guidance/types.js';
import { serviceContactLines } from './contacts.js';
import type { KnownBlock } from './slack-types.js';
import { context, escape, LIMITS, oneLine, safe, section } from './text.js';
import type { Budget } from './budget.js';
import type { RecommendationPart } from '../../../core/views/view.js';

/**
 * One piece of guidance: what to do and the services to contact, then in small print why it
 * applies, who leads it and where it comes from. Safeguarding is marked 🚨, warnings ⚠️.
 */

const MARK: Record<RecommendationKind, string> = { safeguarding: '🚨 ', warning: '⚠️ ', action: '', info: '' };

/** The recommendation, or the part of it a first screen or its details show (RecommendationPart). */
export function recommendationBlocks(rec: Recommendation, budget: Budget, part?: RecommendationPart): KnownBlock[] {
  const heading = `${MARK[rec.kind]}*${safe(oneLine(rec.title), 300)}*`;
  const why = [...(rec.because ? [`*Why:* ${escape(rec.because)}`] : []), `*Led by:* ${escape(rec.ledByLabel)}`];
  if (part === 'brief') return [section(heading), context(...why)];
  // A warning's one-sentence obligation; its full words are in the details.
  if (part === 'notice') return [section(`${MARK[rec.kind]}*${safe(oneLine(rec.brief ?? rec.title), 300)}*`), ...(rec.because ? [context(`*Why:* ${escape(rec.because)}`)] : [])];
  // A legal warning in full: all of its words, none of the budget's clipping (a section holds 3,000 characters).
  if (part === 'words') return [section([heading, safe(rec.detail, LIMITS.sectionText - heading.length - 1)].join('\n')), context(...why)];
  if (part === 'refs') {
    const contacts = rec.services.flatMap((s) => ['', ...serviceContactLines(s)]);
    return [section([heading, ...contacts].join('\n')), context(`Source: ${escape(rec.citation)}`)];
  }
  const contacts = rec.services.flatMap((s) => ['', ...serviceContactLines(s)]);
  // The detail gives way to the contacts: who to call matters more than the last lines of advice.
  const title = `${MARK[rec.kind]}*${safe(oneLine(rec.title), 300)}*`;
  const room = LIMITS.sectionText - contacts.join('\n').length - title.length - 2;
  const detail = safe(rec.detail, Math.max(200, Math.min(budget.maxChars, room)));
  const small = [
    ...(rec.because ? [`*Why:* ${escape(rec.because)}`] : []),
    `*Led by:* ${escape(rec.ledByLabel)}`,
    `Source: ${escape(rec.citation)}`,
  ];
  return [section([title, detail, ...contacts].join('\n')), context(...small)];
}
