import type { Activity } from 'botbuilder';

/** The invoke Teams sends for a Universal Action (Action.Execute) press. */
const ACTION_INVOKE = 'adaptiveCard/action';

/** Any Action.Execute press, whatever its verb (or none): the catch-all after every known verb. */
export function isAnyExecute(a: Partial<Activity>): boolean {
  const action = (a.value as { action?: { type?: unknown } } | undefined)?.action;
  return a.type === 'invoke' && a.name === ACTION_INVOKE && action?.type === 'Action.Execute';
}

/** An Action.Submit press (a message with data and no words) that no known route took. */
export function isUnknownSubmit(a: Partial<Activity>): boolean {
  return a.type === 'message' && !a.text && typeof a.value === 'object' && a.value !== null;
}
