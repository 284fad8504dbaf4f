import type { CommandButton, Pager, Row } from '../../../core/views/view.js';
import type { ColumnSet, Element } from './adaptive-types.js';
import { commandAction } from './actions.js';
import { actionSets, andMore, clip, FULL, plainText, smallPrint, TONE_BAND, textBlock, type Budget } from './elements.js';

/**
 * Rows of a list or a record (a pupil, a chronology entry, a plan's field), button beside the
 * words when the row opens something; a row of command buttons; and a pager. Every button is a
 * command action, so Teams updates the card in place: Next replaces the list with its next page.
 */

/** A row with a tone (an overdue pupil) stands on its band, as toned text does; its words keep the default colour. */
function rowElement(r: Row, budget: Budget): ColumnSet | Element {
  const band = r.tone && r.tone !== 'success' ? TONE_BAND[r.tone] : undefined;
  const words: Element[] = [
    textBlock(plainText(clip(r.title, budget.maxChars)), { weight: 'Bolder' }),
    ...(r.detail ? [textBlock(plainText(clip(r.detail, budget.maxChars)).replace(/\r?\n/g, '\n\n'), { spacing: 'None' })] : []),
  ];
  if (!r.open) return { type: 'Container', items: words, spacing: 'Medium', ...(band ? { style: band } : {}) };
  const row: ColumnSet = {
    type: 'ColumnSet',
    spacing: 'Medium',
    columns: [
      { type: 'Column', width: 'stretch', items: words },
      { type: 'Column', width: 'auto', verticalContentAlignment: 'Center', items: [{ type: 'ActionSet', actions: [commandAction(r.open.label, r.open.command)] }] },
    ],
  };
  return band ? { type: 'Container', style: band, spacing: 'Medium', items: [{ ...row, spacing: 'None' }] } : row;
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
