import { z } from 'zod/v4';
import { blankSituation } from './situation.js';
import type { PupilSituation } from './types.js';
import type { KnowledgePack } from '../../knowledge/schema/pack.js';
import type { Concern } from '../safeguarding/concern-check.js';
import { concernsIn } from '../safeguarding/for-pack.js';

/**
 * What a piece of guidance was worked out from, small enough for a Slack button (2,000
 * characters), so its details can be worked out again when the button is pressed: the pupil's
 * situation as numbers, flags and one date, the day, and how the pupil was named on the card.
 * What the person typed (the notes) and the recorded suspension reasons are left out: they only
 * raise the safeguarding notice and the unlawful-exclusion warning, whose briefs are on the first
 * screen; the kinds of concern they raised (`raised`) travel instead, for those in full.
 */
export interface GuidanceInput {
  situation: PupilSituation;
  today: string;
  pupil?: string;
  /**
   * The kinds of concern the notes (and recorded reasons) raised, without the words: so the
   * details can give the safeguarding notice and unlawful-exclusion warning in full, which the
   * first screen shows only briefly.
   */
  raised?: RaisedConcern[];
}

/** A concern found in what was typed, without the words that raised it. */
export type RaisedConcern = Omit<Concern, 'quote' | 'by'>;

/** The concerns what was typed raised, for `GuidanceInput.raised`: every risk in the notes, exclusion concerns in the notes and recorded reasons. */
export function raisedConcerns(pack: KnowledgePack, s: PupilSituation): RaisedConcern[] {
  const found = [...concernsIn(pack, [s.notes]), ...(s.exclusionReasons ? concernsIn(pack, [s.exclusionReasons], { asReason: true }).filter((c) => c.kind === 'exclusion') : [])];
  const seen = new Set<string>();
  return found.flatMap(({ kind, category, label, contact }) => (seen.has(`${kind}:${category}`) ? [] : (seen.add(`${kind}:${category}`), [{ kind, category, label, contact }])));
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
  partTimeTimetableEnds: day,
  partTimeTimetableReviewBy: day,
  considerSuspension: z.boolean(),
  activePsp: z.boolean(),
  pspReviewsWithoutImpactInARow: count,
  ehcRequestedOn: day,
  overdueReview: z.object({ plan: z.string().max(20), dueDate: day }),
}).partial();

const Raised = z.object({ kind: z.enum(['risk', 'exclusion']), category: z.string().max(60), label: z.string().max(200), contact: z.enum(['dsl', 'lado']) });
const Packed = z.object({ s: SituationFields, t: day, p: z.string().max(120).optional(), r: z.array(Raised).max(20).optional() });

/** The input as short JSON: only what differs from a blank situation, never the notes. */
export function packGuidanceInput(input: GuidanceInput): string {
  const blank = blankSituation() as unknown as Record<string, unknown>;
  const s: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(input.situation))
    if (key !== 'notes' && key !== 'exclusionReasons' && value !== undefined && value !== blank[key]) s[key] = value;
  return JSON.stringify({ s, t: input.today, ...(input.pupil ? { p: input.pupil } : {}), ...(input.raised?.length ? { r: input.raised } : {}) });
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
  const { s, t, p, r } = parsed.data;
  const fields = Object.fromEntries(Object.entries(s).filter(([, v]) => v !== undefined)) as Partial<PupilSituation>;
  return { situation: { ...blankSituation(), ...fields, notes: '' }, today: t, ...(p ? { pupil: p } : {}), ...(r?.length ? { raised: r } : {}) };
}
