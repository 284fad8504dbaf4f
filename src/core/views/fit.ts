import type { Block, View } from './view.js';

/**
 * Fitting a reply into a channel's limits, the same way in every channel: a reply that would be
 * too big (Teams counts bytes, Slack counts blocks) is rendered again with tighter budgets — long
 * lists and runs of results first ("…and N more"), then long paragraphs. Channels supply only how
 * a block renders and what "too big" means.
 */
export interface Budget {
  /** Items shown from a list, facts, a menu or a run of recommendations or services. */
  maxItems: number;
  /** Characters of any one paragraph. */
  maxChars: number;
}

export const FULL: Budget = { maxItems: Number.POSITIVE_INFINITY, maxChars: Number.POSITIVE_INFINITY };

/** From showing everything to showing the essentials; the first budget whose reply fits is used. */
export const BUDGETS: readonly Budget[] = [FULL, { maxItems: 30, maxChars: 1500 }, { maxItems: 12, maxChars: 600 }, { maxItems: 5, maxChars: 250 }];

/** Recommendations and services in a row count as items, so a very long run is cut too. */
const isItem = (b: Block) => b.type === 'recommendation' || b.type === 'service';

/** One view rendered within a budget: items past `maxItems` are replaced by one "…and N more". */
export function renderWithin<T>(v: View, budget: Budget, render: (b: Block, budget: Budget) => T[], andMore: (n: number) => T): T[] {
  const out: T[] = [];
  let items = 0;
  let skipped = 0;
  for (const b of v.blocks) {
    if (isItem(b) && ++items > budget.maxItems) {
      skipped += 1;
      continue;
    }
    if (skipped) out.push(andMore(skipped));
    skipped = 0;
    out.push(...render(b, budget));
  }
  if (skipped) out.push(andMore(skipped));
  return out;
}

/** Text cut to a length at a word boundary when one is near, with an ellipsis. */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= 1) return '…'.slice(0, max);
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

function blockSummary(b: Block): string | undefined {
  switch (b.type) {
    case 'heading':
    case 'text':
      return b.text;
    case 'recommendation':
      return b.rec.title;
    case 'form':
      return b.form.title;
    case 'question':
      return b.question.prompt;
    default:
      return undefined;
  }
}

/**
 * Plain one-line text for notifications and previews: the first heading or line of the reply.
 * Notification areas show markup literally, so emphasis markers are dropped.
 */
export function summaryOf(views: readonly View[], max = 200): string {
  const first = views.flatMap((v) => v.blocks).map(blockSummary).find((s) => s && s.trim());
  const plain = (first ?? 'Graduated response').replace(/\*\*|__/g, '').replace(/\s+/g, ' ').trim();
  // A preview line is cut hard at the limit: there is no room to spare for a word boundary.
  return plain.length <= max ? plain : `${plain.slice(0, max - 1).trimEnd()}…`;
}
