import { z } from 'zod/v4';
import { FIELD_MAX } from '../../core/cases/text-limits.js';
import { SeedRef, Slug } from './common.js';

export const FormField = z.object({
  id: z.string().regex(/^[a-zA-Z][a-zA-Z0-9]*$/, 'a camelCase field id'),
  label: z.string().min(2).max(120),
  help: z.string().max(300).optional(),
  kind: z.enum(['text', 'longtext', 'date', 'list', 'yesno', 'choice']),
  choices: z.array(z.object({ value: Slug, label: z.string() })).optional(),
  required: z.boolean().default(false),
  /** Characters an answer may have; at most what the store keeps in a field. */
  maxLength: z.number().int().positive().max(FIELD_MAX).default(FIELD_MAX),
});
export type FormField = z.infer<typeof FormField>;

/** A form the bot walks staff through: PCP (Appendix 3), Incident Support Plan, PSP, referral. */
export const FormTemplate = z.object({
  id: Slug,
  title: z.string().min(3),
  purpose: z.string().min(10),
  fields: z.array(FormField).min(1),
  source: SeedRef,
});
export type FormTemplate = z.infer<typeof FormTemplate>;

/** Appendix 2: the Inclusion Self-Reflection Tool. */
export const SelfReflectionTool = z.object({
  areas: z
    .array(
      z.object({
        id: Slug,
        title: z.string(),
        items: z.array(z.object({ id: z.string(), text: z.string().min(5) })).min(1),
      }),
    )
    .min(1),
  rag: z.array(z.object({ score: z.number().int().min(1).max(4), label: z.string(), meaning: z.string() })).length(4),
  source: SeedRef,
});
export type SelfReflectionTool = z.infer<typeof SelfReflectionTool>;

/** Appendix 4: legislation and guidance. */
export const LegislationItem = z.object({
  title: z.string().min(3),
  why: z.string().min(5),
  link: z.url().optional(),
  source: SeedRef,
});
export type LegislationItem = z.infer<typeof LegislationItem>;
