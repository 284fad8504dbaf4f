import type { AgeRange, Contact, Phase } from '../../knowledge/schema/common.js';
import type { KnowledgePack } from '../../knowledge/schema/pack.js';

export type DocKind = 'service' | 'ap-setting' | 'ap-provider';
export type TuitionMode = 'online' | 'face-to-face';

/** One thing signposting can point to: a directory service, an AP setting or an approved provider. */
export interface SignpostDoc {
  kind: DocKind;
  id: string;
  name: string;
  summary: string;
  contacts: Contact[];
  needs: string[];
  keywords: string[];
  ages?: AgeRange;
  phases: Phase[];
  /** Only AP entries are tied to districts; directory services cover the whole LA. */
  districts?: string[];
  modes?: TuitionMode[];
  registered?: boolean;
}

const AP_NEED = 'alternative-provision';

/** Ages at the start and end of each key stage, so AP settings answer the same age filter as providers. */
const KEY_STAGE_AGES: Record<string, AgeRange> = { KS1: { min: 5, max: 7 }, KS2: { min: 7, max: 11 }, KS3: { min: 11, max: 14 }, KS4: { min: 14, max: 16 }, KS5: { min: 16, max: 19 } };

function keyStageAges(stages: readonly string[]): AgeRange | undefined {
  const ranges = stages.flatMap((k) => KEY_STAGE_AGES[k] ?? []);
  return ranges.length ? { min: Math.min(...ranges.map((r) => r.min)), max: Math.max(...ranges.map((r) => r.max)) } : undefined;
}

/** Flattens the pack's three directories into one list of documents. */
export function documentsFrom(pack: KnowledgePack): SignpostDoc[] {
  const hasApNeed = AP_NEED in pack.vocabulary.needs;
  const apNeeds = hasApNeed ? [AP_NEED] : [];
  return [
    ...pack.services.map((s): SignpostDoc => ({
      kind: 'service',
      id: s.id,
      name: s.name,
      summary: s.summary,
      contacts: s.contacts,
      needs: s.needs,
      keywords: s.keywords,
      ...(s.ages ? { ages: s.ages } : {}),
      phases: s.phases,
    })),
    ...pack.apSettings.map((s): SignpostDoc => {
      const ages = keyStageAges(s.keyStages);
      return {
        kind: 'ap-setting',
        id: s.id,
        name: s.name,
        summary: s.offer,
        contacts: s.contacts,
        needs: apNeeds,
        keywords: [...s.keywords, s.type, ...s.keyStages],
        ...(ages ? { ages } : {}),
        phases: s.phases,
        districts: s.districts,
        modes: ['face-to-face'],
      };
    }),
    ...pack.apProviders.map((p): SignpostDoc => ({
      kind: 'ap-provider',
      id: p.id,
      name: p.name,
      summary: p.offer,
      contacts: p.contacts,
      needs: apNeeds,
      keywords: p.keywords,
      ages: p.ages,
      phases: [],
      districts: p.districts,
      modes: p.tuitionModes,
      registered: p.registered,
    })),
  ];
}
