import { itemMatches, type ReflectionArea, type ReflectionSuggestion, type SelfReflectionTool } from '../../knowledge/schema/templates.js';
import { areaRating, type Rating, type Reflection } from './reflection.js';

/** Items rated at or below this are listed on their own: Not Yet Developed and Developing. */
export const WEAK_ITEM = 2;
/** Suggestions shown for each weakest area, and for weak items elsewhere, in the pack's order: enough to act on, few enough to read. */
export const SUGGESTIONS_PER_AREA = 4;
export const SUGGESTIONS_ELSEWHERE = 4;

export interface AreaResult {
  area: ReflectionArea;
  /** The area's rating (its items' mean, rounded down) and the mean itself; undefined if not rated. */
  rating?: Rating;
  mean?: number;
  /** The same area last time, when there was a last time and it was rated then. */
  before?: Rating;
}

export interface WeakItem {
  area: ReflectionArea;
  id: string;
  text: string;
  rating: Rating;
  before?: Rating;
}

export interface Suggested {
  area: ReflectionArea;
  suggestion: ReflectionSuggestion;
  /** The weak items it answers, when it answers particular items. */
  forItems: string[];
}

export interface ReflectionSummary {
  areas: AreaResult[];
  /** Items rated 1 or 2, in the tool's order. */
  weakItems: WeakItem[];
  /** The lowest-rated areas, unless every area is at the top of the scale. */
  weakest: ReflectionArea[];
  /**
   * What the pack suggests, in its own order: for each weakest area, what answers its lowest items or
   * the area as a whole (up to SUGGESTIONS_PER_AREA); then what answers an item rated 1 or 2 in
   * another area (up to SUGGESTIONS_ELSEWHERE in all).
   */
  suggestions: Suggested[];
  /** Since the reflection before: how many items went up, down, or stayed, of those rated both times. */
  itemChanges?: { up: number; down: number; same: number };
}

/**
 * The summary of a reflection against the pack's tool, and against the one before when there is
 * one. Pure: the reflection and the tool in, the figures out.
 */
export function summarise(tool: SelfReflectionTool, now: Pick<Reflection, 'areas'>, before?: Pick<Reflection, 'areas'>): ReflectionSummary {
  const areas: AreaResult[] = tool.areas.map((area) => {
    const r = areaRating(area, now.areas[area.id]);
    const b = before ? areaRating(area, before.areas[area.id]) : undefined;
    return { area, ...(r ? { rating: r.rating, mean: r.mean } : {}), ...(b ? { before: b.rating } : {}) };
  });

  const weakItems: WeakItem[] = tool.areas.flatMap((area) =>
    area.items.flatMap((item) => {
      const rating = now.areas[area.id]?.ratings[item.id];
      if (rating === undefined || rating > WEAK_ITEM) return [];
      const was = before?.areas[area.id]?.ratings[item.id];
      return [{ area, id: item.id, text: item.text, rating: rating as Rating, ...(was !== undefined ? { before: was as Rating } : {}) }];
    }),
  );

  const rated = areas.filter((a): a is AreaResult & { rating: Rating } => a.rating !== undefined);
  const lowest = Math.min(...rated.map((a) => a.rating));
  const weakest = rated.length && lowest < 4 ? rated.filter((a) => a.rating === lowest).map((a) => a.area) : [];

  const suggestions: Suggested[] = [];
  const seen = new Set<string>();
  let elsewhere = 0;
  // The weakest areas first, then the others in the tool's order.
  for (const area of [...weakest, ...tool.areas.filter((a) => !weakest.includes(a))]) {
    // In a weakest area, the items at or below the area's own rating (an Established area's 3s); elsewhere only 1s and 2s.
    const isWeakest = weakest.includes(area);
    const upTo = isWeakest ? Math.max(WEAK_ITEM, lowest) : WEAK_ITEM;
    const low = area.items.filter((i) => (now.areas[area.id]?.ratings[i.id] ?? 5) <= upTo).map((i) => i.id);
    let here = 0;
    for (const s of area.suggestions) {
      if (isWeakest ? here >= SUGGESTIONS_PER_AREA : elsewhere >= SUGGESTIONS_ELSEWHERE) break;
      const forItems = low.filter((id) => s.items.some((ref) => itemMatches(id, ref)));
      if (s.items.length ? !forItems.length : !isWeakest) continue;
      // A service suggested for two areas is shown once, under the first.
      const key = s.kind === 'service' ? `service:${s.serviceId}` : s.kind === 'link' ? `link:${s.url}` : `action:${s.title}`;
      if (seen.has(key)) continue;
      seen.add(key);
      suggestions.push({ area, suggestion: s, forItems });
      if (isWeakest) here++;
      else elsewhere++;
    }
  }

  return { areas, weakItems, weakest, suggestions, ...(before ? { itemChanges: itemChanges(tool, now, before) } : {}) };
}

function itemChanges(tool: SelfReflectionTool, now: Pick<Reflection, 'areas'>, before: Pick<Reflection, 'areas'>): { up: number; down: number; same: number } {
  const out = { up: 0, down: 0, same: 0 };
  for (const area of tool.areas)
    for (const item of area.items) {
      const a = before.areas[area.id]?.ratings[item.id];
      const b = now.areas[area.id]?.ratings[item.id];
      if (a === undefined || b === undefined) continue;
      if (b > a) out.up++;
      else if (b < a) out.down++;
      else out.same++;
    }
  return out;
}
