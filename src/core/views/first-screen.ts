import type { Recommendation } from '../guidance/types.js';
import type { Block, RecommendationPart, View } from './view.js';

/**
 * How much a reader meets before "Show details": the words of a reply's first screen, counted the
 * same way for every channel. Each channel's own first screen is measured with `countWords` too
 * (the bench prints them); this is the channel-neutral figure.
 */

/** Words as a reader counts them: runs of characters with a letter or digit in them ("Step 2", "45-day" is one). */
export function countWords(text: string): number {
  return text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

function recommendationText(r: Recommendation, part?: RecommendationPart): string[] {
  if (part === 'notice') return [r.brief ?? r.title, ...(r.because ? [`Why: ${r.because}`] : [])];
  const words = part === 'refs' ? [] : [...(part === 'brief' ? [] : [r.detail]), ...(r.because ? [`Why: ${r.because}`] : []), `Led by: ${r.ledByLabel}`];
  if (part === 'brief' || part === 'words') return [r.title, ...words];
  const contacts = r.services.flatMap((s) => [`Contact: ${s.name}`, ...s.contacts.map((c) => c.value)]);
  return [r.title, ...words, ...contacts, `Source: ${r.citation}`];
}

/** The plain text of a block as the first screen shows it; details are only their button. */
function blockText(b: Block): string[] {
  switch (b.type) {
    case 'heading':
    case 'text':
      return [b.text];
    case 'ladder': {
      const here = b.rungs.find((r) => r.state === 'current');
      const next = b.rungs.find((r) => r.state === 'recommended');
      return [here ? `You are here: Step ${here.step}, ${here.title}` : '', next ? `Next: Step ${next.step}, ${next.title}` : ''];
    }
    case 'recommendation':
      return recommendationText(b.rec, b.part);
    case 'details':
      return ['Show details'];
    case 'service':
      return [b.result.name, b.result.summary];
    case 'facts':
      return b.facts.flatMap((f) => [f.label, f.value]);
    case 'list':
      return b.items;
    case 'menu':
      return b.items.flatMap((i) => [i.label, i.description]);
    case 'question':
      return [b.question.prompt];
    case 'form':
      return [b.form.title, ...b.form.questions.map((q) => q.prompt)];
    case 'rows':
      return b.rows.flatMap((r) => [r.title, r.detail ?? '']);
    case 'actions':
      return b.actions.map((a) => a.label);
    case 'table':
      return [b.table.title, ...b.table.headings, ...b.table.rows.flat(), ...(b.table.totals ?? []), ...(b.table.note ? [b.table.note] : [])];
    case 'search':
    case 'pager':
      return [];
  }
}

/** The first screen's text: every block but what is behind "Show details". */
export const firstScreenText = (views: readonly View[]): string => views.flatMap((v) => v.blocks.flatMap(blockText)).join('\n');

/** The words on the first screen of a reply. */
export const firstScreenWords = (views: readonly View[]): number => countWords(firstScreenText(views));
