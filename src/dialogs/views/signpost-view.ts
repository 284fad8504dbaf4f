import type { SignpostFilters, SignpostResult } from '../../core/signpost/signpost.js';
import { heading, text, type Block, type Choice, type View } from '../../core/views/view.js';

function describeFilters(f: SignpostFilters): string {
  const parts: string[] = [];
  if (f.age !== undefined) parts.push(`age ${f.age}`);
  if (f.phase) parts.push(f.phase.replace('-', ' '));
  if (f.mode) parts.push(f.mode.replace(/-/g, ' '));
  if (f.district) parts.push(f.district.replace(/-/g, ' '));
  return parts.length ? ` (filtered: ${parts.join(', ')})` : '';
}

/** The phases and ways of working a search can be narrowed to, as staff say them. */
export const PHASE_CHOICES: Choice[] = [
  { label: 'Early years', value: 'early-years' },
  { label: 'Primary', value: 'primary' },
  { label: 'Secondary', value: 'secondary' },
  { label: 'Post-16', value: 'post-16' },
];
export const MODE_CHOICES: Choice[] = [
  { label: 'Online', value: 'online' },
  { label: 'Face to face', value: 'face-to-face' },
];

export function signpostView(query: string, filters: SignpostFilters, results: SignpostResult[], districts: Choice[] = []): View {
  // Card channels show the search again above the results, so a filter can be changed in place.
  const search: Block = { type: 'search', search: { query, filters, phases: PHASE_CHOICES, districts, modes: MODE_CHOICES } };
  if (!results.length)
    return {
      blocks: [
        search,
        heading('No matching services'),
        text(`I couldn’t find a service for “${query}”${describeFilters(filters)}. Try other words, such as the need (“attendance”, “autism”, “speech and language”) or the kind of help (“tuition”, “short-term placement”).`),
      ],
    };
  const blocks: Block[] = [search, heading(`Services for “${query}”${describeFilters(filters)}`)];
  results.forEach((r, i) => blocks.push({ type: 'service', rank: i + 1, result: r }));
  return { blocks };
}
