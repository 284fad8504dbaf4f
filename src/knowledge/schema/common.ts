import { z } from 'zod/v4';

/** Where a fact came from, so every piece of guidance can cite its seed section. */
export const SeedRef = z.object({
  /** Seed document id, e.g. "000" for Worcestershire's graduated response. */
  seed: z.string().regex(/^\d{3}$/, 'a three-digit seed id such as "000"'),
  /** Human-readable section, e.g. "Appendix 1 – Attendance and Children Missing Team". */
  section: z.string().min(3),
});
export type SeedRef = z.infer<typeof SeedRef>;

export const Slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'a lower-case slug such as "virtual-school"');

export const Contact = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('phone'), value: z.string().regex(/^[0-9 +()]{6,20}$/), label: z.string().optional(), hours: z.string().optional() }),
  z.object({ kind: z.literal('email'), value: z.email(), label: z.string().optional() }),
  z.object({ kind: z.literal('web'), value: z.url(), label: z.string().optional() }),
  z.object({ kind: z.literal('address'), value: z.string().min(5), label: z.string().optional() }),
]);
export type Contact = z.infer<typeof Contact>;

/** Who leads an action, in the words schools use. */
export const LeadRole = z.enum([
  'school-leadership', // headteacher / SLT: whole-school approach
  'class-teacher', // class teacher, pastoral lead, head of year or equivalent
  'sendco',
  'sendco-and-teacher',
  'designated-safeguarding-lead',
  'designated-teacher', // for looked-after children
  'local-authority',
  'external-agency',
  'headteacher',
]);
export type LeadRole = z.infer<typeof LeadRole>;

export const AgeRange = z
  .object({ min: z.number().int().min(0).max(25), max: z.number().int().min(0).max(25) })
  .refine((r) => r.min <= r.max, 'min age must not exceed max age');
export type AgeRange = z.infer<typeof AgeRange>;

export const Phase = z.enum(['early-years', 'primary', 'secondary', 'post-16']);
export type Phase = z.infer<typeof Phase>;
