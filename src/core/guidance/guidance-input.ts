import { z } from 'zod/v4';
import { blankSituation } from './situation.js';
import type { PupilSituation } from './types.js';

/**
 * What a piece of guidance was worked out from, small enough for a Slack button (2,000
 * characters), so its details can be worked out again when the button is pressed: the pupil's
 * situation as numbers, flags and one date, the day, and how the pupil was named on the card.
 * What the person typed (the notes) and the recorded suspension reasons are left out: they only
 * raise the safeguarding notice and the unlawful-exclusion warning, which are on the first screen.
 */
export interface GuidanceInput {
  situation: PupilSituation;
  today: string;
  pupil?: string;
}

const count = z.number().int().min(0).max(1000);
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** The situation's fields as they may arrive back from a channel; anything missing is its blank value. */
const SituationFields = z.object({
  currentStep: z.number().int().min(1).max(6),
  planStatus: z.enum(['none', 'in-place', 'reviewed-positive', 'reviewed-no-change']),
  positiveReviewsInARow: count,
  steppedDown: z.boolean(),
  planNotWorking: z.boolean(),
  suspensionsThisYear: count,
  suspensionDaysThisYear: count,
  suspensionDaysThisTerm: count,
  longestSuspensionDays: count,
  permanentlyExcluded: z.boolean(),
  returningFromSuspensionDays: count,
  riskOfPermanentExclusion: z.boolean(),
  rapidlyDeteriorating: z.boolean(),
  lookedAfter: z.boolean(),
  previouslyLookedAfter: z.boolean(),
  socialWorker: z.boolean(),
  ehcp: z.boolean(),
  senSupport: z.boolean(),
  onPartTimeTimetable: z.boolean(),
  partTimeTimetableNotified: z.boolean(),
  considerSuspension: z.boolean(),
  activePsp: z.boolean(),
  pspReviewsWithoutImpactInARow: count,
  ehcRequestedOn: day,
}).partial();

const Packed = z.object({ s: SituationFields, t: day, p: z.string().max(120).optional() });

/** The input as short JSON: only what differs from a blank situation, never the notes. */
export function packGuidanceInput(input: GuidanceInput): string {
  const blank = blankSituation() as unknown as Record<string, unknown>;
  const s: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(input.situation))
    if (key !== 'notes' && key !== 'exclusionReasons' && value !== undefined && value !== blank[key]) s[key] = value;
  return JSON.stringify({ s, t: input.today, ...(input.pupil ? { p: input.pupil } : {}) });
}

/** The input back from its JSON, or undefined for anything this version did not write. */
export function unpackGuidanceInput(text: string | undefined): GuidanceInput | undefined {
  if (!text) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return undefined;
  }
  const parsed = Packed.safeParse(json);
  if (!parsed.success) return undefined;
  const { s, t, p } = parsed.data;
  const fields = Object.fromEntries(Object.entries(s).filter(([, v]) => v !== undefined)) as Partial<PupilSituation>;
  return { situation: { ...blankSituation(), ...fields, notes: '' }, today: t, ...(p ? { pupil: p } : {}) };
}
