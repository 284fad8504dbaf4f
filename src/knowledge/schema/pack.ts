import { z } from 'zod/v4';
import { Slug } from './common.js';
import { compilePattern } from '../../core/safeguarding/pattern.js';
import { ConcernModelFile } from './concern-model.js';
import { Concerns } from './concerns.js';
import { Pathway } from './pathway.js';
import { Rules } from './rules.js';
import { ApProvider, ApSetting, Service, Vocabulary } from './services.js';
import { FormTemplate, LegislationItem, SelfReflectionTool } from './templates.js';

/**
 * A local authority's knowledge pack. Worcestershire's is the default; another LA ships its own
 * folder of JSON files with the same shape and no code changes.
 */
export const KnowledgePack = z
  .object({
    id: Slug,
    localAuthority: z.string().min(3),
    /** Short description of what the pack covers. */
    about: z.string().min(10),
    /** Titles of the source documents, by seed id, so citations read as documents rather than ids. */
    sources: z.record(z.string().regex(/^\d{3}$/), z.string().min(5)).default({}),
    services: z.array(Service).min(1),
    apSettings: z.array(ApSetting).default([]),
    apProviders: z.array(ApProvider).default([]),
    vocabulary: Vocabulary,
    pathway: Pathway.optional(),
    rules: Rules.optional(),
    forms: z.array(FormTemplate).default([]),
    selfReflection: SelfReflectionTool.optional(),
    legislation: z.array(LegislationItem).default([]),
    /** Worries in staff's own words (child protection, unlawful exclusion), checked on every text that enters. */
    concerns: Concerns.optional(),
    concernModel: ConcernModelFile.optional(),
  })
  .superRefine((pack, ctx) => {
    const ids = new Map<string, string>();
    const note = (id: string, where: (string | number)[]) => {
      const prior = ids.get(id);
      if (prior) ctx.addIssue({ code: 'custom', path: where, message: `id "${id}" is used twice (also at ${prior})` });
      else ids.set(id, where.join('.'));
    };
    pack.services.forEach((s, i) => note(s.id, ['services', i, 'id']));
    pack.apSettings.forEach((s, i) => note(s.id, ['apSettings', i, 'id']));
    pack.apProviders.forEach((s, i) => note(s.id, ['apProviders', i, 'id']));

    const needs = new Set(Object.keys(pack.vocabulary.needs));
    pack.services.forEach((s, i) =>
      s.needs.forEach((n, j) => {
        if (!needs.has(n)) ctx.addIssue({ code: 'custom', path: ['services', i, 'needs', j], message: `need "${n}" is not in vocabulary.needs` });
      }),
    );
    const districts = new Set(Object.keys(pack.vocabulary.districts));
    const checkDistricts = (list: 'apSettings' | 'apProviders') =>
      pack[list].forEach((s, i) =>
        s.districts.forEach((d, j) => {
          if (!districts.has(d)) ctx.addIssue({ code: 'custom', path: [list, i, 'districts', j], message: `district "${d}" is not in vocabulary.districts` });
        }),
      );
    checkDistricts('apSettings');
    checkDistricts('apProviders');

    if (pack.concerns) {
      // Every pattern list is compiled here, so a mistake stops start-up naming concerns.json and
      // the pattern's place, and the concern check built later from this pack cannot fail on one.
      const { lexicon } = pack.concerns;
      const check = (source: string, path: (string | number)[]) => {
        try {
          compilePattern(source, lexicon);
        } catch (err) {
          ctx.addIssue({ code: 'custom', path, message: (err as Error).message });
        }
      };
      pack.concerns.settledContext.forEach((source, j) => check(source, ['concerns', 'settledContext', j]));
      for (const kind of ['risk', 'exclusion'] as const)
        pack.concerns[kind].forEach((c, i) =>
          (['signs', 'topics', 'notWhen', 'notInSentence'] as const).forEach((list) => c[list].forEach((source, j) => check(source, ['concerns', kind, i, list, j]))),
        );
    }
    if (pack.selfReflection) {
      // A suggestion names a service or a pathway action of this pack, so a summary never cites one that is not there.
      const actions = new Set((pack.pathway?.actions ?? []).map((a) => a.id));
      pack.selfReflection.areas.forEach((a, i) =>
        a.suggestions.forEach((s, j) => {
          const at = ['selfReflection', 'areas', i, 'suggestions', j];
          if (s.kind === 'service' && !ids.has(s.serviceId)) ctx.addIssue({ code: 'custom', path: [...at, 'serviceId'], message: `service "${s.serviceId}" is not in this pack` });
          if (s.kind === 'action' && s.pathwayAction !== undefined && !actions.has(s.pathwayAction))
            ctx.addIssue({ code: 'custom', path: [...at, 'pathwayAction'], message: `pathway action "${s.pathwayAction}" is not in this pack` });
        }),
      );
    }
    if (pack.rules) {
      const walk = (value: unknown, path: (string | number)[]) => {
        if (Array.isArray(value)) value.forEach((v, i) => walk(v, [...path, i]));
        else if (value && typeof value === 'object')
          for (const [k, v] of Object.entries(value)) {
            if (k === 'serviceIds' && Array.isArray(v))
              v.forEach((id, i) => {
                if (!ids.has(id)) ctx.addIssue({ code: 'custom', path: [...path, k, i], message: `service "${id}" is not in this pack` });
              });
            else walk(v, [...path, k]);
          }
      };
      walk(pack.rules, ['rules']);
    }
  });
export type KnowledgePack = z.infer<typeof KnowledgePack>;
