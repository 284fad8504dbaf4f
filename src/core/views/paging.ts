/**
 * Pages of a long list or record, the same in every channel: a fixed number of items a page for
 * lists (so Next and Previous always land on the same pupils while nothing changes), or as many
 * sections as fit a character budget for a record shown in full (so a long plan is never cut).
 * Page numbers start at 1; a number past either end shows the nearest page.
 */

export interface Page<T> {
  items: T[];
  page: number;
  pages: number;
  total: number;
}

/** Pupils or entries on one page of a list: few enough for a phone and for Slack's 50 blocks. */
export const LIST_PAGE_SIZE = 10;

/**
 * Characters of a record's sections on one page: well inside a Teams card (about 24 KB of its
 * 80 KB as UTF-16) and, at one Slack section per 3,000 characters, a handful of Slack's 50 blocks.
 */
export const RECORD_PAGE_CHARS = 12_000;

const clampPage = (page: number, pages: number) => Math.min(Math.max(1, Number.isFinite(page) ? Math.trunc(page) : 1), pages);

/** One page of `size` items. */
export function pageOf<T>(all: readonly T[], page: number, size: number = LIST_PAGE_SIZE): Page<T> {
  const pages = Math.max(1, Math.ceil(all.length / size));
  const at = clampPage(page, pages);
  return { items: all.slice((at - 1) * size, at * size), page: at, pages, total: all.length };
}

/**
 * One page of sections grouped in order so each page's characters (by `charsOf`) stay within
 * `maxChars`; a section bigger than that has a page of its own. Sections are never split.
 */
export function pageBySize<T>(all: readonly T[], page: number, charsOf: (t: T) => number, maxChars: number = RECORD_PAGE_CHARS): Page<T> {
  const groups: T[][] = [];
  let current: T[] = [];
  let used = 0;
  for (const item of all) {
    const n = charsOf(item);
    if (current.length && used + n > maxChars) {
      groups.push(current);
      current = [];
      used = 0;
    }
    current.push(item);
    used += n;
  }
  if (current.length || !groups.length) groups.push(current);
  const at = clampPage(page, groups.length);
  return { items: groups[at - 1]!, page: at, pages: groups.length, total: all.length };
}
