import type { Button } from './slack-types.js';
import { LIMITS, plain } from './text.js';

/**
 * A button that the listeners receive by its action_id. Buttons of one kind share it here;
 * `uniqueActionIds` numbers them once a whole view is built.
 */
export function button(text: string, actionId: string, value: string, style?: 'primary' | 'danger'): Button {
  return {
    type: 'button',
    text: plain(text, LIMITS.buttonText),
    action_id: actionId.slice(0, LIMITS.id),
    value: value.slice(0, LIMITS.buttonValue),
    ...(style ? { style } : {}),
  };
}
