import type { ActionSet, Container, Element, ToggleVisibilityAction } from './adaptive-types.js';

/**
 * "Show details" on the same card: the details start hidden, and one button shows them and turns
 * into "Hide details". Action.ToggleVisibility works in the client, so it needs no call to the bot
 * and survives a card that is never refreshed. Element ids come from the card's own counter, so two
 * folded parts on one card never share an id.
 */

/** Fresh element ids for one card. */
export type IdSource = () => string;

export function idSource(prefix = 'details'): IdSource {
  let n = 0;
  return () => `${prefix}-${++n}`;
}

/** What the buttons say: "Show details" and "Hide details" unless a card names what is folded. */
export interface DetailsTitles {
  show: string;
  hide: string;
}

const DETAILS: DetailsTitles = { show: 'Show details', hide: 'Hide details' };

/** The button and the hidden details it shows. */
export function detailsElements(inner: Element[], nextId: IdSource, titles: DetailsTitles = DETAILS): Element[] {
  const id = nextId();
  const show = `${id}-show`;
  const hide = `${id}-hide`;
  const toggle = (title: string): ToggleVisibilityAction => ({ type: 'Action.ToggleVisibility', title, targetElements: [id, show, hide] });
  const showSet: ActionSet = { type: 'ActionSet', id: show, spacing: 'Medium', actions: [toggle(titles.show)] };
  const hideSet: ActionSet = { type: 'ActionSet', id: hide, spacing: 'Medium', isVisible: false, actions: [toggle(titles.hide)] };
  const body: Container = { type: 'Container', id, isVisible: false, spacing: 'Small', items: inner };
  return [showSet, hideSet, body];
}
