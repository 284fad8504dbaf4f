import { z } from 'zod/v4';
import { LeadRole, SeedRef } from './common.js';

export const CyclePhase = z.enum(['assess', 'plan', 'do', 'review']);
export type CyclePhase = z.infer<typeof CyclePhase>;

/** One numbered action of the graduated response (1–17b). */
export const PathwayAction = z.object({
  /** "1" … "16", "17a", "17b": the numbering the document uses. */
  id: z.string().regex(/^\d{1,2}[a-z]?$/),
  step: z.number().int().min(1).max(6),
  phase: CyclePhase,
  title: z.string().min(3),
  ledBy: z.array(LeadRole).min(1),
  /** What to do, in our own words. */
  detail: z.string().min(10),
  /** Questions a review at this action asks. */
  reviewQuestions: z.array(z.string()).default([]),
  /** Suggested assessment tools (SDQ, Boxall Profile…). */
  tools: z.array(z.string()).default([]),
  /** Review actions branch on whether the plan brought positive change. */
  outcome: z
    .object({
      positive: z.string().min(5),
      noChange: z.string().min(5),
      /** Step to move to when there is no positive change. */
      escalateToStep: z.number().int().min(1).max(6).optional(),
    })
    .optional(),
  source: SeedRef,
});
export type PathwayAction = z.infer<typeof PathwayAction>;

export const PathwayStep = z.object({
  number: z.number().int().min(1).max(6),
  tier: z.enum(['universal', 'targeted', 'specialist']),
  title: z.string().min(3),
  ledBy: z.array(LeadRole).min(1),
  summary: z.string().min(10),
  /** Examples of provision at this tier (universal / targeted / specialist lists). */
  provisionExamples: z.array(z.string()).default([]),
  source: SeedRef,
});
export type PathwayStep = z.infer<typeof PathwayStep>;

export const Pathway = z
  .object({
    steps: z.array(PathwayStep).length(6),
    actions: z.array(PathwayAction).min(1),
    /** The pathway runs both ways: support can be stepped down as well as up. */
    bidirectional: z.object({ text: z.string().min(10), source: SeedRef }),
    leadRoleLabels: z.record(LeadRole, z.string()),
  })
  .superRefine((p, ctx) => {
    p.steps.forEach((s, i) => {
      if (s.number !== i + 1) ctx.addIssue({ code: 'custom', path: ['steps', i, 'number'], message: `steps must be listed 1 to 6 in order; found ${s.number} at position ${i + 1}` });
    });
    const seen = new Set<string>();
    p.actions.forEach((a, i) => {
      if (seen.has(a.id)) ctx.addIssue({ code: 'custom', path: ['actions', i, 'id'], message: `duplicate action id ${a.id}` });
      seen.add(a.id);
    });
  });
export type Pathway = z.infer<typeof Pathway>;
