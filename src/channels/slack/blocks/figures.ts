import { textTable } from '../../../core/views/text-table.js';
import type { TableView } from '../../../core/views/view.js';
import type { KnownBlock } from './slack-types.js';
import { context, escape, LIMITS, safe, section } from './text.js';

/**
 * A table of figures as Block Kit: Slack draws no charts, so the table is set as fixed-width text in
 * a code block under its title (lines cut to fit a section), with its note in small print.
 */
export function figureBlocks(t: TableView): KnownBlock[] {
  const title = `*${safe(t.title, 200)}*\n`;
  const lines: string[] = [];
  let used = title.length + 8;
  for (const l of textTable(t, 28).map(escape)) {
    if (used + l.length + 1 > LIMITS.sectionText) break;
    lines.push(l);
    used += l.length + 1;
  }
  return [section(`${title}\`\`\`${lines.join('\n')}\`\`\``), ...(t.note ? [context(safe(t.note, LIMITS.textObject))] : [])];
}
