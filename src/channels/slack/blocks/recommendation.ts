import type { Recommendation, RecommendationKind } from '../../../core/guidance/types.js';
import { serviceContactLines } from './contacts.js';
import type { KnownBlock } from './slack-types.js';
import { context, escape, LIMITS, oneLine, safe, section } from './text.js';
import type { Budget } from './budget.js';

/**
 * One piece of guidance: what to do and the services to contact, then in small print why it
 * applies, who leads it and where it comes from. Safeguarding is marked 🚨, warnings ⚠️.
 */

const MARK: Record<RecommendationKind, string> = { safeguarding: '🚨 ', warning: '⚠️ ', action: '', info: '' };

export function recommendationBlocks(rec: Recommendation, budget: Budget): KnownBlock[] {
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
