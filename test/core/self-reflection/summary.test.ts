import { describe, expect, it } from 'vitest';
import { areaRating, type Reflection } from '../../../src/core/self-reflection/reflection.js';
import { summarise } from '../../../src/core/self-reflection/summary.js';
import type { SelfReflectionTool } from '../../../src/knowledge/schema/templates.js';
import { worcestershire } from '../../helpers/pack.js';

const AT = '2026-11-20T10:00:00.000Z';

/** Every item of every area rated `score`, with some items set otherwise. */
export function ratedAll(tool: SelfReflectionTool, score: number, except: Record<string, number> = {}): Pick<Reflection, 'areas'> {
  return {
    areas: Object.fromEntries(tool.areas.map((a) => [a.id, { ratings: Object.fromEntries(a.items.map((i) => [i.id, except[i.id] ?? score])), by: 'teams:sendco', at: AT }])),
  };
}

describe('an area’s rating', () => {
  const area = { items: [{ id: '9.1a', text: 'x' }, { id: '9.1b', text: 'y' }, { id: '9.1c', text: 'z' }] };

  it('is the mean of its items rounded down: a stage is reached only when the items average it', () => {
    expect(areaRating(area, { ratings: { '9.1a': 3, '9.1b': 3, '9.1c': 2 } })).toEqual({ rating: 2, mean: 8 / 3 });
    expect(areaRating(area, { ratings: { '9.1a': 3, '9.1b': 3, '9.1c': 3 } })).toEqual({ rating: 3, mean: 3 });
    expect(areaRating(area, { ratings: { '9.1a': 4, '9.1b': 4, '9.1c': 1 } })?.rating).toBe(3);
    expect(areaRating(area, { ratings: {} })).toBeUndefined();
    expect(areaRating(area, undefined)).toBeUndefined();
  });
});

describe('the summary of a reflection', () => {
  it('lists the items rated 1–2, names the weakest area and what the pack suggests for it, each citing seed 000', async () => {
    const tool = (await worcestershire()).selfReflection!;
    // Leadership's eleven items average 1.7, so it is Not Yet Developed; one item elsewhere is at 1.
    const now = ratedAll(tool, 3, { '2.1a': 1, '2.1b': 1, '2.1c': 1, '2.2a': 2, '2.3a': 2, '2.3b': 1, '2.3c': 2, '2.3d': 3, '2.4a': 1, '2.4b': 3, '2.4c': 2, '3.5b': 1 });
    const s = summarise(tool, now);
    expect(s.areas.map((a) => [a.area.id, a.rating])).toEqual([
      ['environment-culture-and-ethos', 3],
      ['leadership', 1],
      ['personal-development-well-being-and-welfare', 2],
      ['quality-of-education', 3],
    ]);
    expect(s.areas[1]!.mean).toBeCloseTo(19 / 11);
    expect(s.weakest.map((a) => a.id)).toEqual(['leadership']);
    expect(s.weakItems.map((w) => `${w.id}:${w.rating}`)).toEqual(['2.1a:1', '2.1b:1', '2.1c:1', '2.2a:2', '2.3a:2', '2.3b:1', '2.3c:2', '2.4a:1', '2.4c:2', '3.5b:1']);
    const shown = s.suggestions.map((x) => (x.suggestion.kind === 'service' ? x.suggestion.serviceId : x.suggestion.kind === 'link' ? x.suggestion.url : x.suggestion.title));
    // Leadership's own first (the provision map, partnership, the school improvement advisers)…
    expect(shown.slice(0, 4)).toEqual(['school-improvement-team', 'professionals-toolkit', 'send-local-offer', 'worcestershire-support-services-for-schools']);
    // …four of them at most, so the list stays one to act on; the Gypsy, Roma and Traveller item elsewhere is answered too.
    expect(s.suggestions.filter((x) => x.area.id === 'leadership')).toHaveLength(4);
    expect(shown).toContain('exclusions-ehe-grt-team');
    expect(s.suggestions.find((x) => x.suggestion.kind === 'service' && x.suggestion.serviceId === 'exclusions-ehe-grt-team')!.forItems).toEqual(['3.5b']);
    // Nothing for an area that is neither weakest nor has an item rated 1–2.
    expect(s.suggestions.some((x) => x.area.id === 'quality-of-education')).toBe(false);
    for (const x of s.suggestions) expect(x.suggestion.source.seed).toBe('000');
  });

  it('says what changed since last time, area by area and item by item', async () => {
    const tool = (await worcestershire()).selfReflection!;
    const before = ratedAll(tool, 2);
    const now = ratedAll(tool, 2, Object.fromEntries(tool.areas[0]!.items.map((i) => [i.id, 3])));
    now.areas['leadership']!.ratings['2.2a'] = 1;
    const s = summarise(tool, now, before);
    // Ten Developing items and one Not Yet Developed average 1.9: rounded down, Leadership is at 1 now.
    expect(s.areas.map((a) => [a.rating, a.before])).toEqual([
      [3, 2],
      [1, 2],
      [2, 2],
      [2, 2],
    ]);
    expect(s.itemChanges).toEqual({ up: 10, down: 1, same: 41 });
    expect(s.weakItems.find((w) => w.id === '2.2a')).toMatchObject({ rating: 1, before: 2 });
  });

  it('in a weakest area rated 3, suggests what answers its items at 3, not those already Enhanced', async () => {
    const tool = (await worcestershire()).selfReflection!;
    // Everything Enhanced but Leadership, which is Established with 2.4 still at 3.
    const s = summarise(tool, ratedAll(tool, 4, { '2.4a': 3, '2.4b': 3, '2.4c': 3 }));
    expect(s.weakest.map((a) => a.id)).toEqual(['leadership']);
    expect(s.weakItems).toEqual([]);
    const shown = s.suggestions.map((x) => (x.suggestion.kind === 'service' ? x.suggestion.serviceId : x.suggestion.kind));
    expect(shown).toEqual(['send-local-offer', 'early-help-virtual-family-hub']);
  });

  it('suggests nothing when every area is Enhanced', async () => {
    const tool = (await worcestershire()).selfReflection!;
    const s = summarise(tool, ratedAll(tool, 4));
    expect([s.weakest, s.weakItems, s.suggestions]).toEqual([[], [], []]);
  });
});
