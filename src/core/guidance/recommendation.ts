import type { KnowledgePack } from '../../knowledge/schema/pack.js';
import type { LeadRole, SeedRef } from '../../knowledge/schema/common.js';
import type { PathwayAction } from '../../knowledge/schema/pathway.js';
import type { Advice } from '../../knowledge/schema/rules.js';
import type { Recommendation, RecommendationKind, ServiceLink } from './types.js';

/** "Class teacher … and SENDCo", in the pack's own words for each role. */
export function leadLabel(pack: KnowledgePack, roles: readonly LeadRole[]): string {
  const labels = roles.map((r) => pack.pathway?.leadRoleLabels[r] ?? r);
  return labels.length <= 1 ? (labels[0] ?? '') : `${labels.slice(0, -1).join(', ')} and ${labels.at(-1)}`;
}

/** "Worcestershire: Graduated Response…, Step 2 – action 5", falling back to the seed id. */
export function citation(pack: KnowledgePack, source: SeedRef): string {
  return `${pack.sources[source.seed] ?? `document ${source.seed}`}, ${source.section}`;
}

export function serviceLinks(pack: KnowledgePack, ids: readonly string[]): ServiceLink[] {
  return ids.flatMap((id) => {
    const s = pack.services.find((x) => x.id === id);
    return s ? [{ id: s.id, name: s.name, contacts: s.contacts }] : [];
  });
}

export function fromAdvice(pack: KnowledgePack, id: string, kind: RecommendationKind, advice: Advice, because?: string): Recommendation {
  return {
    id,
    kind,
    title: advice.title,
    detail: advice.detail,
    ledBy: advice.ledBy,
    ledByLabel: leadLabel(pack, advice.ledBy),
    source: advice.source,
    citation: citation(pack, advice.source),
    services: serviceLinks(pack, advice.serviceIds),
    ...(because ? { because } : {}),
    ...(advice.brief ? { brief: advice.brief } : {}),
  };
}

/**
 * A pathway action as a recommendation. For review actions whose outcome is known, the detail
 * says what that outcome means rather than restating the question.
 */
export function fromAction(pack: KnowledgePack, action: PathwayAction, outcome?: 'positive' | 'no-change'): Recommendation {
  let detail = action.detail;
  if (outcome && action.outcome) detail = `${detail} ${outcome === 'positive' ? action.outcome.positive : action.outcome.noChange}`;
  if (action.reviewQuestions.length) detail += ` Ask: ${action.reviewQuestions.join(' ')}`;
  if (action.tools.length) detail += ` Tools to consider: ${action.tools.join(', ')}.`;
  return {
    id: `action-${action.id}`,
    kind: 'action',
    title: `${action.id}. ${action.title}`,
    detail,
    ledBy: action.ledBy,
    ledByLabel: leadLabel(pack, action.ledBy),
    source: action.source,
    citation: citation(pack, action.source),
    services: [],
    actionRef: action.id,
  };
}
