import { z } from 'zod/v4';
import { IsoDate, IsoDateTime, SchoolId, StaffId } from '../cases/fields.js';
import { FIELD_MAX } from '../cases/text-limits.js';
import type { ReflectionArea, SelfReflectionTool } from '../../knowledge/schema/templates.js';

/**
 * A school's Inclusion Self-Reflection (seed 000, Appendix 2) as stored: one reflection under way,
 * filled in area by area by the school's SENDCo or head, the ones completed before it (each dated),
 * and whether the school shares its area ratings with the LA. Ids and ratings only, and the
 * school's own notes per area; nothing about a pupil.
 */

/** A rating on the tool's RAG scale: 1 Not Yet Developed, 2 Developing, 3 Established, 4 Enhanced. */
export const Rating = z.number().int().min(1).max(4);
export type Rating = z.infer<typeof Rating>;

/** The most a note on an area may hold: a field of a plan's worth. */
export const AREA_NOTE_MAX = FIELD_MAX;

const AnswersBase = {
  ratings: z.record(z.string().regex(/^\d+\.\d+[a-z]$/).max(12), Rating),
  note: z.string().max(AREA_NOTE_MAX).optional(),
  by: StaffId,
  at: IsoDateTime,
};

/** A colleague's answers for an area that a later save by someone else replaced: kept, never lost, with when they stopped standing. */
export const EarlierAnswers = z.strictObject({ ...AnswersBase, replacedAt: IsoDateTime });
export type EarlierAnswers = z.infer<typeof EarlierAnswers>;

/** How many replaced answers an area keeps (the oldest go first). */
export const EARLIER_MAX = 10;

/**
 * One area as rated: each item's rating, the school's note, who rated it and when. The answers
 * standing are the last saved; `earlier` keeps other leaders' answers they replaced (issue 13 B.6).
 */
export const AreaAnswers = z.strictObject({
  ...AnswersBase,
  earlier: z.array(EarlierAnswers).max(EARLIER_MAX).optional(),
});
export type AreaAnswers = z.infer<typeof AreaAnswers>;

export const Reflection = z.strictObject({
  id: z.uuid(),
  startedAt: IsoDateTime,
  startedBy: StaffId,
  /** By area id. */
  areas: z.record(z.string().max(100), AreaAnswers),
  completedAt: IsoDateTime.optional(),
  completedBy: StaffId.optional(),
  /** The school's date (England) it was completed on: what staff see, and what terms are counted by. */
  completedOn: IsoDate.optional(),
});
export type Reflection = z.infer<typeof Reflection>;
export type CompletedReflection = Reflection & { completedAt: string; completedBy: string; completedOn: string };

export const Sharing = z.strictObject({ share: z.boolean(), by: StaffId, at: IsoDateTime });
export type Sharing = z.infer<typeof Sharing>;

export const SchoolReflections = z.strictObject({
  schoolId: SchoolId,
  /** Bumped on every save; a save from a stale read is refused so no area is lost. */
  revision: z.number().int().min(0),
  inProgress: Reflection.optional(),
  /** Oldest first. */
  completed: z.array(Reflection),
  /** Absent until the school first answers: then nothing is shared. */
  sharing: Sharing.optional(),
});
export type SchoolReflections = z.infer<typeof SchoolReflections>;

export const isCompleted = (r: Reflection): r is CompletedReflection => r.completedAt !== undefined && r.completedBy !== undefined && r.completedOn !== undefined;

/** The latest completed reflection and the one before it, if any. */
export function latestTwo(s: SchoolReflections | undefined): { latest?: CompletedReflection; previous?: CompletedReflection } {
  const done = (s?.completed ?? []).filter(isCompleted);
  return { ...(done.at(-1) ? { latest: done.at(-1)! } : {}), ...(done.at(-2) ? { previous: done.at(-2)! } : {}) };
}

/** Whether the school shares its area ratings with the LA now. */
export const shares = (s: SchoolReflections | undefined): boolean => s?.sharing?.share === true;

/**
 * An area's rating from its items: their mean, rounded down. The scale is of stages reached, so an
 * area whose items average 2.8 is still Developing, not Established: rounding down never reads an
 * area higher than the school's own ratings support. The lowest item alone would let one item
 * hide real progress on all the others, and the items rated 1 or 2 are listed separately anyway.
 * Undefined when no item of the area is rated.
 */
export function areaRating(area: Pick<ReflectionArea, 'items'>, answers: Pick<AreaAnswers, 'ratings'> | undefined): { rating: Rating; mean: number } | undefined {
  const scores = area.items.flatMap((i) => {
    const r = answers?.ratings[i.id];
    return r === undefined ? [] : [r];
  });
  if (!scores.length) return undefined;
  const mean = scores.reduce((a, b) => a + b, 0) / scores.length;
  return { rating: Math.max(1, Math.min(4, Math.floor(mean + 1e-9))), mean };
}

/** The areas not yet rated in a reflection under way, in the tool's order. */
export function areasLeft(tool: SelfReflectionTool, r: Reflection | undefined): ReflectionArea[] {
  return tool.areas.filter((a) => !areaDone(a, r?.areas[a.id]));
}

/** An area counts as done when every item the tool has now is rated (a pack that adds an item asks again). */
export function areaDone(area: ReflectionArea, answers: AreaAnswers | undefined): boolean {
  return !!answers && area.items.every((i) => answers.ratings[i.id] !== undefined);
}

/** The label of a rating in the pack's words: "2 Developing". */
export function ratingLabel(tool: SelfReflectionTool, r: Rating): string {
  return `${r} ${tool.rag[r - 1]?.label ?? ''}`.trim();
}
