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

/** Buttons in a row at most, on a phone-width ("narrow") card: four in one row run off a 340 px card. */
export const NARROW_ROW = 2;
/** Characters of button titles side by side in a narrow row ("On a PSP" and "At risk" fit; "Record a review" and another do not). */
const NARROW_ROW_CHARS = 22;

/**
 * A row of command buttons; when their titles would not fit a phone's width side by side, laid out
 * twice: in one row from a standard width, and in rows of NARROW_ROW (fewer for long titles) on a
 * phone (targetWidth), so every button shows whole at 340 px.
 */
export function actionsElements(buttons: readonly CommandButton[]): Element[] {
  const actions = buttons.map((b) => commandAction(b.label, b.command));
  if (actions.length <= 1 || actions.reduce((n, x) => n + x.title.length, 0) <= NARROW_ROW_CHARS) return actionSets(actions, 'Medium');
  const wide = actionSets(actions, 'Medium').map((set) => ({ ...set, targetWidth: 'atLeast:standard' as const }));
  // Rows of at most NARROW_ROW, fewer when their titles would not fit side by side.
  const rows: (typeof actions)[] = [];
  for (const action of actions) {
    const row = rows.at(-1);
    const chars = (row ?? []).reduce((n, x) => n + x.title.length, 0) + action.title.length;
    if (row && row.length < NARROW_ROW && chars <= NARROW_ROW_CHARS) row.push(action);
    else rows.push([action]);
  }
  const narrow: Element[] = rows.map((row, i) => ({ type: 'ActionSet', actions: row, spacing: i === 0 ? 'Medium' : 'Small', targetWidth: 'atMost:narrow' }));
  return [...wide, ...narrow];
}

export function pagerElements(p: Pager): Element[] {
  const buttons = [...(p.previous ? [commandAction('← Previous', p.previous)] : []), ...(p.next ? [commandAction('Next →', p.next)] : [])];
  return [smallPrint(`Page ${p.page} of ${p.pages} (${p.of})`, { spacing: 'Medium' }), ...actionSets(buttons)];
}
