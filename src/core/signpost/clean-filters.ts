import { z } from 'zod/v4';
import { Phase, Slug } from '../../knowledge/schema/common.js';
import type { SignpostFilters } from './signpost.js';

/** What a search may be narrowed by, as it arrives from a card, a modal or a button. */
const FilterFields = z.object({
  phase: Phase,
  district: Slug.max(100),
  mode: z.enum(['online', 'face-to-face']),
  age: z.coerce.number().int().min(2).max(25),
  need: Slug.max(100),
});

/**
 * Only the filters the bot offers, with valid values; anything else (an "Any", a blank, a value
 * from an old card) is dropped rather than refused, so the search still runs.
 */
export function cleanFilters(raw: Readonly<Record<string, unknown>>): SignpostFilters {
  const out: SignpostFilters = {};
  for (const key of Object.keys(FilterFields.shape) as (keyof typeof FilterFields.shape)[]) {
    const v = raw[key];
    if (v === undefined || v === null || v === '') continue;
    const r = FilterFields.shape[key].safeParse(typeof v === 'string' ? v.trim() : v);
    if (r.success) Object.assign(out, { [key]: r.data });
  }
  return out;
}
