import type { Action, AdaptiveCard, Element, ExecuteAction, Input, OpenUrlAction, TextBlock } from '../../../../src/channels/teams/cards/adaptive-types.js';

/** Finding things in a rendered card, as a person would look for them. */

type Node = Element | AdaptiveCard;

function children(n: Node): Element[] {
  switch (n.type) {
    case 'AdaptiveCard':
      return n.body;
    case 'Container':
      return n.items;
    case 'ColumnSet':
      return n.columns.flatMap((c) => c.items);
    default:
      return [];
  }
}

/** Every element, depth first, in reading order. */
export function elements(n: Node): Element[] {
  return children(n).flatMap((c) => [c, ...elements(c)]);
}

export const textBlocks = (n: Node): TextBlock[] => elements(n).filter((e): e is TextBlock => e.type === 'TextBlock');
export const texts = (n: Node): string[] => textBlocks(n).map((t) => t.text);
export const inputs = (n: Node): Input[] => elements(n).filter((e): e is Input => e.type.startsWith('Input.'));
export const actions = (n: Node): Action[] => elements(n).flatMap((e) => (e.type === 'ActionSet' ? e.actions : []));
export const executes = (n: Node): ExecuteAction[] => actions(n).filter((a): a is ExecuteAction => a.type === 'Action.Execute');
export const links = (n: Node): OpenUrlAction[] => actions(n).filter((a): a is OpenUrlAction => a.type === 'Action.OpenUrl');

export function input(n: Node, id: string): Input {
  const found = inputs(n).find((i) => i.id === id);
  if (!found) throw new Error(`no input ${id}; inputs are ${inputs(n).map((i) => i.id).join(', ')}`);
  return found;
}

/** The element straight after the one with this id, among its siblings. */
export function after(n: Node, id: string): Element | undefined {
  for (const parent of [n, ...elements(n)]) {
    const list = children(parent);
    const i = list.findIndex((e) => 'id' in e && e.id === id);
    if (i >= 0 && parent.type !== 'ColumnSet') return list[i + 1];
  }
  return undefined;
}

export function execute(n: Node, title: string): ExecuteAction {
  const found = executes(n).find((a) => a.title === title);
  if (!found) throw new Error(`no button ${title}; buttons are ${executes(n).map((a) => a.title).join(', ')}`);
  return found;
}

/** The Containers whose text includes this. */
export const containersWith = (n: Node, text: string) =>
  elements(n).filter((e) => e.type === 'Container' && texts(e).some((t) => t.includes(text)));
