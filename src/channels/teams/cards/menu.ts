import type { MenuItem } from '../../../core/views/view.js';
import type { ColumnSet, Element } from './adaptive-types.js';
import { commandAction } from './actions.js';
import { andMore, FULL, textBlock, type Budget } from './elements.js';

/**
 * The menu as rows of a button and what it does. Each button sends its command as if typed; one
 * button per row keeps every row well inside Teams' limit on buttons side by side.
 */
function row(item: MenuItem): ColumnSet {
  return {
    type: 'ColumnSet',
    spacing: 'Small',
    columns: [
      { type: 'Column', width: 'auto', verticalContentAlignment: 'Center', items: [{ type: 'ActionSet', actions: [commandAction(item.label, item.command)] }] },
      { type: 'Column', width: 'stretch', verticalContentAlignment: 'Center', items: [textBlock(item.description, { isSubtle: true })] },
    ],
  };
}

export function menuElements(items: readonly MenuItem[], budget: Budget = FULL): Element[] {
  const shown = items.slice(0, budget.maxItems);
  return [...shown.map(row), ...(items.length > shown.length ? [andMore(items.length - shown.length)] : [])];
}
