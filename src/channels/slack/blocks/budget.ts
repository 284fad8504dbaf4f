/**
 * How much of each block a reply may show. Slack counts blocks (50 in a message, 100 in a modal or
 * Home tab), so a reply that would have too many is shown with tighter budgets: long lists and
 * runs of results first ("…and N more"), then long paragraphs.
 */
export interface Budget {
  /** Items shown from a list, facts, a menu or a run of recommendations or services. */
  maxItems: number;
  /** Characters of any one paragraph. */
  maxChars: number;
}

export const FULL: Budget = { maxItems: Number.POSITIVE_INFINITY, maxChars: Number.POSITIVE_INFINITY };

/** From showing everything to showing the essentials; the first whose blocks fit is used. */
export const BUDGETS: readonly Budget[] = [FULL, { maxItems: 30, maxChars: 1500 }, { maxItems: 12, maxChars: 600 }, { maxItems: 5, maxChars: 250 }];
