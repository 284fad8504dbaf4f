import type { SignpostFilters, SignpostResult } from '../../core/signpost/signpost.js';
import { heading, text, type Block, type View } from '../../core/views/view.js';

function describeFilters(f: SignpostFilters): string {
  const parts: string[] = [];
  if (f.age !== undefined) parts.push(`age ${f.age}`);
  if (f.phase) parts.push(f.phase.replace('-', ' '));
  if (f.mode) parts.push(f.mode.replace(/-/g, ' '));
  if (f.district) parts.push(f.district.replace(/-/g, ' '));
  return parts.length ? ` (filtered: ${parts.join(', ')})` : '';
}

export function signpostView(query: string, filters: SignpostFilters, results: SignpostResult[]): View {
  if (!results.length)
    return {
      blocks: [
        heading('No matching services'),
        text(`I couldn’t find a service for “${query}”${describeFilters(filters)}. Try other words, such as the need (“attendance”, “autism”, “speech and language”) or the kind of help (“tuition”, “short-term placement”).`),
      ],
    };
  const blocks: Block[] = [heading(`Services for “${query}”${describeFilters(filters)}`)];
  results.forEach((r, i) => blocks.push({ type: 'service', rank: i + 1, result: r }));
  return { blocks };
}
