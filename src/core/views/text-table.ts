import type { TableView } from './view.js';

/**
 * A table as lines of fixed-width text: the first column left-aligned (the rows' names), the
 * figures right-aligned, a rule under the headings and above the totals. For the terminal and for
 * channels that show a table as preformatted text (a Slack code block). Long row names are cut to
 * `maxLabel` characters so the figures stay in line.
 */
export function textTable(t: TableView, maxLabel = 32): string[] {
  const cut = (s: string) => (s.length > maxLabel ? `${s.slice(0, maxLabel - 1)}…` : s);
  const all = [t.headings, ...t.rows, ...(t.totals ? [t.totals] : [])].map((r) => r.map((c, i) => (i === 0 ? cut(c) : c)));
  const widths = t.headings.map((_, i) => Math.max(...all.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ').trimEnd();
  const rule = widths.map((w) => '-'.repeat(w)).join('  ');
  const [head, ...rest] = all;
  const body = rest.slice(0, t.rows.length).map(line);
  return [line(head!), rule, ...body, ...(t.totals ? [rule, line(all.at(-1)!)] : [])];
}
