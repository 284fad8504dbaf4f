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

export function signpostView(query: string, filters: SignpostFilters, results: SignpostResult[], districts: Choice[] = []): View {
  // Card channels show the search again above the results, so a filter can be changed in place.
  const search: Block = { type: 'search', search: { query, filters, districts } };
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
