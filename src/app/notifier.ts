import type { View } from '../core/views/view.js';

/**
 * How the core reaches someone outside a conversation they started (reminders, LA notifications).
 * One implementation per channel; the scheduler and services only see this.
 */
export interface Notifier {
  /** 'unreachable' when the person has never installed or used the app in this channel. */
  notifyPerson(personId: string, views: readonly View[]): Promise<'sent' | 'unreachable'>;
  /** False when sends to this person cannot go (never installed, removed the bot); absent when the channel cannot tell. */
  reachable?(personId: string): boolean;
}

/** The notifier of each channel the bot runs in. */
export type Notifiers = Partial<Record<'teams' | 'slack', Notifier>>;

/** The channel that reaches a person, by the prefix of their id (`teams:`, `slack:`); none for local users. */
export function notifierFor(notifiers: Notifiers, personId: string): Notifier | undefined {
  const channel = personId.slice(0, personId.indexOf(':'));
  return channel === 'teams' || channel === 'slack' ? notifiers[channel] : undefined;
}
