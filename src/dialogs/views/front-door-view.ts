import { citation, fromAdvice, leadLabel, serviceLinks } from '../../core/guidance/recommendation.js';
import type { Recommendation } from '../../core/guidance/types.js';
import { SUPPORTS_NOT_REPLACES } from '../../core/safeguarding/concern-notice.js';
import { heading, text, type View } from '../../core/views/view.js';
import type { KnowledgePack } from '../../knowledge/schema/pack.js';
import type { Service } from '../../knowledge/schema/services.js';

/**
 * The reply when a referral is for a safeguarding front door (children's social care or the
 * LADO): the safeguarding notice with that service's contact first, then who makes the referral
 * and how, and that nothing was recorded. The pack's own safeguarding advice is used when it has
 * one; otherwise a notice is made from the service.
 */
export function frontDoorViews(pack: KnowledgePack, service: Service, route: NonNullable<Service['safeguardingRoute']>): View[] {
  const advice = pack.rules?.safeguarding.advice;
  const because = `you chose ${service.name}`;
  const notice: Recommendation = advice
    ? { ...fromAdvice(pack, 'safeguarding-first', 'safeguarding', advice, because), services: serviceLinks(pack, [service.id]) }
    : {
        id: 'safeguarding-first',
        kind: 'safeguarding',
        title: 'Possible risk of harm: tell the DSL now',
        detail: 'Tell your school’s Designated Safeguarding Lead straight away. If a child is in immediate danger, call the police.',
        ledBy: ['designated-safeguarding-lead'],
        ledByLabel: leadLabel(pack, ['designated-safeguarding-lead']),
        source: service.source,
        citation: citation(pack, service.source),
        services: serviceLinks(pack, [service.id]),
        because,
      };
  const who =
    route === 'lado'
      ? `A concern about an adult who works with children goes to the ${service.name} the same day: the DSL makes that referral (or the head, if it is about the DSL), under your school’s safeguarding procedures.`
      : `A referral to ${service.name} is a child-protection referral: the DSL makes it, under your school’s safeguarding procedures, through ${service.name}’s own route (contact above). Parents’ or carers’ consent is not sought first where that could put the child at risk; the DSL decides.`;
  return [
    { blocks: [{ type: 'recommendation', rec: notice }, text(SUPPORTS_NOT_REPLACES, 'muted')] },
    {
      blocks: [
        heading('The DSL makes this referral'),
        text(who),
        text('Nothing was recorded here. To ask for inclusion support for the pupil as well, type "refer" again and choose that service.', 'muted'),
      ],
    },
  ];
}
