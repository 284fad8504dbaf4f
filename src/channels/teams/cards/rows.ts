import type { CommandButton, Pager, Row } from '../../../core/views/view.js';
import type { ColumnSet, Element } from './adaptive-types.js';
import { commandAction } from './actions.js';
import { actionSets, andMore, clip, FULL, plainText, smallPrint, textBlock, type Budget } from './elements.js';

/**
 * Rows of a list or a record (a pupil, a chronology entry, a plan's field), button beside the
 * words when the row opens something; a row of command buttons; and a pager. Every button is a
 * command action, so Teams updates the card in place: Next replaces the list with its next page.
 */

function rowElement(r: Row, budget: Budget): ColumnSet | Element {
  const alert = r.tone === 'warning' || r.tone === 'urgent';
  const words: Element[] = [
    textBlock(plainText(clip(r.title, budget.maxChars)), { weight: 'Bolder', ...(alert ? { color: 'Attention' as const } : {}) }),
    ...(r.detail ? [textBlock(plainText(clip(r.detail, budget.maxChars)).replace(/\r?\n/g, '\n\n'), { spacing: 'None' })] : []),
  ];
  if (!r.open) return { type: 'Container', items: words, spacing: 'Medium' };
  return {
    type: 'ColumnSet',
    spacing: 'Medium',
    columns: [
      { type: 'Column', width: 'stretch', items: words },
      { type: 'Column', width: 'auto', verticalContentAlignment: 'Center', items: [{ type: 'ActionSet', actions: [commandAction(r.open.label, r.open.command)] }] },
    ],
  };
}

export function rowsElements(rows: readonly Row[], budget: Budget = FULL): Element[] {
  const shown = rows.slice(0, budget.maxItems);
  return [...shown.map((r) => rowElement(r, budget)), ...(rows.length > shown.length ? [andMore(rows.length - shown.length)] : [])];
}

export function actionsElements(buttons: readonly CommandButton[]): Element[] {
  return actionSets(buttons.map((b) => commandAction(b.label, b.command)), 'Medium');
}

export function pagerElements(p: Pager): Element[] {
  const buttons = [...(p.previous ? [commandAction('← Previous', p.previous)] : []), ...(p.next ? [commandAction('Next →', p.next)] : [])];
  return [smallPrint(`Page ${p.page} of ${p.pages} (${p.of})`, { spacing: 'Medium' }), ...actionSets(buttons)];
}
